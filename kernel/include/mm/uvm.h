/*
 * uvm.h - user address spaces: one PML4 per process whose lower half
 * (slots 0..255) is the process's own and whose upper half is the kernel's,
 * shared by copying the 256 kernel entries (vmm.c never changes them).
 *
 * All user pages are 4 KiB, backed by frames from frame_alloc(), and every
 * table on the way to them has PTE_U. A root is a physical address (CR3).
 */
#ifndef MM_UVM_H
#define MM_UVM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * What a space maps, counted as Linux counts it for the resource limits:
 * every page for RLIMIT_AS (Linux's total_vm), and the private writable
 * pages that are not the stack for RLIMIT_DATA (data_vm). The page tables
 * are the only record of a mapping, so uvm_count() reads these numbers
 * from them; a process keeps a running copy (struct proc's vm) that
 * uvm_destroy() checks at the end.
 */
struct uvm_usage {
	uint64_t pages;                  /* mapped pages, shared ones included */
	uint64_t data;                   /* of them: PTE_W, neither PTE_SHARED nor PTE_STACK */
};
#define PTE_STACK 0x400ULL               /* an available PTE bit: "the stack", not data */

/* u loses what gone counts. */
static inline void uvm_usage_sub(struct uvm_usage *u, struct uvm_usage gone)
{
	u->pages -= gone.pages;
	u->data -= gone.data;
}

uint64_t uvm_create(void);                           /* new empty space, or 0 */
/* Spaces have users: a vfork child uses its parent's until it execs or
 * ends. uvm_share() adds one; uvm_unshare() drops the caller's use and
 * says true when others remain, false (dropping nothing) when the caller
 * is the last, who then calls uvm_destroy(). */
void uvm_share(uint64_t root);
bool uvm_unshare(uint64_t root);
/* Free every user page and table, and the root; what was mapped. */
struct uvm_usage uvm_destroy(uint64_t root);
/* fork's copy: private pages copied now, shared ones mapped again; or 0
 * when out of memory. */
uint64_t uvm_clone(uint64_t root);

/* Map fresh zeroed pages over [va, va+len) (page-aligned) with rights
 * PTE_W / PTE_NX or PTE_PROTNONE, and the marks PTE_STACK / PTE_SHARED;
 * pages already there are replaced. 0 or
 * -ENOMEM (then the part already mapped stays: callers unmap the range). */
int uvm_alloc(uint64_t root, uint64_t va, uint64_t len, uint64_t flags);
/* Unmap [va, va+len) (pages absent are skipped): what was there. */
struct uvm_usage uvm_unmap(uint64_t root, uint64_t va, uint64_t len);
/* What is mapped in [va, va+len), without changing it. */
struct uvm_usage uvm_count(uint64_t root, uint64_t va, uint64_t len);

/* Map a frame of the kernel's (the vDSO, vvar) at va, with rights PTE_W /
 * PTE_NX; it is never freed, copied or made writable. 0 or -ENOMEM. */
int uvm_map_shared(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags);
/* Marks kept in the available bits of a user page entry: */
#define PTE_SHARED   0x200ULL            /* a shared mapping: fork maps the same frame */
#define PTE_PROTNONE 0x800ULL            /* PROT_NONE: mapped but not present (frame kept) */
#define PTE_KFRAME   (1ULL << 52)        /* the kernel's frame (with PTE_SHARED): no reference held */
#define PTE_LAZY     (1ULL << 53)        /* no frame yet (not present): a zeroed one on first touch */
/* The entry's flag bits when va is mapped (PROT_NONE pages too), else 0. */
uint64_t uvm_flags(uint64_t root, uint64_t va);
/* Give the mapped page at va new rights (PTE_W, PTE_NX, or PTE_PROTNONE
 * alone), keeping its frame and marks. */
void uvm_protect(uint64_t root, uint64_t va, uint64_t rights);
/* Move the mapped page at from to the free address to, frame and all.
 * 0, or -ENOMEM when a page table cannot be made. */
int uvm_move(uint64_t root, uint64_t from, uint64_t to);
/* MADV_DONTNEED on the mapped page at va: a private page gives its frame
 * back and reads as zeros from now on (PTE_LAZY); a shared one keeps its
 * contents, as Linux's shared memory does. */
void uvm_discard(uint64_t root, uint64_t va);
/* A touch at va (a page fault, or the kernel writing there): give a
 * PTE_LAZY page its zeroed frame. true when there is now a page to try
 * again; false when va has no such page, it is PROT_NONE, or memory ran
 * out (then the fault is the process's). */
bool uvm_fill(uint64_t root, uint64_t va);
bool uvm_range_free(uint64_t root, uint64_t va, uint64_t len); /* no page mapped there */
/* The lowest (or highest) mapped page in [lo, hi), page-aligned, or ~0. */
uint64_t uvm_find_mapped(uint64_t root, uint64_t lo, uint64_t hi, bool highest);

/* Frames user memory never takes: kernel stacks and page tables need them
 * even when a process has mapped all it could. */
#define UVM_FRAME_RESERVE 512

/* Copy n bytes to user address va of a space that need not be the current
 * one (exec builds the new stack this way). 0, or -EFAULT when unmapped. */
int uvm_write(uint64_t root, uint64_t va, const void *src, size_t n);

/* Copy up to n bytes from user address va of any space into dst, stopping
 * at the first page that has no frame (a page MADV_DONTNEED emptied reads
 * as the zeros it holds): the count. For /proc/<pid>/cmdline and environ,
 * which read another process's memory; nothing unmapped is ever touched. */
size_t uvm_read(uint64_t root, uint64_t va, void *dst, size_t n);

/* A run of mapped pages whose entries agree (rights and marks; for the
 * kernel's frames, also physically consecutive): /proc/<pid>/maps's lines. */
struct uvm_run {
	uint64_t start, end;             /* [start, end), page-aligned */
	uint64_t flags;                  /* the first page's entry flags (PTE_W, PTE_NX, PTE_PROTNONE, the marks) */
	uint64_t pa;                     /* the first page's frame (for the kernel's: which one it is) */
};
/* The first run in [va, hi) (page-aligned), cut at hi: true and *run, or
 * false when nothing is mapped there. */
bool uvm_next_run(uint64_t root, uint64_t va, uint64_t hi, struct uvm_run *run);

/* Frames currently mapped in user space (all processes), for leak checks. */
uint64_t uvm_pages_in_use(void);

#endif
