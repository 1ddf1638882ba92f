/*
 * syscall.h - how libc's wrappers enter the kernel (internal).
 *
 * __syscallN(nr, ...) returns the raw result (a value, or -errno);
 * __syscall_ret() turns that into the C convention (-1 and errno), the
 * one place errno is set from a system call.
 */
#ifndef _INTERNAL_SYSCALL_H
#define _INTERNAL_SYSCALL_H

#include <errno.h>
#include <sys/entry.h>
#include <sys/syscall.h>

extern int __libc_entry_in_use;        /* ENTRY_SYSCALL or ENTRY_INT80, set by crt */

static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	if (__libc_entry_in_use == ENTRY_SYSCALL)
		return __syscall6_fast(n, a, b, c, d, e, f);
	return __syscall6_int80(n, a, b, c, d, e, f);
}

#define __syscall0(n)                   __syscall6(n, 0, 0, 0, 0, 0, 0)
#define __syscall1(n, a)                __syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define __syscall2(n, a, b)             __syscall6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define __syscall3(n, a, b, c)          __syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define __syscall4(n, a, b, c, d)       __syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define __syscall5(n, a, b, c, d, e)    __syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* Results in [-4095, -1] are -errno: the only place errno comes from a call. */
static inline long __syscall_ret(unsigned long r)
{
	if (r > -(unsigned long)MAX_ERRNO - 1) {
		errno = -(long)r;
		return -1;
	}
	return r;
}

/* Set up by crt: the auxiliary vector, and the entry choice from it. */
extern unsigned long *__auxv;
void __libc_init_entry(void);
void __libc_init_vdso(void);            /* time/clock.c: look up the vDSO's functions */

#endif
