/*
 * sys/entry.h - trapdoor's own interface to the system-call entry paths.
 *
 * Every libc wrapper goes through the entry chosen at start-up (the fastest
 * the kernel offers, unless LIBC_SYSCALL=int80|syscall says otherwise; in
 * a -m32 program __kernel_vsyscall, unless LIBC_SYSCALL=int80|sysenter|
 * syscall says otherwise: sys/entry_i386.h).
 * Tests and benchmarks that want one path in particular call the explicit
 * helpers below, which never look at that choice.
 */
#ifndef _SYS_ENTRY_H
#define _SYS_ENTRY_H

#include <api/abi.h>
#include <api/auxv.h>
#include <api/entry_paths.h>

/*
 * The paths by name, from the kernel's one list (api/entry_paths.h): each
 * path's AT_TRAPDOOR_ENTRIES bit and its caller's mode (64 or 32), as
 * LIBC_ENTRY_BIT(int80) and LIBC_ENTRY_MODE(int80). libc's own list of the
 * paths a program can use (LIBC_ENTRIES below) names its rows by these
 * names, so a name the kernel's list lacks does not compile.
 */
#define __LIBC_PATH_ENUM(name, mode, entry, ret, counter, bit, vector, letter) \
	__entry_bit_##name = (int)(bit), __entry_mode_##name = (mode),
enum { ENTRY_PATHS(__LIBC_PATH_ENUM) };
#undef __LIBC_PATH_ENUM
#define LIBC_ENTRY_BIT(name)  __entry_bit_##name
#define LIBC_ENTRY_MODE(name) __entry_mode_##name

/* The entry in use (a LIBC_ENTRIES row's bit: ENTRY_INT80 or
 * ENTRY_SYSCALL; under -m32 one of ENTRY_INT80_32, ENTRY_SYSENTER,
 * ENTRY_SYSCALL32, ENTRY_KERNEL_VSYSCALL) and its row's name ("int80",
 * "syscall"; "int80_32", "sysenter", "syscall32", "kernel_vsyscall"). */
int libc_entry(void);
const char *libc_entry_name(void);
/* Switch entry for all later wrapper calls; -1 when the kernel lacks it. */
int libc_set_entry(int entry);
/* The sa_restorer that returns from a handler through the entry in use
 * (rt_sigreturn by int $0x80 or syscall): what sigaction() installs. */
void (*libc_restorer(void))(void);

#ifdef __i386__
#include <sys/entry_i386.h>
#else
/* Raw six-argument calls through one mechanism: the result or -errno. */
static inline long __syscall6_int80(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4, r8 __asm__("r8") = a5, r9 __asm__("r9") = a6;
	long ret;

	/* int $0x80 preserves every register but rax. */
	__asm__ volatile("int $0x80" : "=a"(ret)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "memory");
	return ret;
}

static inline long __syscall6_fast(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4, r8 __asm__("r8") = a5, r9 __asm__("r9") = a6;
	long ret;

	/* syscall overwrites rcx (return rip) and r11 (rflags). */
	__asm__ volatile("syscall" : "=a"(ret)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/*
 * libc's entry paths, in api/entry_paths.h's order: the one list that
 * libc's choice (entry.c), its wrappers (internal/syscall.h) and the test
 * programs' per-path tables expand.
 *   X(path, word, call)
 *   path   the name in api/entry_paths.h (what libc_entry_name() says)
 *   word   what LIBC_SYSCALL= says to force it
 *   call   its raw six-argument call
 */
#define LIBC_ENTRIES(X) \
	X(int80,   "int80",   __syscall6_int80) \
	X(syscall, "syscall", __syscall6_fast)
#endif

/* The address of a function in the vDSO (AT_SYSINFO_EHDR), or NULL. */
void *libc_vdso_sym(const char *name);

/* trapdoor_stats: counters of the entry paths (struct in api/abi.h). */
int trapdoor_stats(struct trapdoor_stats *s);

/* trapdoor_procs: up to n entries of the process table (struct in
 * api/abi.h), for ps; the number filled. */
int trapdoor_procs(struct trapdoor_proc *buf, int n);

/* trapdoor_bench: n samples of a measurement the kernel makes of itself
 * (TRAPDOOR_BENCH_* and struct in api/abi.h); 0, or -1 and errno. */
int trapdoor_bench(int which, int n, struct trapdoor_bench *out, int flags);

#endif
