/*
 * pmm.h - the physical frame allocator's bookkeeping (host-tested).
 *
 * One bit per 4 KiB frame (1 = in use) for every frame below `top`. This
 * file knows nothing about where the bitmap lives: the caller hands it
 * storage, so the same code runs in the kernel and in a host test.
 *
 * Frame 0 and everything below 1 MiB are never handed out (NULL stays
 * unmapped; low memory is where the APs' real-mode trampoline goes:
 * arch/x86_64/smp.c).
 */
#ifndef MM_PMM_H
#define MM_PMM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../api/boot_info.h"

#define PAGE_SIZE 4096UL
#define PMM_LOW_RESERVED 0x100000UL /* [0, 1 MiB) is never handed out */

struct pmm {
	uint64_t *bitmap;   /* bit i set = frame i in use */
	uint64_t nframes;   /* frames tracked: top / PAGE_SIZE */
	uint64_t nfree;     /* frames currently free */
	uint64_t next;      /* where the next search starts (a hint) */
};

/* A physical range the allocator must never hand out. */
struct pmm_range {
	uint64_t base;
	uint64_t length;
};

/* Bytes of bitmap storage needed to track frames below top (multiple of 8). */
size_t pmm_bitmap_bytes(uint64_t top);

/*
 * Highest end address of any BI_MEM_USABLE region in map (0 if none):
 * the `top` the bitmap has to cover.
 */
uint64_t pmm_usable_top(const struct bi_mem_region *map, size_t n);

/*
 * Find a page-aligned physical range of `bytes` inside a BI_MEM_USABLE
 * region, above PMM_LOW_RESERVED and overlapping none of the `nres`
 * reserved ranges. Returns its base, or 0 when there is none.
 */
uint64_t pmm_find_space(const struct bi_mem_region *map, size_t n,
			const struct pmm_range *res, size_t nres, uint64_t bytes);

/*
 * Start bookkeeping: every frame below top begins used; then each
 * BI_MEM_USABLE region of map is freed (only whole frames inside it), and
 * finally [0, PMM_LOW_RESERVED) and each of the nres reserved ranges
 * (partial frames included) are marked used again. bitmap must hold
 * pmm_bitmap_bytes(top) bytes.
 */
void pmm_init(struct pmm *p, uint64_t *bitmap, uint64_t top,
	      const struct bi_mem_region *map, size_t n,
	      const struct pmm_range *res, size_t nres);

/* Take one free frame; return its physical address, or 0 when none is left. */
uint64_t pmm_alloc(struct pmm *p);

/*
 * Take `count` physically contiguous free frames whose first address is a
 * multiple of align (a power of two >= PAGE_SIZE). Returns 0 when impossible.
 */
uint64_t pmm_alloc_contig(struct pmm *p, uint64_t count, uint64_t align);

/*
 * Give a frame back. Returns false (and changes nothing) when phys is not
 * page-aligned, is outside the bitmap, is below PMM_LOW_RESERVED, or is
 * already free (a double free).
 */
bool pmm_free(struct pmm *p, uint64_t phys);

/* True when the frame holding phys is in use (or outside the bitmap). */
bool pmm_is_used(const struct pmm *p, uint64_t phys);

#endif
