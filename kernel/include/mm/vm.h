/*
 * vm.h - a process's memory: its regions (mm/vma.h) over its page tables
 * (mm/uvm.h), and the page fault that joins them.
 *
 * Nothing is allocated when memory is asked for: mmap, brk, the stack and
 * the program's .bss only add regions. The first touch of a page faults,
 * and vm_fault gives it a zeroed frame; a write to a page fork left
 * shared copies it then (copy-on-write). Only MAP_SHARED anonymous memory
 * is allocated at once, so that a fork child maps the very same frames.
 *
 * Overcommit (docs/memory.md): Linux's default heuristic. A private
 * writable request larger than all of RAM is refused (-ENOMEM) unless
 * MAP_NORESERVE; everything else is promised. A process that touches more
 * than there is gets SIGKILL when its fault finds no frame, with a console
 * line; the kernel and the other processes go on.
 */
#ifndef MM_VM_H
#define MM_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mm/vma.h"

/* An address space: shared by a vfork child and its parent until the
 * child execs or ends (and by threads, later). */
struct mm {
	uint64_t root;                   /* its PML4 (physical): CR3 */
	struct vma *vmas;                /* its regions, by address */
	struct vm_usage vm;              /* what they reserve: always vma_usage() of all */
	unsigned users;
};

#define STACK_GUARD_GAP (256ULL * 4096)  /* Linux's stack_guard_gap: 1 MiB kept free below the stack */

/* vm_fault's answers. */
enum { VM_OK, VM_MAPERR, VM_ACCERR, VM_OOM };
/* The access, in the #PF error code's bits. */
#define VM_WRITE 0x2u
#define VM_EXEC  0x10u

struct proc;

struct mm *mm_new(void);                 /* an empty space (the kernel's half only), or NULL */
struct mm *mm_fork(struct mm *mm);       /* a copy-on-write copy, or NULL */
void mm_get(struct mm *mm);              /* one more user */
void mm_put(struct mm *mm);              /* one user fewer; the last frees it all */

/* A fault (or a kernel copy) at addr with access (VM_WRITE, VM_EXEC): VM_OK
 * once the page is there; VM_MAPERR where no region is (a stack region
 * grows down to addr when p's limits and the guard gap allow);
 * VM_ACCERR against the region's rights; VM_OOM when no frame is left.
 * p gives the limits stack growth checks (NULL: no growth). */
int vm_fault(struct mm *mm, const struct proc *p, uint64_t addr, unsigned access);

/* Add the region [start, start+len) (free, page-aligned) with flags: no
 * frames, except for PTE_SHARED memory (all at once). 0 or -ENOMEM. */
int vm_map(struct mm *mm, uint64_t start, uint64_t len, uint64_t flags);
/* Take [start, start+len) away, regions and frames. 0 or -ENOMEM (a cut
 * region needed memory: nothing changed). */
int vm_unmap(struct mm *mm, uint64_t start, uint64_t len);
/* Give [start, end), inside one region, the rights `rights` (PTE_W,
 * PTE_NX or PTE_PROTNONE): the region and its resident pages. 0 or -ENOMEM. */
int vm_protect(struct mm *mm, uint64_t start, uint64_t end, uint64_t rights);
/* MADV_DONTNEED over [start, end): private pages drop their frames and
 * read as zeros again; shared memory keeps its contents. */
void vm_discard(struct mm *mm, uint64_t start, uint64_t end);
/* Move [from, from+len), a part of one region, to the free range
 * [to, to+newlen) (newlen >= len: the rest is new memory like the
 * region's, counted in mm->vm). 0, or -ENOMEM with nothing changed. */
int vm_move(struct mm *mm, uint64_t from, uint64_t len, uint64_t to, uint64_t newlen);

/* Write n bytes at user address va of mm (which need not be the current
 * space: execve builds the new stack so), as a write by the process
 * would: 0, or -EFAULT where it could not. */
int vm_write(struct mm *mm, uint64_t va, const void *src, size_t n);

/* Pages with a frame of their own: the resident set (VmRSS). */
uint64_t vm_resident(const struct mm *mm);

/* The overcommit check for a new private writable reservation of npages
 * (flags: the region's): false when Linux's heuristic refuses it. */
bool vm_enough_memory(uint64_t npages, uint64_t flags);

#endif
