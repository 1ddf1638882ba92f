/*
 * pmm.c - the physical frame allocator's bookkeeping (see mm/pmm.h).
 *
 * Invariant: a bitmap bit is set for every frame in use, every frame below
 * PMM_LOW_RESERVED, and every bit past nframes in the last word, so the
 * searches below never hand those out without having to check for them.
 * nfree is always the number of clear bits.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mm/pmm.h"

#define LOW_FRAMES (PMM_LOW_RESERVED / PAGE_SIZE)
#define ALL_USED (~0ULL)

static uint64_t page_down(uint64_t a)
{
	return a & ~(PAGE_SIZE - 1);
}

/* Round up to a page boundary, saturating at the last page rather than wrapping to 0. */
static uint64_t page_up(uint64_t a)
{
	if (a > UINT64_MAX - (PAGE_SIZE - 1))
		return page_down(UINT64_MAX);
	return page_down(a + PAGE_SIZE - 1);
}

/* base+length, saturating: a bogus region must not wrap round to a low address. */
static uint64_t end_of(uint64_t base, uint64_t length)
{
	return length > UINT64_MAX - base ? UINT64_MAX : base + length;
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static uint64_t nwords(const struct pmm *p)
{
	return (p->nframes + 63) / 64;
}

static bool bit_set(const uint64_t *bm, uint64_t frame)
{
	return (bm[frame / 64] >> (frame % 64)) & 1;
}

/* Set (used) or clear every bit for frames [first, last), a word at a time where possible. */
static void mark(uint64_t *bm, uint64_t first, uint64_t last, bool used)
{
	while (first < last) {
		uint64_t bit = first % 64, n = last - first, mask;

		if (bit == 0 && n >= 64) {
			n = 64;
			mask = ALL_USED;
		} else {
			/* n < 64 here, so the shift below is defined. */
			if (n > 64 - bit)
				n = 64 - bit;
			mask = ((1ULL << n) - 1) << bit;
		}
		if (used)
			bm[first / 64] |= mask;
		else
			bm[first / 64] &= ~mask;
		first += n;
	}
}

size_t pmm_bitmap_bytes(uint64_t top)
{
	/* top / PAGE_SIZE < 2^52, so adding 63 cannot overflow. */
	return (size_t)((top / PAGE_SIZE + 63) / 64 * 8);
}

uint64_t pmm_usable_top(const struct bi_mem_region *map, size_t n)
{
	uint64_t top = 0, end;

	for (size_t i = 0; i < n; i++) {
		if (map[i].type != BI_MEM_USABLE)
			continue;
		end = end_of(map[i].base, map[i].length);
		if (end > top)
			top = end;
	}
	return top;
}

/* The end of some reserved range overlapping [base, end), or 0 when none does. */
static uint64_t clash(const struct pmm_range *res, size_t nres, uint64_t base, uint64_t end)
{
	for (size_t j = 0; j < nres; j++) {
		uint64_t rb = res[j].base, re = end_of(rb, res[j].length);

		if (res[j].length != 0 && rb < end && base < re)
			return re;
	}
	return 0;
}

/* The search works in whole frames, so the range found shares no frame with a reserved one. */
uint64_t pmm_find_space(const struct bi_mem_region *map, size_t n,
			const struct pmm_range *res, size_t nres, uint64_t bytes)
{
	uint64_t need, lo, hi, base, re;

	if (bytes == 0)
		return 0;
	need = page_up(bytes);
	for (size_t i = 0; i < n; i++) {
		if (map[i].type != BI_MEM_USABLE)
			continue;
		lo = page_up(map[i].base);
		hi = page_down(end_of(map[i].base, map[i].length));
		if (lo < PMM_LOW_RESERVED)
			lo = PMM_LOW_RESERVED;
		/* Compare need with hi-base rather than base+need with hi: no wrap-around. */
		for (base = lo; base <= hi && need <= hi - base; base = page_up(re)) {
			re = clash(res, nres, base, base + need);
			if (re == 0)
				return base;
			/* re > base, so base strictly grows; past hi the region is used up. */
			if (re > hi)
				break;
		}
	}
	return 0;
}

void pmm_init(struct pmm *p, uint64_t *bitmap, uint64_t top,
	      const struct bi_mem_region *map, size_t n,
	      const struct pmm_range *res, size_t nres)
{
	uint64_t first, last;

	p->bitmap = bitmap;
	p->nframes = top / PAGE_SIZE;
	p->nfree = 0;
	p->next = 0;

	for (uint64_t w = 0; w < nwords(p); w++)
		bitmap[w] = ALL_USED;

	/* Free whole frames inside usable regions: round the start up, the end down. */
	for (size_t i = 0; i < n; i++) {
		if (map[i].type != BI_MEM_USABLE)
			continue;
		first = page_up(map[i].base) / PAGE_SIZE;
		last = min_u64(page_down(end_of(map[i].base, map[i].length)) / PAGE_SIZE, p->nframes);
		mark(bitmap, first, last, false);
	}

	mark(bitmap, 0, min_u64(LOW_FRAMES, p->nframes), true);

	/* Reserve every frame a reserved range touches: round the start down, the end up. */
	for (size_t i = 0; i < nres; i++) {
		if (res[i].length == 0)
			continue;
		first = page_down(res[i].base) / PAGE_SIZE;
		last = min_u64(page_up(end_of(res[i].base, res[i].length)) / PAGE_SIZE, p->nframes);
		mark(bitmap, first, last, true);
	}

	for (uint64_t w = 0; w < nwords(p); w++) {
		/* Count clear bits: each x &= x - 1 drops the lowest set bit of ~word. */
		for (uint64_t x = ~bitmap[w]; x != 0; x &= x - 1)
			p->nfree++;
	}
}

/*
 * Next fit: start at frame p->next, skip full words, wrap round. The first
 * word is looked at twice: from the hint up at the start, whole at the end.
 */
uint64_t pmm_alloc(struct pmm *p)
{
	uint64_t words = nwords(p), w, word, frame;
	unsigned b;

	if (p->nfree == 0 || words == 0)
		return 0;
	if (p->next >= p->nframes)
		p->next = 0;
	w = p->next / 64;
	for (uint64_t k = 0; k <= words; k++) {
		word = p->bitmap[w];
		if (k == 0)
			word |= (1ULL << (p->next % 64)) - 1; /* skip frames below the hint */
		if (word != ALL_USED) {
			for (b = 0; word & (1ULL << b); b++)
				;
			frame = w * 64 + b;
			p->bitmap[w] |= 1ULL << b;
			p->nfree--;
			p->next = frame + 1;
			return frame * PAGE_SIZE;
		}
		if (++w == words)
			w = 0;
	}
	return 0; /* unreachable while nfree is exact */
}

uint64_t pmm_alloc_contig(struct pmm *p, uint64_t count, uint64_t align)
{
	uint64_t step, start, i;

	/* count <= nfree <= nframes keeps start + count below from overflowing. */
	if (count == 0 || count > p->nfree)
		return 0;
	if (align < PAGE_SIZE || (align & (align - 1)) != 0)
		return 0;
	step = align / PAGE_SIZE;
	/* Frame 0 is always used, so a successful start is never 0. */
	for (start = 0; start <= p->nframes - count; ) {
		if (p->bitmap[start / 64] == ALL_USED) {
			/* 64 frames in use: the next candidate is past this word. */
			start = ((start / 64 + 1) * 64 + step - 1) & ~(step - 1);
			continue;
		}
		for (i = start; i < start + count && !bit_set(p->bitmap, i); i++)
			;
		if (i == start + count) {
			mark(p->bitmap, start, start + count, true);
			p->nfree -= count;
			return start * PAGE_SIZE;
		}
		/* Frame i is used: the next candidate is the first aligned frame after it. */
		start = (i + step) & ~(step - 1);
	}
	return 0;
}

bool pmm_free(struct pmm *p, uint64_t phys)
{
	uint64_t frame = phys / PAGE_SIZE;

	if (phys % PAGE_SIZE != 0 || phys < PMM_LOW_RESERVED || frame >= p->nframes)
		return false;
	if (!bit_set(p->bitmap, frame))
		return false; /* double free */
	mark(p->bitmap, frame, frame + 1, false);
	p->nfree++;
	return true;
}

bool pmm_is_used(const struct pmm *p, uint64_t phys)
{
	uint64_t frame = phys / PAGE_SIZE;

	return frame >= p->nframes || bit_set(p->bitmap, frame);
}
