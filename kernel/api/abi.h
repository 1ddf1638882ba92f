/*
 * abi.h - the constants and structures system calls exchange with user
 * space, shared by the kernel and libc. Values and layouts are Linux's
 * x86-64 ones (docs/abi.md), so the same programs build for both.
 */
#ifndef API_ABI_H
#define API_ABI_H

#include <stddef.h>
#include <stdint.h>

#include "api/signal.h"

/* mmap / mprotect */
#define PROT_NONE      0x0
#define PROT_READ      0x1
#define PROT_WRITE     0x2
#define PROT_EXEC      0x4
#define MAP_SHARED     0x01
#define MAP_PRIVATE    0x02
#define MAP_FIXED      0x10
#define MAP_ANONYMOUS  0x20
#define MAP_32BIT      0x40              /* x86-64: in the low 2 GiB (for code run 32-bit) */
#define MAP_GROWSDOWN  0x0100
#define MAP_NORESERVE  0x4000
#define MAP_POPULATE   0x8000
#define MAP_STACK      0x20000
#define MAP_FIXED_NOREPLACE 0x100000
#define MAP_FAILED     ((void *)-1)
#define PROT_SEM       0x8               /* accepted by mprotect, and ignored (as on x86 Linux) */
#define PROT_GROWSDOWN 0x01000000
#define PROT_GROWSUP   0x02000000

/* madvise */
#define MADV_NORMAL     0
#define MADV_RANDOM     1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED   3
#define MADV_DONTNEED   4
#define MADV_FREE       8
#define MADV_DONTDUMP   16
#define MADV_DODUMP     17

/* mremap */
#define MREMAP_MAYMOVE   1
#define MREMAP_FIXED     2
#define MREMAP_DONTUNMAP 4

/* clone: the flags in its first argument (the low byte is the exit signal) */
#define CSIGNAL              0x000000ff
#define CLONE_VM             0x00000100
#define CLONE_FS             0x00000200
#define CLONE_FILES          0x00000400
#define CLONE_SIGHAND        0x00000800
#define CLONE_PIDFD          0x00001000
#define CLONE_PTRACE         0x00002000
#define CLONE_VFORK          0x00004000
#define CLONE_PARENT         0x00008000
#define CLONE_THREAD         0x00010000
#define CLONE_NEWNS          0x00020000
#define CLONE_SYSVSEM        0x00040000
#define CLONE_SETTLS         0x00080000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED       0x00400000
#define CLONE_UNTRACED       0x00800000
#define CLONE_CHILD_SETTID   0x01000000
#define CLONE_CLEAR_SIGHAND  0x100000000ULL  /* clone3 only: handlers back to SIG_DFL in the child */
#define CLONE_INTO_CGROUP    0x200000000ULL  /* clone3 only */

/* clone3's argument: 64-bit fields for every ABI, grown at the end over
 * time; the caller passes its size (VER0 64 bytes, VER1 80, VER2 88). */
struct clone_args {
	uint64_t flags;                      /* CLONE_*, without the exit signal */
	uint64_t pidfd;                      /* CLONE_PIDFD: where the pidfd goes */
	uint64_t child_tid;                  /* CLONE_CHILD_SETTID/CLEARTID's word */
	uint64_t parent_tid;                 /* CLONE_PARENT_SETTID's word */
	uint64_t exit_signal;                /* what the parent gets when it ends (0 for threads) */
	uint64_t stack;                      /* the lowest byte of the child's stack, or 0 */
	uint64_t stack_size;
	uint64_t tls;                        /* CLONE_SETTLS */
	uint64_t set_tid;                    /* VER1: an array of pids to ask for */
	uint64_t set_tid_size;
	uint64_t cgroup;                     /* VER2: CLONE_INTO_CGROUP's descriptor */
};
#define CLONE_ARGS_SIZE_VER0 64

/* clock_gettime */
#define CLOCK_REALTIME          0
#define CLOCK_MONOTONIC         1
#define CLOCK_MONOTONIC_RAW     4
#define CLOCK_REALTIME_COARSE   5
#define CLOCK_MONOTONIC_COARSE  6
#define CLOCK_BOOTTIME          7
#define CLOCK_TAI               11      /* the wall clock: no leap-second offset is set (Linux's default, 0) */
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define TIMER_ABSTIME           1       /* clock_nanosleep: req is a time on the clock */

/* 64-bit words, except in a -m32 program built with libc32 (LIBC_TIME32,
 * set by user32_flags): there two longs, the 32-bit struct i386's time32
 * calls take. (The 32-bit vDSO keeps the 64-bit one for clock_gettime64.) */
#if defined(__i386__) && defined(LIBC_TIME32)
struct timespec {
	long tv_sec;
	long tv_nsec;
};
#else
struct timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};
#endif

/* gettimeofday */
#if defined(__i386__) && defined(LIBC_TIME32)
struct timeval {
	long tv_sec;
	long tv_usec;
};
#else
struct timeval {
	int64_t tv_sec;
	int64_t tv_usec;
};
#endif
struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

/* setitimer, getitimer */
#define ITIMER_REAL    0                /* the only one kept: SIGALRM */
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF    2
struct itimerval {
	struct timeval it_interval;      /* the period after it runs out (0: once) */
	struct timeval it_value;         /* time left (0: off) */
};

/* uname */
#define UTSNAME_LEN 65
struct utsname {
	char sysname[UTSNAME_LEN];
	char nodename[UTSNAME_LEN];
	char release[UTSNAME_LEN];
	char version[UTSNAME_LEN];
	char machine[UTSNAME_LEN];
	char domainname[UTSNAME_LEN];
};

/* writev */
#define IOV_MAX 1024
struct iovec {
	void *iov_base;
	size_t iov_len;
};

/* arch_prctl */
#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

/* wait4 and waitid: options and the status word */
#define WNOHANG    1
#define WUNTRACED  2
#define WSTOPPED   WUNTRACED               /* waitid's name */
#define WEXITED    4                       /* waitid only (wait4 implies it) */
#define WCONTINUED 8
#define WNOWAIT    0x01000000              /* waitid: report, and leave the child waitable */
#define __WNOTHREAD 0x20000000             /* (threads: meaningless with one per process) */
#define __WALL     0x40000000
#define __WCLONE   0x80000000
/* waitid's idtype */
#define P_ALL   0
#define P_PID   1
#define P_PGID  2
#define P_PIDFD 3
#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s)    ((s) & 0x7f)
#define WIFEXITED(s)   (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)

/*
 * trapdoor_stats (our own call, number in kernel/syscalls.tbl): counters
 * of the entry paths, for tests and the benchmark.
 */
struct trapdoor_stats {
	uint64_t int80_calls;        /* system calls that came in by int $0x80 (from 64-bit mode) */
	uint64_t syscall_calls;      /* ... by the syscall instruction */
	uint64_t sysret_fallbacks;   /* syscall entries that returned by iretq */
	uint64_t user_faults;        /* processes ended by a fault */
	uint64_t free_frames;        /* physical frames free right now */
	uint64_t tsc_hz;             /* calibrated TSC frequency */
	uint64_t open_files;         /* open file objects (all processes) */
	uint64_t procs;              /* process slots in use, zombies included */
	/* The compat entries (32-bit processes); int80_calls above counts
	 * int $0x80 from both modes, int80_32_calls those from compat mode. */
	uint64_t int80_32_calls;
	uint64_t sysenter_calls;
	uint64_t syscall32_calls;
	uint64_t sysexit_fallbacks;  /* sysenter entries that returned by iretq */
	uint64_t sysretl_fallbacks;  /* compat syscall entries that returned by iretq */
	uint64_t vsyscall_calls;     /* calls into the vsyscall page it emulated */
	/* Memory (mm/vm.h): the caller's, then the machine's. */
	uint64_t rss_pages;          /* pages of the caller's space in memory (VmRSS) */
	uint64_t vm_pages;           /* pages its regions reserve (VmSize) */
	uint64_t min_faults;         /* page faults the kernel resolved for the caller (ru_minflt) */
	uint64_t cow_copies;         /* copy-on-write pages copied, all processes, since boot */
};

/*
 * The legacy vsyscall page: Linux's fixed entries, one per 1 KiB. The page
 * is never mapped; a call into an entry is emulated on its page fault, as
 * Linux's vsyscall=xonly does (kernel/arch/x86_64/vsyscall.c).
 */
#define VSYSCALL_ADDR          0xffffffffff600000ULL
#define VSYSCALL_GETTIMEOFDAY  (VSYSCALL_ADDR + 0x000)  /* (struct timeval *, struct timezone *) */
#define VSYSCALL_TIME          (VSYSCALL_ADDR + 0x400)  /* (time_t *) */
#define VSYSCALL_GETCPU        (VSYSCALL_ADDR + 0x800)  /* (unsigned *cpu, unsigned *node, void *) */

/*
 * trapdoor_bench(which, n, out, flags) (ours): a measurement the kernel
 * makes of itself, n samples (1..TRAPDOOR_BENCH_MAX) after a few unrecorded
 * ones; the figures in *out (NULL: not wanted) and, with
 * TRAPDOOR_BENCH_PRINT, as a BENCH line on the console (docs/benchmarks.md).
 * -EINVAL for anything else, -EOPNOTSUPP for a timer the CPU lacks,
 * -EFAULT for a bad out, -EIO for a timer that does not keep its deadlines.
 */
#define TRAPDOOR_BENCH_IRQ_TSC_DEADLINE 1  /* a timer interrupt's deadline to its handler, TSC-deadline mode */
#define TRAPDOOR_BENCH_IRQ_LAPIC        2  /* the same, with the LAPIC timer's one-shot count */
#define TRAPDOOR_BENCH_MAX   10000         /* samples per call at most */
#define TRAPDOOR_BENCH_PRINT 1             /* flags: print the BENCH line */
struct trapdoor_bench {
	uint64_t samples;
	uint64_t min, median, p99, max;    /* TSC ticks */
	uint64_t tsc_hz;
	uint64_t retries;            /* samples taken again: the wait began after the deadline */
	uint64_t early;              /* samples where the handler ran before the computed deadline (counted as 0) */
};

/* trapdoor_procs(buf, n) (ours): up to n of these; the number filled. */
struct trapdoor_proc {
	int32_t pid, ppid;
	char state;                  /* R running/runnable, S sleeping, Z zombie */
	char name[16];
	uint8_t _pad[3];
};

#endif
