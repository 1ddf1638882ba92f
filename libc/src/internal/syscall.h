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
#include <stdint.h>
#include <sys/entry.h>
#include <sys/syscall.h>

/* i386 keeps its 16-bit-uid calls under the old names; the wrappers want
 * the 32-bit ones (musl does the same). */
#ifdef SYS_getuid32
#undef SYS_getuid
#define SYS_getuid SYS_getuid32
#endif
#ifdef SYS_geteuid32
#undef SYS_geteuid
#define SYS_geteuid SYS_geteuid32
#endif
#ifdef SYS_getgid32
#undef SYS_getgid
#define SYS_getgid SYS_getgid32
#endif
#ifdef SYS_getegid32
#undef SYS_getegid
#define SYS_getegid SYS_getegid32
#endif
#ifdef SYS_setuid32
#undef SYS_setuid
#define SYS_setuid SYS_setuid32
#endif
#ifdef SYS_setgid32
#undef SYS_setgid
#define SYS_setgid SYS_setgid32
#endif
#ifdef SYS_setreuid32
#undef SYS_setreuid
#define SYS_setreuid SYS_setreuid32
#endif
#ifdef SYS_setregid32
#undef SYS_setregid
#define SYS_setregid SYS_setregid32
#endif
#ifdef SYS_setresuid32
#undef SYS_setresuid
#define SYS_setresuid SYS_setresuid32
#endif
#ifdef SYS_setresgid32
#undef SYS_setresgid
#define SYS_setresgid SYS_setresgid32
#endif
#ifdef SYS_getresuid32
#undef SYS_getresuid
#define SYS_getresuid SYS_getresuid32
#endif
#ifdef SYS_getresgid32
#undef SYS_getresgid
#define SYS_getresgid SYS_getresgid32
#endif
#ifdef SYS_getgroups32
#undef SYS_getgroups
#define SYS_getgroups SYS_getgroups32
#endif
#ifdef SYS_setgroups32
#undef SYS_setgroups
#define SYS_setgroups SYS_setgroups32
#endif
#ifdef SYS_chown32
#undef SYS_chown
#define SYS_chown SYS_chown32
#endif
#ifdef SYS_lchown32
#undef SYS_lchown
#define SYS_lchown SYS_lchown32
#endif
#ifdef SYS_fchown32
#undef SYS_fchown
#define SYS_fchown SYS_fchown32
#endif

/* The path in use (a LIBC_ENTRIES bit; 0 until crt0 chooses) and its raw
 * call, both set by libc_set_entry() (entry/entry.c). */
extern int __libc_entry_in_use;
extern long (*__libc_call6)(long, long, long, long, long, long, long);
/* The entries the kernel offers, into *offered, and the one to prefer
 * (entry/offered.c, per architecture). */
int __libc_offered_entries(unsigned long *offered);

#ifdef __i386__
/* Each raw call is a function (arch/i386/syscall.S): call the one in use. */
static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	return __libc_call6(n, a, b, c, d, e, f);
}

/* open and openat ask for large files: off_t is 64-bit (musl does the same). */
#define __O_LARGEFILE 0100000

/* A 64-bit offset as i386 calls take it: two registers, low word first. */
#define __LL_LO(x) (long)(uint32_t)(x)
#define __LL_HI(x) (long)(uint32_t)((uint64_t)(x) >> 32)
#else
#define __O_LARGEFILE 0                 /* x86-64's open is always O_LARGEFILE */

/* The raw calls are inline asm (sys/entry.h): branch to the one in use,
 * by LIBC_ENTRIES, so the wrappers make no indirect call; int $0x80, which
 * every kernel has, until crt0 chooses. */
static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
#define __LIBC_IF_IN_USE(path, word, call) \
	if (__libc_entry_in_use == LIBC_ENTRY_BIT(path)) \
		return call(n, a, b, c, d, e, f);
	LIBC_ENTRIES(__LIBC_IF_IN_USE)
#undef __LIBC_IF_IN_USE
	return __syscall6_int80(n, a, b, c, d, e, f);
}
#endif

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
