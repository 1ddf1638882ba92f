/*
 * vma.h - a space's regions: the sorted list of what a process has asked
 * for (mmap, brk, the stack, the program's segments), each with its rights
 * and kind, whether or not a page of it is in memory yet (host-tested:
 * pure list work, no page tables).
 *
 * The page tables say what is resident; the regions say what is allowed.
 * A page fault inside a region that allows the access is resolved (a
 * zeroed frame, or a copy-on-write copy); outside, or against its rights,
 * it is the process's SIGSEGV (mm/vm.h).
 */
#ifndef MM_VMA_H
#define MM_VMA_H

#include <stdbool.h>
#include <stdint.h>

/* A region's flags: the page-entry rights and marks of mm/uvm.h (PTE_W,
 * PTE_NX, PTE_PROTNONE, PTE_SHARED, PTE_STACK, PTE_KFRAME), and these: */
#define VMA_GROWSDOWN  (1ULL << 60)      /* the stack: a fault just below it grows it */
#define VMA_NORESERVE  (1ULL << 61)      /* MAP_NORESERVE: not counted against the overcommit check */
#define VMA_FILLED     (1ULL << 59)      /* a page of it may be in memory: only then are its page tables walked */
#define VMA_APART      (1ULL << 58)      /* merged with no neighbour (vm_move's target while it moves) */

struct vma {
	uint64_t start, end;             /* [start, end), page-aligned, start < end */
	uint64_t flags;
	struct vma *next;                /* the next region up; the list never overlaps */
};

/* What regions reserve, as Linux counts it for the resource limits: all
 * pages (total_vm, RLIMIT_AS), and the private writable ones that are not
 * the stack (data_vm, RLIMIT_DATA). */
struct vm_usage {
	uint64_t pages;
	uint64_t data;
};

/* Does a region with flags f count as data? */
static inline bool vma_is_data(uint64_t f)
{
	return (f & (0x2ULL /* PTE_W */ | 0x200ULL /* PTE_SHARED */ | 0x400ULL /* PTE_STACK */)) == 0x2ULL;
}

/* Node storage, given by the user of this file (the kernel: kmalloc). */
struct vma *vma_node_new(void);
void vma_node_free(struct vma *v);

/* The first region that ends above addr (it may start above addr too), or NULL. */
struct vma *vma_find(struct vma *head, uint64_t addr);
/* The region holding addr, or NULL. */
struct vma *vma_at(struct vma *head, uint64_t addr);
/* The region just below v (ending at or below v->start), or NULL. */
struct vma *vma_prev(struct vma *head, const struct vma *v);
/* Is no part of [start, end) in a region? */
bool vma_range_free(struct vma *head, uint64_t start, uint64_t end);
/* What [start, end) of the regions reserves. */
struct vm_usage vma_usage(struct vma *head, uint64_t start, uint64_t end);

/* Add the region [start, end) with flags (the range must be free), merged
 * with a neighbour that touches it and has the same flags. 0 or -ENOMEM. */
int vma_insert(struct vma **head, uint64_t start, uint64_t end, uint64_t flags);
/* Give region v the flag bit (VMA_FILLED), then merge it with the
 * neighbours that now agree with it. */
void vma_mark(struct vma **head, struct vma *v, uint64_t bit);
/* Take [start, end) out of every region, cutting the ones that straddle
 * its edges; *gone (when given) gets what it reserved. 0, or -ENOMEM
 * (a cut needed a node; then nothing changed). */
int vma_remove(struct vma **head, uint64_t start, uint64_t end, struct vm_usage *gone);
/* Give [start, end), which one region covers whole, the flags `flags`
 * (cutting it at the edges, merging after). 0 or -ENOMEM (nothing changed). */
int vma_set_flags(struct vma **head, uint64_t start, uint64_t end, uint64_t flags);
/* The highest free range of len bytes in [low, top) that keeps gap bytes
 * below every VMA_GROWSDOWN region (Linux's stack guard gap): its start, or 0. */
uint64_t vma_free_area(struct vma *head, uint64_t len, uint64_t low, uint64_t top, uint64_t gap);
/* A copy of the list (fork), or -ENOMEM (then *dst is NULL). */
int vma_copy(struct vma **dst, const struct vma *src);
/* Free every node. */
void vma_clear(struct vma **head);

#endif
