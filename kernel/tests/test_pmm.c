/*
 * test_pmm.c - host tests for mm/pmm.c against a fake memory map.
 *
 * A brute-force oracle (frame_ok) says which frames may ever be handed out;
 * the allocator's bitmap must agree with it frame by frame.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "mm/pmm.h"

#define KiB 0x400ULL
#define MiB 0x100000ULL

static const struct bi_mem_region map[] = {
	{ 0x0,       0x1000,             BI_MEM_RESERVED, 0 },
	{ 0x1000,    0x9e000,            BI_MEM_USABLE, 0 },     /* all below 1 MiB */
	{ 0x9f000,   0x41000,            BI_MEM_RESERVED, 0 },
	{ 0xe0000,   0x800000 - 0xe0000, BI_MEM_USABLE, 0 },     /* straddles 1 MiB */
	{ 0x800000,  0x100000,           BI_MEM_BOOTLOADER, 0 },
	{ 0x900000,  0x700000,           BI_MEM_USABLE, 0 },
	{ 0x1000000, 0x10000,            BI_MEM_ACPI_RECLAIM, 0 },
	{ 0x1010800, 0x1ef800,           BI_MEM_USABLE, 0 },     /* unaligned start */
	{ 0x1200000, 0x200000,           BI_MEM_ACPI_NVS, 0 },
	{ 0x1400000, 0xbf5234,           BI_MEM_USABLE, 0 },     /* unaligned end */
	{ 0x3000000, 0x100000,           BI_MEM_MMIO, 0 },
};
#define NMAP (sizeof(map) / sizeof(map[0]))
#define TOP 0x1ff5234ULL
#define NFRAMES 0x1ff5ULL /* not a multiple of 64: the last word has tail bits */

/* Slot 0 is filled in with the bitmap's own home, as the kernel would do. */
static struct pmm_range res[] = {
	{ 0, 0 },
	{ 0x200800,  0x123456 },  /* "kernel": frames [0x200, 0x324), partial at both ends */
	{ 0x1100100, 0x20000 },   /* "initrd": frames [0x1100, 0x1121) */
	{ 0x8ff000,  0x2000 },    /* straddles BOOTLOADER and the next USABLE region */
	{ 0x5000,    0x1000 },    /* in low memory anyway */
	{ 0x1500800, 0 },         /* empty: reserves nothing */
};
#define NRES (sizeof(res) / sizeof(res[0]))

static bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return alen && blen && a < b + blen && b < a + alen;
}

/* May frame f ever be handed out? Brute force over map and res. */
static bool frame_ok(uint64_t f)
{
	uint64_t a = f * PAGE_SIZE;
	bool usable = false;

	if (a < PMM_LOW_RESERVED || f >= NFRAMES)
		return false;
	for (size_t i = 0; i < NMAP; i++)
		if (map[i].type == BI_MEM_USABLE && a >= map[i].base &&
		    a + PAGE_SIZE <= map[i].base + map[i].length)
			usable = true;
	for (size_t i = 0; i < NRES; i++)
		if (overlaps(a, PAGE_SIZE, res[i].base, res[i].length))
			return false;
	return usable;
}

/* Does [base, base+len) lie inside one usable region and clear of every reserved range? */
static bool space_ok(const struct bi_mem_region *m, size_t n,
		     const struct pmm_range *r, size_t nr, uint64_t base, uint64_t len)
{
	bool inside = false;

	if (base % PAGE_SIZE || base < PMM_LOW_RESERVED)
		return false;
	for (size_t i = 0; i < n; i++)
		if (m[i].type == BI_MEM_USABLE && base >= m[i].base &&
		    base + len <= m[i].base + m[i].length)
			inside = true;
	for (size_t i = 0; i < nr; i++)
		if (overlaps(base, len, r[i].base, r[i].length))
			return false;
	return inside;
}

static void test_sizes(void)
{
	CHECK_EQ(pmm_usable_top(map, NMAP), TOP);
	CHECK_EQ(pmm_usable_top(map, 0), 0);
	CHECK_EQ(pmm_usable_top(map + 4, 1), 0); /* BOOTLOADER only */
	CHECK_EQ(pmm_usable_top(map, 3), 0x9f000);

	CHECK_EQ(pmm_bitmap_bytes(0), 0);
	CHECK_EQ(pmm_bitmap_bytes(4095), 0);
	CHECK_EQ(pmm_bitmap_bytes(4096), 8);
	CHECK_EQ(pmm_bitmap_bytes(64 * 4096), 8);
	CHECK_EQ(pmm_bitmap_bytes(64 * 4096 + 4096), 16);
	CHECK_EQ(pmm_bitmap_bytes(TOP), 1024);
	CHECK_EQ(pmm_bitmap_bytes(4ULL << 30), (4ULL << 30) / 4096 / 8);
}

static void test_find_space(void)
{
	/* The kernel's ranges without the bitmap (slot 0 still empty). */
	const struct pmm_range *r = res;
	uint64_t got;

	CHECK_EQ(pmm_find_space(map, NMAP, r, NRES, 1024), 0x100000);
	CHECK_EQ(pmm_find_space(map, NMAP, r, NRES, MiB), 0x100000);
	CHECK_EQ(pmm_find_space(map, NMAP, r, NRES, MiB + 1), 0x324000); /* past the kernel */
	CHECK_EQ(pmm_find_space(map, NMAP, r, NRES, 6 * MiB), 0x901000); /* past res[3] */
	CHECK_EQ(pmm_find_space(map, NMAP, r, NRES, 0xbf5000), 0x1400000); /* exactly fits */
	CHECK_EQ(pmm_find_space(map, NMAP, r, NRES, 0xbf5001), 0);
	CHECK_EQ(pmm_find_space(map, NMAP, r, NRES, 0), 0);
	CHECK_EQ(pmm_find_space(map, NMAP, r, NRES, UINT64_MAX), 0);
	CHECK_EQ(pmm_find_space(map, NMAP, r, NRES, UINT64_MAX - 5000), 0);
	CHECK_EQ(pmm_find_space(map, 0, r, NRES, 4096), 0);

	/* Every size from a byte to 13 MiB: the answer is valid or 0 only when nothing fits. */
	for (uint64_t bytes = 1; bytes <= 13 * MiB; bytes = bytes * 3 / 2 + 1) {
		got = pmm_find_space(map, NMAP, r, NRES, bytes);
		if (bytes <= 0xbf5000)
			CHECK(space_ok(map, NMAP, r, NRES, got, bytes));
		else
			CHECK_EQ(got, 0);
	}

	/* Low memory only: nothing. */
	CHECK_EQ(pmm_find_space(map, 3, NULL, 0, 4096), 0);

	/* Straddling 1 MiB: only the part above it counts. */
	{
		const struct bi_mem_region m[] = { { 0xe0000, 0x30000, BI_MEM_USABLE, 0 } };
		CHECK_EQ(pmm_find_space(m, 1, NULL, 0, 0x10000), 0x100000);
		CHECK_EQ(pmm_find_space(m, 1, NULL, 0, 0x10001), 0);
	}
	/* Unaligned edges: only whole frames inside the region are used. */
	{
		const struct bi_mem_region m[] = { { 0x100800, 0x3000, BI_MEM_USABLE, 0 } };
		CHECK_EQ(pmm_find_space(m, 1, NULL, 0, 0x2000), 0x101000);
		CHECK_EQ(pmm_find_space(m, 1, NULL, 0, 0x2001), 0);
	}
	/* A reserved range covering a whole region, and one touching a frame partially. */
	{
		const struct bi_mem_region m[] = { { 0x200000, 0x4000, BI_MEM_USABLE, 0 } };
		const struct pmm_range all[] = { { 0x1ff000, 0x10000 } };
		const struct pmm_range bit[] = { { 0x200fff, 1 }, { 0x203000, 0 } };
		CHECK_EQ(pmm_find_space(m, 1, all, 1, 1), 0);
		CHECK_EQ(pmm_find_space(m, 1, bit, 2, 1), 0x201000);
		CHECK_EQ(pmm_find_space(m, 1, bit, 2, 0x3000), 0x201000);
		CHECK_EQ(pmm_find_space(m, 1, bit, 2, 0x3001), 0);
	}
	/* Non-usable types are never chosen. */
	{
		const struct bi_mem_region m[] = {
			{ 0x200000, 0x100000, BI_MEM_RESERVED, 0 },
			{ 0x300000, 0x100000, BI_MEM_ACPI_RECLAIM, 0 },
			{ 0x400000, 0x100000, BI_MEM_BOOTLOADER, 0 },
			{ 0x500000, 0x100000, BI_MEM_USABLE, 0 },
		};
		CHECK_EQ(pmm_find_space(m, 4, NULL, 0, 4096), 0x500000);
		CHECK_EQ(pmm_find_space(m, 3, NULL, 0, 4096), 0);
	}
}

/* Set up p over the fake map with its bitmap in a heap block of exactly the right size. */
static uint64_t *setup(struct pmm *p)
{
	size_t bytes = pmm_bitmap_bytes(TOP);
	uint64_t *bm = malloc(bytes);

	memset(bm, 0x5a, bytes); /* init must overwrite everything */
	res[0].base = pmm_find_space(map, NMAP, res + 1, NRES - 1, bytes);
	res[0].length = bytes;
	pmm_init(p, bm, TOP, map, NMAP, res, NRES);
	return bm;
}

static uint64_t expected_free(void)
{
	uint64_t n = 0;

	for (uint64_t f = 0; f < NFRAMES; f++)
		n += frame_ok(f);
	return n;
}

static void test_init(void)
{
	struct pmm p;
	uint64_t *bm = setup(&p);
	bool agree = true;

	CHECK_EQ(res[0].base, 0x100000);
	CHECK_EQ(p.nframes, NFRAMES);
	/*
	 * Whole usable frames at or above 1 MiB: 0x700 + 0x700 + 0x1ef + 0xbf5 =
	 * 7140; minus kernel 0x124, initrd 0x21, res[3] 1 and the bitmap 1.
	 */
	CHECK_EQ(expected_free(), 6813);
	CHECK_EQ(p.nfree, 6813);
	for (uint64_t f = 0; f < NFRAMES; f++)
		if (pmm_is_used(&p, f * PAGE_SIZE) == frame_ok(f))
			agree = false;
	CHECK(agree);
	CHECK(pmm_is_used(&p, 0));
	CHECK(pmm_is_used(&p, 0xff000));
	CHECK(!pmm_is_used(&p, 0x101000));
	CHECK(!pmm_is_used(&p, 0x101fff));
	CHECK(pmm_is_used(&p, 0x200000));   /* kernel's first, partial frame */
	CHECK(pmm_is_used(&p, 0x323000));   /* kernel's last, partial frame */
	CHECK(!pmm_is_used(&p, 0x324000));
	CHECK(pmm_is_used(&p, 0x1010000));  /* partial frame at the unaligned start */
	CHECK(!pmm_is_used(&p, 0x1011000));
	CHECK(!pmm_is_used(&p, 0x1ff4000)); /* last tracked frame */
	CHECK(pmm_is_used(&p, 0x1ff5000));  /* partial frame at the unaligned end: untracked */
	CHECK(pmm_is_used(&p, TOP));
	CHECK(pmm_is_used(&p, UINT64_MAX));
	CHECK(!pmm_is_used(&p, 0x1500000)); /* the empty reserved range took nothing */
	free(bm);
}

static void test_alloc_free(void)
{
	struct pmm p;
	uint64_t *bm = setup(&p);
	uint64_t nfree0 = p.nfree, n = 0, a, *got = malloc(nfree0 * sizeof(*got));
	bool *seen = calloc(NFRAMES, 1);
	bool aligned = true, ok = true, unique = true, marked = true, freed = true;
	unsigned char *before = malloc(pmm_bitmap_bytes(TOP));

	memcpy(before, bm, pmm_bitmap_bytes(TOP));

	/* Next fit: ascending from the bottom, and a freed frame is not reused at once. */
	a = pmm_alloc(&p);
	CHECK_EQ(a, 0x101000);
	CHECK_EQ(pmm_alloc(&p), 0x102000);
	CHECK(pmm_free(&p, a));
	CHECK_EQ(pmm_alloc(&p), 0x103000);
	CHECK(pmm_free(&p, 0x102000));
	CHECK(pmm_free(&p, 0x103000));
	CHECK_EQ(p.nfree, nfree0);

	/* Drain it. */
	while ((a = pmm_alloc(&p)) != 0) {
		if (n == nfree0) {
			ok = false;
			break;
		}
		got[n++] = a;
		if (a % PAGE_SIZE)
			aligned = false;
		else if (!frame_ok(a / PAGE_SIZE))
			ok = false;
		else if (seen[a / PAGE_SIZE])
			unique = false;
		else
			seen[a / PAGE_SIZE] = true;
		if (!pmm_is_used(&p, a))
			marked = false;
	}
	CHECK(aligned);
	CHECK(ok);
	CHECK(unique);
	CHECK(marked);
	CHECK_EQ(n, nfree0);
	CHECK_EQ(p.nfree, 0);
	CHECK_EQ(pmm_alloc(&p), 0);
	CHECK_EQ(pmm_alloc_contig(&p, 1, PAGE_SIZE), 0);

	/* Wrap round: with the hint past it, a lone freed low frame is still found. */
	CHECK(pmm_free(&p, 0x101000));
	CHECK_EQ(pmm_alloc(&p), 0x101000);

	/* Give everything back, in a scrambled order. */
	for (uint64_t i = 0; i < n; i++) {
		uint64_t j = (i * 7919) % n; /* 7919 is prime and does not divide n */
		if (!pmm_free(&p, got[j]))
			freed = false;
	}
	CHECK(n % 7919 != 0);
	CHECK(freed);
	CHECK_EQ(p.nfree, nfree0);
	CHECK(memcmp(before, bm, pmm_bitmap_bytes(TOP)) == 0);

	/* Bad frees: each returns false and changes nothing. */
	CHECK(!pmm_free(&p, 0x101000));          /* double free */
	CHECK(!pmm_free(&p, got[n - 1]));        /* double free */
	CHECK(!pmm_free(&p, 0x101800));          /* misaligned */
	CHECK(!pmm_free(&p, 0x200001));          /* misaligned, in a used frame */
	CHECK(!pmm_free(&p, 0x1ff5000));         /* the untracked partial frame */
	CHECK(!pmm_free(&p, NFRAMES * PAGE_SIZE + 0x100000));
	CHECK(!pmm_free(&p, UINT64_MAX & ~(PAGE_SIZE - 1)));
	CHECK(!pmm_free(&p, 0));                 /* low memory, used */
	CHECK(!pmm_free(&p, 0x5000));            /* low memory, usable in the map */
	CHECK(!pmm_free(&p, 0xff000));           /* the last low frame */
	CHECK_EQ(p.nfree, nfree0);
	CHECK(memcmp(before, bm, pmm_bitmap_bytes(TOP)) == 0);

	free(before);
	free(seen);
	free(got);
	free(bm);
}

/* alloc_contig(count, align) and check everything the contract promises. */
static uint64_t contig(struct pmm *p, uint64_t count, uint64_t align)
{
	size_t bytes = pmm_bitmap_bytes(TOP);
	uint64_t *before = malloc(bytes), nfree = p->nfree, a, f;
	bool was_free = true, now_used = true, others = true;

	memcpy(before, p->bitmap, bytes);
	a = pmm_alloc_contig(p, count, align);
	if (a == 0) {
		CHECK_EQ(p->nfree, nfree);
		CHECK(memcmp(before, p->bitmap, bytes) == 0);
		free(before);
		return 0;
	}
	CHECK_EQ(a % align, 0);
	CHECK_EQ(p->nfree, nfree - count);
	for (f = 0; f < NFRAMES; f++) {
		bool used_before = (before[f / 64] >> (f % 64)) & 1;
		bool in = f >= a / PAGE_SIZE && f < a / PAGE_SIZE + count;

		if (in && (used_before || !frame_ok(f)))
			was_free = false;
		if (in && !pmm_is_used(p, f * PAGE_SIZE))
			now_used = false;
		if (!in && used_before != pmm_is_used(p, f * PAGE_SIZE))
			others = false;
	}
	CHECK(was_free);
	CHECK(now_used);
	CHECK(others);
	free(before);
	return a;
}

static void test_contig(void)
{
	struct pmm p;
	uint64_t *bm = setup(&p);
	uint64_t a, b, c;

	CHECK_EQ(contig(&p, 16, PAGE_SIZE), 0x101000);
	CHECK_EQ(contig(&p, 512, 2 * MiB), 0x400000); /* 0x200000 holds the kernel */
	CHECK_EQ(contig(&p, 512, 2 * MiB), 0x600000);
	CHECK_EQ(contig(&p, 512, 2 * MiB), 0xa00000);
	/* 1024 free frames at 0xc00000, but not 1025. */
	CHECK_EQ(contig(&p, 1025, 2 * MiB), 0x1400000);
	CHECK_EQ(contig(&p, 0xbf5 - 1025, PAGE_SIZE), 0x1801000);
	/*
	 * Free runs left (frames): 0xef at 0x111000, 0xdc at 0x324000, 0xff at
	 * 0x901000, 0x400 at 0xc00000, 0xef at 0x1011000, 0xdf at 0x1121000.
	 */
	CHECK_EQ(contig(&p, 1, 1ULL << 30), 0);      /* no 1 GiB-aligned free frame */
	CHECK_EQ(contig(&p, 0x401, PAGE_SIZE), 0);
	CHECK_EQ(contig(&p, 0x400, PAGE_SIZE), 0xc00000);
	CHECK_EQ(contig(&p, 1, 2 * MiB), 0);         /* free frames, none 2 MiB-aligned */
	CHECK_EQ(contig(&p, 0x100, PAGE_SIZE), 0);
	CHECK_EQ(contig(&p, 0xff, PAGE_SIZE), 0x901000);
	CHECK_EQ(contig(&p, 0xef, PAGE_SIZE), 0x111000);
	CHECK_EQ(contig(&p, 0xef, PAGE_SIZE), 0x1011000);
	CHECK_EQ(contig(&p, 0xdf, 64 * KiB), 0);     /* neither 0xdc nor 0xdf run is aligned */
	CHECK_EQ(contig(&p, 0xd0, 64 * KiB), 0x330000); /* the aligned tail of 0x324000 */
	CHECK_EQ(contig(&p, 0xd0, 64 * KiB), 0x1130000);
	CHECK_EQ(p.nfree, 0xdc + 0xdf - 2 * 0xd0);

	/* Nonsense arguments. */
	CHECK_EQ(contig(&p, 0, PAGE_SIZE), 0);
	CHECK_EQ(contig(&p, UINT64_MAX, PAGE_SIZE), 0);
	CHECK_EQ(contig(&p, NFRAMES + 1, PAGE_SIZE), 0);
	CHECK_EQ(pmm_alloc_contig(&p, 1, 0), 0);
	CHECK_EQ(pmm_alloc_contig(&p, 1, 2048), 0);
	CHECK_EQ(pmm_alloc_contig(&p, 1, 0x3000), 0);

	/* Mixed with single frames, and freed back one by one. */
	a = contig(&p, 3, PAGE_SIZE);
	b = pmm_alloc(&p);
	c = contig(&p, 2, 8 * PAGE_SIZE);
	CHECK(a != 0 && b != 0 && c != 0);
	CHECK(!(b >= a && b < a + 3 * PAGE_SIZE) && !(b >= c && b < c + 2 * PAGE_SIZE));
	for (uint64_t i = 0; i < 3; i++)
		CHECK(pmm_free(&p, a + i * PAGE_SIZE));
	CHECK(!pmm_free(&p, a));
	free(bm);

	/* Exhaust with contiguous runs of one, then nothing is left. */
	bm = setup(&p);
	while (pmm_alloc_contig(&p, 1, PAGE_SIZE) != 0)
		;
	CHECK_EQ(p.nfree, 0);
	free(bm);
}

/* Memory that ends below 1 MiB: nothing to hand out at all. */
static void test_low_only(void)
{
	struct pmm p;
	uint64_t top = pmm_usable_top(map, 3);
	uint64_t *bm = malloc(pmm_bitmap_bytes(top));

	pmm_init(&p, bm, top, map, 3, NULL, 0);
	CHECK_EQ(p.nfree, 0);
	CHECK_EQ(pmm_alloc(&p), 0);
	CHECK_EQ(pmm_alloc_contig(&p, 1, PAGE_SIZE), 0);
	CHECK(!pmm_free(&p, 0x5000));
	CHECK(pmm_is_used(&p, 0x5000));
	free(bm);

	/* No memory at all: a zero-sized bitmap. */
	pmm_init(&p, NULL, 0, map, 0, NULL, 0);
	CHECK_EQ(p.nframes, 0);
	CHECK_EQ(p.nfree, 0);
	CHECK_EQ(pmm_alloc(&p), 0);
	CHECK_EQ(pmm_alloc_contig(&p, 1, PAGE_SIZE), 0);
	CHECK(!pmm_free(&p, 0x100000));
	CHECK(pmm_is_used(&p, 0x100000));
}

int main(void)
{
	test_sizes();
	test_find_space();
	test_init();
	test_alloc_free();
	test_contig();
	test_low_only();
	return check_done();
}
