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

uint64_t uvm_create(void);                           /* new empty space, or 0 */
/* Free every user page and table, and the root; what was mapped. */
struct uvm_usage uvm_destroy(uint64_t root);
uint64_t uvm_clone(uint64_t root);                   /* eager copy (fork), or 0 when out of memory */

/* Map fresh zeroed pages over [va, va+len) (page-aligned) with rights
 * PTE_W / PTE_NX (and PTE_STACK); pages already there are replaced. 0 or
 * -ENOMEM (then the part already mapped stays: callers unmap the range). */
int uvm_alloc(uint64_t root, uint64_t va, uint64_t len, uint64_t flags);
/* Unmap [va, va+len) (pages absent are skipped): what was there. */
struct uvm_usage uvm_unmap(uint64_t root, uint64_t va, uint64_t len);
/* What is mapped in [va, va+len), without changing it. */
struct uvm_usage uvm_count(uint64_t root, uint64_t va, uint64_t len);

/* Map a frame the process does not own (the vDSO, vvar) at va, with rights
 * PTE_W / PTE_NX; it is never freed or copied with the space. 0 or -ENOMEM. */
int uvm_map_shared(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags);
#define PTE_SHARED 0x200ULL              /* an available PTE bit: "not this space's frame" */
uint64_t uvm_flags(uint64_t root, uint64_t va);      /* the PTE's flag bits, 0 when unmapped */
bool uvm_range_free(uint64_t root, uint64_t va, uint64_t len); /* no page mapped there */
/* The lowest (or highest) mapped page in [lo, hi), page-aligned, or ~0. */
uint64_t uvm_find_mapped(uint64_t root, uint64_t lo, uint64_t hi, bool highest);

/* Frames user memory never takes: kernel stacks and page tables need them
 * even when a process has mapped all it could. */
#define UVM_FRAME_RESERVE 512

/* Copy n bytes to user address va of a space that need not be the current
 * one (exec builds the new stack this way). 0, or -EFAULT when unmapped. */
int uvm_write(uint64_t root, uint64_t va, const void *src, size_t n);

/* Frames currently mapped in user space (all processes), for leak checks. */
uint64_t uvm_pages_in_use(void);

#endif
