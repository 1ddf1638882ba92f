/*
 * compat.h - what the i386 ABI's compat handlers (sys/compat_*.c) and
 * signal frames (proc/signal32.c) share with the rest of the kernel: the
 * conversions between the kernel's structures and api/compat.h's, and the
 * cores of 64-bit handlers they call with kernel copies.
 */
#ifndef COMPAT_H
#define COMPAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/abi.h"
#include "api/compat.h"
#include "api/signal.h"
#include "arch/trap.h"

struct proc;
struct stat;
struct rusage;

/* Kept in the kernel's copy of an action set by a 32-bit sigaction or
 * rt_sigaction (Linux's value): its handler gets the i386 frame. Never
 * taken from, nor shown to, user space. */
#define SA_IA32_ABI 0x02000000u

/* The FSAVE header below an i386 frame's FXSAVE/XSAVE area. */
#define FPU_FSAVE_HEADER sizeof(struct compat_fpstate_head)

/* A copy of compat frame tf as a 64-bit call's frame with arguments
 * a[0..5] (in rdi rsi rdx r10 r8 r9, whole), for handing a 64-bit handler
 * the arguments a compat call gave in another order or in halves. The
 * handler sees the caller's other registers; a restart still goes by the
 * real frame, which keeps the i386 arguments. */
static inline struct trap_frame compat_as64(const struct trap_frame *tf, const uint64_t a[6])
{
	struct trap_frame c = *tf;

	c.cs = USER_CS;
	c.rdi = a[0], c.rsi = a[1], c.rdx = a[2], c.r10 = a[3], c.r8 = a[4], c.r9 = a[5];
	return c;
}

/* The six i386 arguments of tf, zero-extended (to rearrange). */
#define COMPAT_ARGS(tf) { arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), arg(tf, 4), arg(tf, 5) }

/* sys/compat_conv.c: user structures of the i386 ABI to and from the
 * kernel's. Each is 0 or -EFAULT (a get also -EINVAL where noted). */
long get_compat_timespec(uint64_t u, struct timespec *ts);
long put_compat_timespec(uint64_t u, const struct timespec *ts);
long get_compat_timeval(uint64_t u, struct timeval *tv);
long put_compat_timeval(uint64_t u, const struct timeval *tv);
struct compat_timeval compat_timeval(const struct timeval *tv);
long put_compat_rusage(uint64_t u, const struct rusage *ru);
void compat_siginfo_from(struct compat_siginfo *out, const struct k_siginfo *in);

/* proc/signal.c: the parts of a handler's start both ABIs share. */
uint64_t signal_frame_address(struct proc *p, const struct trap_frame *tf, const struct k_sigaction *a,
			      size_t size, bool ia32, struct k_stack *uc_stack, uint64_t *fpstate);
/* The handler runs now: block its mask (and sig), SA_RESETHAND, and make
 * the way out the checked one. */
void signal_handler_entered(struct proc *p, int sig, struct k_sigaction *a);

/* proc/signal32.c: the i386 frame for a handler registered by a 32-bit
 * sigaction (rt with SA_SIGINFO, the old one without); false when it
 * cannot be written. */
bool setup_frame32(struct trap_frame *tf, int sig, struct k_sigaction *a, const struct k_siginfo *info);

/* proc/fpu_frame32.c: the x87/SSE/AVX state of an i386 frame: the FSAVE
 * header at fpstate, the 64-bit frames' area right after it. */
long fpu_frame32_save(uint64_t fpstate);         /* 0 or -EFAULT */
long fpu_frame32_restore(uint64_t fpstate);      /* 0, or -1: SIGSEGV (registers unchanged) */

/* sys/sys_signal.c: rt_sigaction's work for both ABIs, on kernel copies
 * (either may be NULL): 0 or -EINVAL. */
long do_sigaction(int sig, const struct k_sigaction *act, struct k_sigaction *old);
/* sys/sys_sigwait.c: rt_sigtimedwait's work: the signal taken (its
 * siginfo in *info), -EAGAIN after *timeout (NULL: none), -EINTR. */
long do_sigtimedwait(uint64_t set, const struct timespec *timeout, struct k_siginfo *info);

/* sys/sys_file.c: the node stat, lstat and fstatat describe: 0 or -errno. */
long stat_lookup(uint64_t dirfd, uint64_t upath, uint64_t flags, struct stat *st);
/* fstat's: 0 or -EBADF. */
long stat_fd(uint64_t fd, struct stat *st);
/* lseek's: the new offset or -errno. */
long do_lseek(uint64_t fd, int64_t off, uint64_t whence);
/* getdents64's, with conv (when set) rewriting the n bytes of records in
 * place before they are copied out (it returns the new length or
 * -errno; the position moves only on success). */
long do_getdents64(uint64_t fd, uint64_t ubuf, uint64_t len, long (*conv)(char *buf, long n));

/* time/sleep.c: nanosleep's and clock_nanosleep's work, ts32 saying
 * whether req and rem are the i386 ABI's 32-bit timespecs. */
long do_nanosleep(uint64_t ureq, uint64_t urem, bool ts32);
long do_clock_nanosleep(int clk, uint64_t flags, uint64_t ureq, uint64_t urem, bool ts32);
/* time/itimer.c: getitimer's and setitimer's work on kernel copies
 * (which: ITIMER_REAL only): 0 or -EINVAL. */
long do_getitimer(int which, struct itimerval *v);
long do_setitimer(int which, const struct itimerval *v, struct itimerval *old);
/* sys/sys_info.c: times' numbers (the result: ticks since boot) and
 * sysinfo's, into kernel copies. */
struct tms;
struct sysinfo;
long do_times(struct tms *t);
void do_sysinfo(struct sysinfo *si);
/* sys/sys_wait.c: wait4's work; ru32: *rusage is struct compat_rusage. */
long do_wait4(long pid, uint64_t ustatus, uint64_t options, uint64_t rusage, bool ru32);
/* sys/sys_mount.c: statfs's and fstatfs's numbers: 0 or -errno. */
struct statfs;
long statfs_lookup(uint64_t upath, struct statfs *st);
long statfs_fd(uint64_t fd, struct statfs *st);
/* sys/sys_io.c: readv's and writev's work (pos NULL), preadv's and
 * pwritev's (at *pos); iov32: the array is i386's struct compat_iovec. */
long rw_vector(uint64_t fd, uint64_t uiov, uint64_t cnt, const int64_t *pos, bool write, bool iov32);

#endif
