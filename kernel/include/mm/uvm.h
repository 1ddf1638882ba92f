/*
 * uvm.h - user address spaces: one PML4 per process whose lower half
 * (slots 0..255) is the process's own and whose upper half is the kernel's,
 * shared by copying the 256 kernel entries (vmm.c never changes them).
 *
 * All user pages are 4 KiB, backed by frames from frame_alloc(), and every
 * table on the way to them has PTE_U. A root is a physical address (CR3).
 * This is the page-table layer: what a process may map and where is its
 * regions' business (mm/vma.h, mm/vm.h), which call down to here.
 */
#ifndef MM_UVM_H
#define MM_UVM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PTE_STACK 0x400ULL               /* a region flag (mm/vma.h): the stack, not data */

uint64_t uvm_create(void);                           /* new empty space, or 0 */
/* Free every user page and table, and the root. */
void uvm_destroy(uint64_t root);
/* fork's copy: shared pages mapped again, private ones shared
 * copy-on-write (the parent's entries lose their write right too); or 0
 * when out of memory. */
uint64_t uvm_clone(uint64_t root);

/* Map the page-cache frame pa at va, private, with rights PTE_W / PTE_NX:
 * the entry takes a reference, and since the cache holds one too, the
 * first write copies (copy-on-write). 0 or -ENOMEM. */
int uvm_map_file(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags);
/* Map fresh zeroed pages over [va, va+len) (page-aligned) with rights
 * PTE_W / PTE_NX or PTE_PROTNONE, and the marks PTE_STACK / PTE_SHARED;
 * pages already there are replaced. 0 or
 * -ENOMEM (then the part already mapped stays: callers unmap the range). */
int uvm_alloc(uint64_t root, uint64_t va, uint64_t len, uint64_t flags);
/* Unmap [va, va+len) (pages absent are skipped). */
void uvm_unmap(uint64_t root, uint64_t va, uint64_t len);
/* How many pages of [va, va+len) have a frame of their own (not the kernel's). */
uint64_t uvm_resident(uint64_t root, uint64_t va, uint64_t len);

/* Map a frame of the kernel's (the vDSO, vvar) at va, with rights PTE_W /
 * PTE_NX; it is never freed, copied or made writable. 0 or -ENOMEM. */
int uvm_map_shared(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags);
/* Marks kept in the available bits of a user page entry: */
#define PTE_SHARED   0x200ULL            /* a shared mapping: fork maps the same frame */
#define PTE_PROTNONE 0x800ULL            /* PROT_NONE: mapped but not present (frame kept) */
#define PTE_KFRAME   (1ULL << 52)        /* the kernel's frame (with PTE_SHARED): no reference held */
#define PTE_FILE     (1ULL << 54)        /* a page-cache frame mapped private (exec): the file's, not anonymous memory */
/* The entry's flag bits when va is mapped (PROT_NONE pages too), else 0. */
uint64_t uvm_flags(uint64_t root, uint64_t va);
/* The frame of the present page at va, or 0. */
uint64_t uvm_frame(uint64_t root, uint64_t va);
/* Give the mapped page at va new rights (PTE_W, PTE_NX, or PTE_PROTNONE
 * alone), keeping its frame and marks. */
void uvm_protect(uint64_t root, uint64_t va, uint64_t rights);
/* Move the mapped page at from to the free address to, frame and all.
 * 0, or -ENOMEM when a page table cannot be made. */
int uvm_move(uint64_t root, uint64_t from, uint64_t to);
/* Make the page at va what a region with flags (rights and marks) allows
 * for the access (write or not): a zeroed frame where there is none, a
 * copy where a write meets a frame shared copy-on-write. 0, or -ENOMEM
 * (no frame, or no page table). The region's checks come first (mm/vm.c). */
int uvm_fault_page(uint64_t root, uint64_t va, uint64_t flags, bool write);
/* The lowest (or highest) mapped page in [lo, hi), page-aligned, or ~0. */
uint64_t uvm_find_mapped(uint64_t root, uint64_t lo, uint64_t hi, bool highest);

/* Frames user memory never takes: kernel stacks and page tables need them
 * even when a process has mapped all it could. */
#define UVM_FRAME_RESERVE 512

/* Copy up to n bytes from user address va of any space into dst, stopping
 * at the first page that is not present: the count. For /proc/<pid>/cmdline and environ,
 * which read another process's memory; nothing unmapped is ever touched. */
size_t uvm_read(uint64_t root, uint64_t va, void *dst, size_t n);

/* Frames currently mapped in user space (all processes), for leak checks. */
uint64_t uvm_pages_in_use(void);
/* Copy-on-write faults that copied a page, since boot. */
uint64_t uvm_cow_copies(void);

#endif
