/*
 * uaccess.h - the only way the kernel touches user memory.
 *
 * A user pointer is first checked to lie in the user half with no
 * wrap-around; the copy itself runs in arch/x86_64/uaccess.S with an exception-table
 * fixup, so an unmapped or read-only page gives -EFAULT, never a panic.
 * With SMAP on, user pages are reachable only inside these helpers.
 */
#ifndef UACCESS_H
#define UACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/cpu.h"
#include "arch/trap.h"

/* [addr, addr+n) lies inside the user half (n == 0 is always fine). */
static inline bool user_range_ok(uint64_t addr, size_t n)
{
	return addr <= USER_TOP && n <= USER_TOP - addr;
}

long copy_from_user(void *dst, const void *usrc, size_t n);   /* 0 or -EFAULT */
long copy_to_user(void *udst, const void *src, size_t n);     /* 0 or -EFAULT */
/* Atomically: the aligned user word at uaddr becomes new if it holds *old;
 * *old gets what it held either way. 0 or -EFAULT. */
long cmpxchg_user32(uint64_t uaddr, uint32_t *old, uint32_t new);
/* Copy as much of n bytes as the user's pages take or give (for reads, and
 * writes to files and the console, which count exactly what they moved, as
 * Linux's do): the number copied, 0 for a range outside the user half. */
size_t copy_to_user_upto(void *udst, const void *src, size_t n);
size_t copy_from_user_upto(void *dst, const void *usrc, size_t n);

/* Copy a NUL-terminated user string of at most n-1 characters into dst[n].
 * Returns its length, -EFAULT, or -ENAMETOOLONG when it does not fit. */
long strncpy_from_user(char *dst, const char *usrc, size_t n);

/* Every page of [addr, addr+n) is mapped user-writable in the current
 * address space (for calls that must know before they block). */
bool user_writable(uint64_t addr, size_t n);

#endif
