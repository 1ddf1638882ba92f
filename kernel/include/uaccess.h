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
/* Copy as much of n bytes as the user's pages take or give (for reads, and
 * writes to files and the console, which count exactly what they moved, as
 * Linux's do): the number copied, 0 for a range outside the user half. */
size_t copy_to_user_upto(void *udst, const void *src, size_t n);
size_t copy_from_user_upto(void *dst, const void *usrc, size_t n);

/* Copy a NUL-terminated user string of at most n-1 characters into dst[n].
 * Returns its length, -EFAULT, or -ENAMETOOLONG when it does not fit. */
long strncpy_from_user(char *dst, const char *usrc, size_t n);

/* Read the u32 at a 32-bit user address (always inside the user half, so
 * no range check): 0 or -EFAULT. One load with an exception-table fixup
 * (a fault resumes after it with err still -EFAULT), for the compat fast
 * entries' arg 6, which sits on every such call's path. */
static inline long get_user_u32(uint32_t *dst, uint32_t uaddr)
{
	long err;
	uint32_t v = 0;

	if (smap_enabled)
		__asm__ volatile("stac" ::: "memory");
	__asm__ volatile("movq $-14, %0\n\t"           /* -EFAULT */
			 "1: movl (%2), %1\n\t"
			 "xorl %k0, %k0\n"
			 "2:\n\t" EX_TABLE(1b, 2b)
			 : "=&r"(err), "+r"(v) : "r"((uint64_t)uaddr) : "memory");
	if (smap_enabled)
		__asm__ volatile("clac" ::: "memory");
	*dst = v;
	return err;
}

/* Every page of [addr, addr+n) is mapped user-writable in the current
 * address space (for calls that must know before they block). */
bool user_writable(uint64_t addr, size_t n);

#endif
