/*
 * test_frame_refs.c - host tests for mm/frame_refs.c: the reference count
 * beside pmm.c's bitmap. A frame starts with one reference, the last put
 * frees it (its bit clear, nfree back), and every misuse is reported: a
 * put past zero, a get on a free frame, a count that would wrap.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "mm/frame_refs.h"
#include "mm/pmm.h"

#define MiB 0x100000ULL
#define TOP (2 * MiB)                              /* frames [256, 512) usable */
#define NFRAMES (TOP / PAGE_SIZE)

static const struct bi_mem_region map[] = {
	{ 0, MiB, BI_MEM_RESERVED, 0 },
	{ MiB, MiB, BI_MEM_USABLE, 0 },
};

static uint64_t bitmap[NFRAMES / 64];
static uint16_t refs[NFRAMES];
static struct pmm pmm;

static void setup(void)
{
	memset(refs, 0, sizeof(refs));                    /* as frames_init clears it */
	pmm_init(&pmm, bitmap, TOP, map, 2, NULL, 0);
}

static void test_alloc_get_put(void)
{
	setup();
	uint64_t free0 = pmm.nfree, a = fref_alloc(&pmm, refs), b = fref_alloc(&pmm, refs);

	CHECK_EQ(free0, 256);
	CHECK(a && b && a != b);
	CHECK_EQ(fref_count(&pmm, refs, a), 1);            /* alloc: one reference */
	CHECK_EQ(pmm.nfree, free0 - 2);
	CHECK(pmm_is_used(&pmm, a));
	CHECK_EQ(fref_get(&pmm, refs, a), 0);
	CHECK_EQ(fref_get(&pmm, refs, a), 0);
	CHECK_EQ(fref_count(&pmm, refs, a), 3);
	CHECK_EQ(fref_put(&pmm, refs, a), 0);              /* others remain */
	CHECK_EQ(fref_put(&pmm, refs, a), 0);
	CHECK_EQ(fref_count(&pmm, refs, a), 1);
	CHECK(pmm_is_used(&pmm, a));
	CHECK_EQ(pmm.nfree, free0 - 2);
	CHECK_EQ(fref_put(&pmm, refs, a), 1);              /* the last: freed */
	CHECK_EQ(fref_count(&pmm, refs, a), 0);
	CHECK(!pmm_is_used(&pmm, a));
	CHECK_EQ(pmm.nfree, free0 - 1);
	CHECK_EQ(fref_count(&pmm, refs, b), 1);            /* the other frame untouched */

	/* Misuse, reported and changing nothing. */
	CHECK_EQ(fref_put(&pmm, refs, a), FREF_NONE);      /* a double put: the frame is free */
	CHECK_EQ(fref_get(&pmm, refs, a), FREF_NONE);      /* a get on a free frame */
	CHECK_EQ(pmm.nfree, free0 - 1);
	CHECK_EQ(fref_count(&pmm, refs, a), 0);
	CHECK_EQ(fref_get(&pmm, refs, b + 1), FREF_BAD);   /* not a frame address */
	CHECK_EQ(fref_put(&pmm, refs, TOP), FREF_BAD);     /* past the bitmap */
	CHECK_EQ(fref_get(&pmm, refs, 0x5000), FREF_NONE); /* low memory: in use, never counted */
	CHECK_EQ(fref_put(&pmm, refs, 0x5000), FREF_NONE);
	CHECK_EQ(fref_count(&pmm, refs, TOP + PAGE_SIZE), 0);

	/* A frame in use without a count (a contiguous run): get and put refuse it. */
	uint64_t c = pmm_alloc_contig(&pmm, 2, PAGE_SIZE);
	CHECK(c != 0);
	CHECK_EQ(fref_get(&pmm, refs, c), FREF_NONE);
	CHECK_EQ(fref_put(&pmm, refs, c), FREF_NONE);
	CHECK(pmm_is_used(&pmm, c));

	/* fref_free: now, whatever the count; twice is an error. */
	CHECK_EQ(fref_get(&pmm, refs, b), 0);
	CHECK_EQ(fref_free(&pmm, refs, b), 0);
	CHECK_EQ(fref_count(&pmm, refs, b), 0);
	CHECK(!pmm_is_used(&pmm, b));
	CHECK_EQ(fref_free(&pmm, refs, b), FREF_BAD);
	CHECK_EQ(fref_free(&pmm, refs, c), 0);
	CHECK_EQ(fref_free(&pmm, refs, c + PAGE_SIZE), 0);
	CHECK_EQ(pmm.nfree, free0);

	/* A freed frame comes back with a count of one again. */
	uint64_t d;
	int rounds = 0;
	while ((d = fref_alloc(&pmm, refs)) != a && d)
		rounds++;
	CHECK_EQ(d, a);
	CHECK_EQ(fref_count(&pmm, refs, a), 1);
	while (fref_alloc(&pmm, refs))
		rounds++;
	CHECK_EQ(rounds + 1, 256);                         /* every frame once, each counted 1 */
	CHECK_EQ(pmm.nfree, 0);
	int ones = 0;
	for (uint64_t f = 256; f < NFRAMES; f++)
		ones += refs[f] == 1;
	CHECK_EQ(ones, 256);
}

static void test_saturation(void)
{
	setup();
	uint64_t a = fref_alloc(&pmm, refs);

	for (unsigned i = 1; i < FREF_MAX; i++)
		if (fref_get(&pmm, refs, a) != 0)
			break;
	CHECK_EQ(fref_count(&pmm, refs, a), FREF_MAX);
	CHECK_EQ(fref_get(&pmm, refs, a), FREF_FULL);      /* one more would wrap to 0 */
	CHECK_EQ(fref_count(&pmm, refs, a), FREF_MAX);     /* unchanged */
	CHECK_EQ(fref_put(&pmm, refs, a), 0);              /* and it counts down again */
	CHECK_EQ(fref_get(&pmm, refs, a), 0);
	int freed = 0;
	for (unsigned i = 0; i < FREF_MAX; i++)
		freed += fref_put(&pmm, refs, a);
	CHECK_EQ(freed, 1);
	CHECK(!pmm_is_used(&pmm, a));
}

static void test_errors(void)
{
	CHECK(fref_error(FREF_NONE) && fref_error(FREF_FULL) && fref_error(FREF_BAD));
	CHECK(strcmp(fref_error(FREF_NONE), fref_error(FREF_FULL)) != 0);
}

int main(void)
{
	test_alloc_get_put();
	test_saturation();
	test_errors();
	return check_done();
}
