/*
 * test_malloc.c - the libc allocator (tl_ names) over host_sys.c's static
 * arena: alignment, no overlap, reuse through coalescing, big blocks,
 * calloc and realloc, failure, bad pointers, and the in-use count.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "host_sys.h"

#define NPTR 400

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static unsigned long long next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Fill p[0..n) with a pattern made from id. */
static void fill(unsigned char *p, size_t n, unsigned id)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(id * 31 + i);
}

/* True when p[0..n) still holds fill(p, n, id)'s pattern. */
static int intact(const unsigned char *p, size_t n, unsigned id)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(id * 31 + i))
			return 0;
	return 1;
}

static int in_arena(const void *p)
{
	return (const unsigned char *)p >= sys_arena &&
	       (const unsigned char *)p < sys_arena + SYS_ARENA_SIZE;
}

static void test_basic(void)
{
	void *p = tl_malloc(0);
	void *q = tl_malloc(1);

	CHECK(p != NULL && q != NULL && p != q);  /* malloc(0) gives a unique pointer */
	CHECK_EQ((uintptr_t)p % 16, 0);
	CHECK(in_arena(p) && in_arena(q));
	tl_free(p);
	tl_free(q);
	tl_free(NULL);
	CHECK_EQ(tl___malloc_in_use(), 0);

	p = tl_malloc(100);
	CHECK(tl___malloc_in_use() >= 100 && tl___malloc_in_use() < 100 + 32);
	tl_free(p);
	CHECK_EQ(tl___malloc_in_use(), 0);
}

/* Random sizes, random frees: aligned, disjoint, contents kept. */
static void test_random(void)
{
	static unsigned char *ptr[NPTR];
	static size_t len[NPTR];
	int misaligned = 0, clobbered = 0, overlap = 0, failed = 0;

	for (int round = 0; round < 20000; round++) {
		int i = (int)(next_rand() % NPTR);

		if (ptr[i]) {
			if (!intact(ptr[i], len[i], (unsigned)i))
				clobbered++;
			tl_free(ptr[i]);
			ptr[i] = NULL;
			continue;
		}
		/* Mostly small, some up to 4 KiB, a few up to 40 KiB. */
		switch (next_rand() % 8) {
		case 0: len[i] = next_rand() % 40000; break;
		case 1: case 2: len[i] = next_rand() % 4096; break;
		default: len[i] = next_rand() % 200; break;
		}
		ptr[i] = tl_malloc(len[i]);
		if (!ptr[i]) {
			failed++;
			continue;
		}
		if ((uintptr_t)ptr[i] % 16 != 0)
			misaligned++;
		fill(ptr[i], len[i], (unsigned)i);
	}
	CHECK_EQ(failed, 0);
	CHECK_EQ(misaligned, 0);
	CHECK_EQ(clobbered, 0);

	/* What is live does not overlap (checked pairwise by address range). */
	for (int i = 0; i < NPTR; i++)
		for (int j = i + 1; j < NPTR; j++)
			if (ptr[i] && ptr[j] && ptr[i] < ptr[j] + len[j] && ptr[j] < ptr[i] + len[i])
				overlap++;
	CHECK_EQ(overlap, 0);

	for (int i = 0; i < NPTR; i++) {
		if (ptr[i] && !intact(ptr[i], len[i], (unsigned)i))
			clobbered++;
		tl_free(ptr[i]);
		ptr[i] = NULL;
	}
	CHECK_EQ(clobbered, 0);
	CHECK_EQ(tl___malloc_in_use(), 0);
	printf("# heap after the random round: %zu KiB from __morecore\n", sys_arena_used / 1024);
}

/*
 * With the heap not allowed to grow, fill it with small blocks, then free
 * every other one: no big block fits in the holes. Free the rest: they
 * merge, and a 100 KB block fits without the heap growing.
 */
static void test_coalescing(void)
{
	static void *small[16384];
	int n = 0;
	void *p;

	sys_arena_limit = sys_arena_used;
	while (n < 16384 && (small[n] = tl_malloc(100)))
		n++;
	CHECK(n > 100 && n < 16384);

	for (int i = 0; i < n; i += 2)
		tl_free(small[i]);
	p = tl_malloc(1000);
	CHECK(p == NULL);
	tl_free(p);
	for (int i = 1; i < n; i += 2)
		tl_free(small[i]);
	CHECK_EQ(tl___malloc_in_use(), 0);

	p = tl_malloc(100000);
	CHECK(p != NULL && in_arena(p));
	tl_free(p);
	sys_arena_limit = SYS_ARENA_SIZE;
}

/* Requests from 128 KiB up get pages of their own, returned at free(). */
static void test_big(void)
{
	size_t arena = sys_arena_used;
	int maps = sys_map_calls;
	unsigned char *p = tl_malloc(1 << 20);

	CHECK(p != NULL && !in_arena(p));
	CHECK_EQ((uintptr_t)p % 16, 0);
	CHECK_EQ(sys_map_calls, maps + 1);
	CHECK(sys_mapped >= (1 << 20));
	CHECK_EQ(sys_arena_used, arena);
	fill(p, 1 << 20, 7);
	CHECK(intact(p, 1 << 20, 7));
	CHECK(tl___malloc_in_use() >= (1 << 20));
	tl_free(p);
	CHECK_EQ(sys_mapped, 0);
	CHECK_EQ(sys_unmap_calls, sys_map_calls);
	CHECK_EQ(tl___malloc_in_use(), 0);

	p = tl_malloc(128 * 1024 - 1);  /* just below: from the heap */
	CHECK(p != NULL && in_arena(p));
	tl_free(p);
}

static void test_calloc(void)
{
	unsigned char *p;
	int nonzero = 0;

	/* Dirty some heap, free it, then calloc over it. */
	p = tl_malloc(4000);
	memset(p, 0xaa, 4000);
	tl_free(p);
	p = tl_calloc(1000, 4);
	CHECK(p != NULL);
	for (int i = 0; p && i < 4000; i++)
		nonzero += p[i] != 0;
	CHECK_EQ(nonzero, 0);
	tl_free(p);

	tl_errno = 0;
	CHECK(tl_calloc(SIZE_MAX / 2, 3) == NULL);
	CHECK_EQ(tl_errno, ENOMEM);
	tl_errno = 0;
	CHECK(tl_calloc(SIZE_MAX / 2 + 1, 4) == NULL);      /* the product overflows */
	CHECK_EQ(tl_errno, ENOMEM);
	p = tl_calloc(0, 10);
	CHECK(p != NULL);
	tl_free(p);
	CHECK_EQ(tl___malloc_in_use(), 0);
}

static void test_realloc(void)
{
	unsigned char *p, *q;

	p = tl_realloc(NULL, 10);  /* = malloc(10) */
	CHECK(p != NULL);
	fill(p, 10, 1);
	for (size_t n = 10; n < 600000; n = n * 3 + 7) {
		q = tl_realloc(p, n * 3 + 7);
		CHECK(q != NULL && intact(q, n, 1));
		p = q;
		fill(p, n * 3 + 7, 1);
	}
	q = tl_realloc(p, 5);  /* shrinking keeps the first bytes */
	CHECK(q != NULL && intact(q, 5, 1));
	p = q;

	tl_errno = 0;
	CHECK(tl_realloc(p, 0) == NULL);  /* = free(p) */
	CHECK_EQ(tl___malloc_in_use(), 0);

	/* On failure the old block stays. */
	p = tl_malloc(50);
	fill(p, 50, 2);
	q = tl_realloc(p, SIZE_MAX - 8);
	CHECK(q == NULL && tl_errno == ENOMEM && intact(p, 50, 2));
	tl_free(p);
	CHECK_EQ(tl___malloc_in_use(), 0);
}

/* Out of memory: NULL and ENOMEM, and the allocator still works afterwards. */
static void test_exhaustion(void)
{
	void *p, *keep = NULL;
	void **chain = NULL;
	int n = 0;

	sys_arena_limit = sys_arena_used + 256 * 1024;
	tl_errno = 0;
	while ((p = tl_malloc(100000))) {
		*(void **)p = chain;
		chain = p;
		n++;
	}
	CHECK(n >= 2);
	CHECK_EQ(tl_errno, ENOMEM);
	keep = tl_malloc(16);  /* small ones may still fit in the gaps */
	while (chain) {
		p = chain;
		chain = *chain;
		tl_free(p);
	}
	tl_free(keep);
	CHECK_EQ(tl___malloc_in_use(), 0);
	p = tl_malloc(100000);
	CHECK(p != NULL);
	tl_free(p);
	sys_arena_limit = SYS_ARENA_SIZE;
}

/* free() and realloc() of something malloc() did not give, or twice: abort(). */
static void test_misuse(void)
{
	static _Alignas(16) unsigned char fake[64];
	unsigned char *p = tl_malloc(40);
	int status;

	sys_capture_reset();
	SYS_CATCH_EXIT(status, tl_free(fake + 16));
	CHECK_EQ(status, 134);
	CHECK(strstr(sys_out[2].data, "bad pointer") != NULL);
	CHECK(strstr(sys_out[2].data, "abort()\n") != NULL);

	SYS_CATCH_EXIT(status, tl_free(p + 8));  /* not 16-aligned */
	CHECK_EQ(status, 134);
	SYS_CATCH_EXIT(status, tl_realloc(fake + 32, 100));
	CHECK_EQ(status, 134);

	tl_free(p);
	SYS_CATCH_EXIT(status, tl_free(p));  /* twice */
	CHECK_EQ(status, 134);
	sys_capture_reset();
	CHECK_EQ(tl___malloc_in_use(), 0);
}

int main(void)
{
	test_basic();
	test_random();
	test_coalescing();
	test_big();
	test_calloc();
	test_realloc();
	test_exhaustion();
	test_misuse();
	return check_done();
}
