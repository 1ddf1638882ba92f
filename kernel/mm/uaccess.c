/*
 * uaccess.c - range checks and the SMAP window around the copies in
 * arch/x86_64/uaccess.S (see uaccess.h).
 */
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "proc.h"
#include "uaccess.h"

long __copy_user(void *dst, const void *src, size_t n);
size_t __copy_user_upto(void *dst, const void *src, size_t n);
long __strncpy_user(char *dst, const char *src, size_t n);
long __cmpxchg_user32(uint32_t *uaddr, uint32_t *old, uint32_t new);

/* Open and close the window in which supervisor code may touch user pages. */
static inline void user_open(void)
{
	if (cpu.smap)
		__asm__ volatile("stac" ::: "memory");
}

static inline void user_close(void)
{
	if (cpu.smap)
		__asm__ volatile("clac" ::: "memory");
}

/* Copy n bytes after checking that uaddr (the user side) stays in the user half. */
static long copy_checked(void *dst, const void *src, uint64_t uaddr, size_t n)
{
	long r;

	if (!user_range_ok(uaddr, n))
		return -EFAULT;
	user_open();
	r = __copy_user(dst, src, n);
	user_close();
	return r;
}

long cmpxchg_user32(uint64_t uaddr, uint32_t *old, uint32_t new)
{
	long r;

	if ((uaddr & 3) || !user_range_ok(uaddr, 4))
		return -EFAULT;
	user_open();
	r = __cmpxchg_user32((uint32_t *)uaddr, old, new);
	user_close();
	return r;
}

long copy_from_user(void *dst, const void *usrc, size_t n)
{
	return copy_checked(dst, usrc, (uint64_t)usrc, n);
}

long copy_to_user(void *udst, const void *src, size_t n)
{
	return copy_checked(udst, src, (uint64_t)udst, n);
}

/* Copy up to n bytes after checking that uaddr stays in the user half; the number copied. */
static size_t copy_checked_upto(void *dst, const void *src, uint64_t uaddr, size_t n)
{
	size_t r;

	if (!user_range_ok(uaddr, n))
		return 0;
	user_open();
	r = __copy_user_upto(dst, src, n);
	user_close();
	return r;
}

size_t copy_to_user_upto(void *udst, const void *src, size_t n)
{
	return copy_checked_upto(udst, src, (uint64_t)udst, n);
}

size_t copy_from_user_upto(void *dst, const void *usrc, size_t n)
{
	return copy_checked_upto(dst, usrc, (uint64_t)usrc, n);
}

long strncpy_from_user(char *dst, const char *usrc, size_t n)
{
	uint64_t a = (uint64_t)usrc;
	size_t max = n;
	long r;

	if (n == 0 || a >= USER_TOP)
		return -EFAULT;
	if (max > USER_TOP - a)
		max = USER_TOP - a;            /* never read past the user half */
	user_open();
	r = __strncpy_user(dst, usrc, max);
	user_close();
	if (r < 0)
		return r;
	if ((size_t)r == max)
		return max < n ? -EFAULT : -ENAMETOOLONG;  /* ran into the top, or too long */
	return r;
}

bool user_writable(uint64_t addr, size_t n)
{
	if (!user_range_ok(addr, n))
		return false;
	for (uint64_t va = addr & ~(PAGE_SIZE - 1); va < addr + n; va += PAGE_SIZE) {
		struct vma *v = vma_at(current()->mm->vmas, va);
		if (!v || !(v->flags & PTE_W) || (v->flags & PTE_PROTNONE))
			return false;
	}
	return true;
}
