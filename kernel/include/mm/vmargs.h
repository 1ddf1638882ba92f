/*
 * vmargs.h - the argument checks of mprotect, madvise and mremap that come
 * before any page is looked at, in Linux's order (host-tested: pure
 * arithmetic, no address space). Each returns 0 or -errno.
 */
#ifndef MM_VMARGS_H
#define MM_VMARGS_H

#include <stdbool.h>
#include <stdint.h>

/* The page-entry rights for mmap/mprotect's prot: PTE_PROTNONE for
 * PROT_NONE, else PTE_W for PROT_WRITE and PTE_NX (when the CPU has it)
 * without PROT_EXEC. Any access right implies reading, as on x86. */
uint64_t prot_rights(uint64_t prot, bool nx);

/* mprotect(start, len, prot): *end gets the end of the page-rounded range
 * (start itself for len 0, which changes nothing). */
long mprotect_args(uint64_t start, uint64_t len, uint64_t prot, uint64_t *end);

/* madvise(start, len, advice): *end as for mprotect_args. */
long madvise_args(uint64_t start, uint64_t len, uint64_t advice, uint64_t *end);

/* mremap(addr, old_len, new_len, flags, new_addr), before the mapping at
 * addr is looked at: flags, alignment, a zero new length, what a new
 * address needs. *old_pages and *new_pages get the page-rounded lengths. */
long mremap_args(uint64_t addr, uint64_t old_len, uint64_t new_len, uint64_t flags,
		 uint64_t new_addr, uint64_t *old_rounded, uint64_t *new_rounded);

#endif
