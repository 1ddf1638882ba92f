/*
 * test_compat_layout.c - the structures of api/compat.h against Linux's
 * own i386 ones, as the host's kernel headers define them for i386.
 * Compiled, not run: `clang -m32 -fsyntax-only` (CMakeLists.txt), so a
 * wrong size or offset is a compile error naming the field.
 */
#include <linux/types.h>
#include <asm/stat.h>
#include <asm/signal.h>
#include <asm/sigcontext.h>
#include <asm/ucontext.h>
#include <asm/siginfo.h>
#define compat_statfs64 linux_compat_statfs64   /* the same name as ours */
#include <asm/statfs.h>
#undef compat_statfs64
#include <linux/resource.h>
#include <linux/sysinfo.h>
#include <linux/times.h>
#include <linux/uio.h>
#include <linux/time_types.h>

#include "api/compat.h"

#ifndef __i386__
#error "compile this for i386 (-m32): it compares with i386's layouts"
#endif

#define OFF(s, f) __builtin_offsetof(s, f)
/* Field f of ours sits where field g of Linux's does. */
#define SAME(ours, f, linux, g) _Static_assert(OFF(struct ours, f) == OFF(linux, g), #ours "." #f)
#define SIZE(ours, linux) _Static_assert(sizeof(struct ours) == sizeof(linux), "sizeof " #ours)

SIZE(compat_timespec, struct __kernel_old_timespec);
SIZE(compat_timeval, struct __kernel_old_timeval);
SIZE(compat_itimerval, struct __kernel_old_timeval[2]);

SIZE(compat_stat64, struct stat64);
SAME(compat_stat64, __st_ino, struct stat64, __st_ino);
SAME(compat_stat64, st_mode, struct stat64, st_mode);
SAME(compat_stat64, st_nlink, struct stat64, st_nlink);
SAME(compat_stat64, st_uid, struct stat64, st_uid);
SAME(compat_stat64, st_rdev, struct stat64, st_rdev);
SAME(compat_stat64, st_size, struct stat64, st_size);
SAME(compat_stat64, st_blksize, struct stat64, st_blksize);
SAME(compat_stat64, st_blocks, struct stat64, st_blocks);
SAME(compat_stat64, st_atime, struct stat64, st_atime);
SAME(compat_stat64, st_mtime_nsec, struct stat64, st_mtime_nsec);
SAME(compat_stat64, st_ctime_nsec, struct stat64, st_ctime_nsec);
SAME(compat_stat64, st_ino, struct stat64, st_ino);

/* The old sigaction is the uapi one at i386; rt_sigaction's has no uapi
 * header (handler, flags, restorer, then the 64-bit mask). */
SIZE(compat_old_sigaction, struct sigaction);
SAME(compat_old_sigaction, mask, struct sigaction, sa_mask);
SAME(compat_old_sigaction, flags, struct sigaction, sa_flags);
SAME(compat_old_sigaction, restorer, struct sigaction, sa_restorer);
_Static_assert(OFF(struct compat_sigaction, mask) == 12 && sizeof(struct compat_sigaction) == 20, "rt sigaction");

SIZE(compat_stack, stack_t);
SAME(compat_stack, ss_flags, stack_t, ss_flags);
SAME(compat_stack, ss_size, stack_t, ss_size);
SIZE(compat_iovec, struct iovec);
SAME(compat_iovec, iov_len, struct iovec, iov_len);

SIZE(compat_rlimit, struct rlimit);
SIZE(compat_rusage, struct rusage);
SAME(compat_rusage, ru_maxrss, struct rusage, ru_maxrss);
SAME(compat_rusage, ru_nivcsw, struct rusage, ru_nivcsw);
SIZE(compat_tms, struct tms);
SIZE(compat_sysinfo, struct sysinfo);
SAME(compat_sysinfo, procs, struct sysinfo, procs);
SAME(compat_sysinfo, totalhigh, struct sysinfo, totalhigh);
SAME(compat_sysinfo, mem_unit, struct sysinfo, mem_unit);
SIZE(compat_statfs, struct statfs);
SAME(compat_statfs, f_blocks, struct statfs, f_blocks);
SAME(compat_statfs, f_fsid, struct statfs, f_fsid);
SAME(compat_statfs, f_flags, struct statfs, f_flags);
SIZE(compat_statfs64, struct linux_compat_statfs64);
SAME(compat_statfs64, f_blocks, struct linux_compat_statfs64, f_blocks);
SAME(compat_statfs64, f_fsid, struct linux_compat_statfs64, f_fsid);
SAME(compat_statfs64, f_flags, struct linux_compat_statfs64, f_flags);
SIZE(compat_statfs64, struct statfs64);

SIZE(compat_siginfo, siginfo_t);
SAME(compat_siginfo, si_code, siginfo_t, si_code);
SAME(compat_siginfo, u.kill.pid, siginfo_t, si_pid);
SAME(compat_siginfo, u.kill.uid, siginfo_t, si_uid);
SAME(compat_siginfo, u.chld.status, siginfo_t, si_status);
SAME(compat_siginfo, u.chld.utime, siginfo_t, si_utime);
SAME(compat_siginfo, u.chld.stime, siginfo_t, si_stime);
SAME(compat_siginfo, u.addr, siginfo_t, si_addr);

SIZE(compat_sigcontext, struct sigcontext_32);
SAME(compat_sigcontext, gs, struct sigcontext_32, gs);
SAME(compat_sigcontext, ds, struct sigcontext_32, ds);
SAME(compat_sigcontext, edi, struct sigcontext_32, di);
SAME(compat_sigcontext, eax, struct sigcontext_32, ax);
SAME(compat_sigcontext, trapno, struct sigcontext_32, trapno);
SAME(compat_sigcontext, eip, struct sigcontext_32, ip);
SAME(compat_sigcontext, cs, struct sigcontext_32, cs);
SAME(compat_sigcontext, eflags, struct sigcontext_32, flags);
SAME(compat_sigcontext, esp_at_signal, struct sigcontext_32, sp_at_signal);
SAME(compat_sigcontext, ss, struct sigcontext_32, ss);
SAME(compat_sigcontext, fpstate, struct sigcontext_32, fpstate);
SAME(compat_sigcontext, oldmask, struct sigcontext_32, oldmask);
SAME(compat_sigcontext, cr2, struct sigcontext_32, cr2);

/* struct ucontext's uc_sigmask is a full sigset_t in the uapi header;
 * the kernel writes the first 8 bytes of it, where ours ends. */
SAME(compat_ucontext, uc_stack, struct ucontext, uc_stack);
SAME(compat_ucontext, uc_mcontext, struct ucontext, uc_mcontext);
SAME(compat_ucontext, uc_sigmask, struct ucontext, uc_sigmask);

SAME(compat_fpstate_head, st, struct _fpstate_32, _st);
SAME(compat_fpstate_head, status, struct _fpstate_32, status);
SAME(compat_fpstate_head, magic, struct _fpstate_32, magic);
_Static_assert(sizeof(struct compat_fpstate_head) == OFF(struct _fpstate_32, _fxsr_env), "the FSAVE part");
_Static_assert(sizeof(((struct compat_sigframe *)0)->fpstate_unused) == sizeof(struct _fpstate_32), "fpstate_unused");

/* Linux's frames (arch/x86/include/asm/sigframe.h, not uapi): by their
 * definitions, pretcode, sig, sc, fpstate_unused, extramask, retcode. */
_Static_assert(OFF(struct compat_sigframe, sc) == 8, "sigframe.sc");
_Static_assert(OFF(struct compat_sigframe, extramask) == 8 + 88 + 624, "sigframe.extramask");
_Static_assert(OFF(struct compat_rt_sigframe, info) == 16, "rt_sigframe.info");
_Static_assert(OFF(struct compat_rt_sigframe, uc) == 16 + 128, "rt_sigframe.uc");
_Static_assert(OFF(struct compat_rt_sigframe, retcode) == 16 + 128 + 116, "rt_sigframe.retcode");

int compat_layout_ok;
