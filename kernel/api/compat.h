/*
 * compat.h - the structures of Linux's i386 system-call ABI, as a 32-bit
 * (compat-mode) process reads and writes them: the layouts the compat_*
 * handlers (kernel/sys/compat_*.c) and the i386 signal frames
 * (kernel/proc/signal32.c) convert to and from (docs/abi.md, "Compat
 * handlers").
 *
 * Only fixed-width fields, and 64-bit ones aligned to 4 as i386 aligns
 * them (compat_u64), so every structure has the same layout whether this
 * header is compiled for x86-64 (the kernel) or i386 (the 32-bit libc, and
 * the host test that compares each one with the host's i386 headers,
 * kernel/tests/test_compat_layout.c).
 */
#ifndef API_COMPAT_H
#define API_COMPAT_H

#include <stdint.h>

typedef uint64_t compat_u64 __attribute__((aligned(4)));
typedef int64_t compat_s64 __attribute__((aligned(4)));

/* old_timespec32, old_timeval32, old_itimerval32: 32-bit seconds. */
struct compat_timespec {
	int32_t tv_sec;
	int32_t tv_nsec;
};

struct compat_timeval {
	int32_t tv_sec;
	int32_t tv_usec;
};

struct compat_itimerval {
	struct compat_timeval it_interval;
	struct compat_timeval it_value;
};

/* i386's struct stat64 (stat64, lstat64, fstat64, fstatat64): the inode
 * twice, once truncated (__st_ino) and once whole at the end. */
struct compat_stat64 {
	compat_u64 st_dev;
	uint8_t __pad0[4];
	uint32_t __st_ino;
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	compat_u64 st_rdev;
	uint8_t __pad3[4];
	compat_s64 st_size;
	uint32_t st_blksize;
	compat_u64 st_blocks;
	uint32_t st_atime, st_atime_nsec;
	uint32_t st_mtime, st_mtime_nsec;
	uint32_t st_ctime, st_ctime_nsec;
	compat_u64 st_ino;
};

/* rt_sigaction's struct sigaction: 32-bit pointers, a 64-bit mask. */
struct compat_sigaction {
	uint32_t handler;
	uint32_t flags;
	uint32_t restorer;
	compat_u64 mask;
};

/* The old sigaction (67): a 32-bit mask, and a different order. */
struct compat_old_sigaction {
	uint32_t handler;
	uint32_t mask;
	uint32_t flags;
	uint32_t restorer;
};

/* stack_t (sigaltstack, ucontext). */
struct compat_stack {
	uint32_t ss_sp;
	int32_t ss_flags;
	uint32_t ss_size;
};

/* struct iovec (readv, writev, preadv, pwritev). */
struct compat_iovec {
	uint32_t iov_base;
	uint32_t iov_len;
};

/* getdents' struct linux_dirent: d_name follows, NUL-terminated, and the
 * type is the record's last byte. */
struct compat_linux_dirent {
	uint32_t d_ino;
	uint32_t d_off;
	uint16_t d_reclen;
	char d_name[];
};

/* getrlimit, setrlimit, ugetrlimit: 32-bit limits. */
struct compat_rlimit {
	uint32_t rlim_cur;
	uint32_t rlim_max;
};
#define COMPAT_RLIM_INFINITY     0xffffffffu   /* ugetrlimit's and setrlimit's */
#define COMPAT_RLIM_OLD_INFINITY 0x7fffffffu   /* the old getrlimit's (76) */

struct compat_rusage {
	struct compat_timeval ru_utime;
	struct compat_timeval ru_stime;
	int32_t ru_maxrss, ru_ixrss, ru_idrss, ru_isrss;
	int32_t ru_minflt, ru_majflt, ru_nswap;
	int32_t ru_inblock, ru_oublock;
	int32_t ru_msgsnd, ru_msgrcv, ru_nsignals;
	int32_t ru_nvcsw, ru_nivcsw;
};

struct compat_tms {
	int32_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};

struct compat_sysinfo {
	int32_t uptime;
	uint32_t loads[3];
	uint32_t totalram, freeram, sharedram, bufferram;
	uint32_t totalswap, freeswap;
	uint16_t procs;
	uint16_t pad;
	uint32_t totalhigh, freehigh;
	uint32_t mem_unit;
	char _f[8];
};

/* The old statfs and fstatfs: every field a 32-bit word. */
struct compat_statfs {
	uint32_t f_type;
	uint32_t f_bsize;
	uint32_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	uint32_t f_namelen;
	uint32_t f_frsize;
	uint32_t f_flags;
	uint32_t f_spare[4];
};

/* statfs64 and fstatfs64 (their size argument must be 84). */
struct compat_statfs64 {
	uint32_t f_type;
	uint32_t f_bsize;
	compat_u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	uint32_t f_namelen;
	uint32_t f_frsize;
	uint32_t f_flags;
	uint32_t f_spare[4];
};

/* The old mmap's (90) one argument. */
struct compat_mmap_arg {
	uint32_t addr, len, prot, flags, fd, offset;
};

/* siginfo_t: 128 bytes, the union at 12 with 32-bit fields. */
struct compat_siginfo {
	int32_t si_signo;
	int32_t si_errno;
	int32_t si_code;
	union {
		struct { int32_t pid; uint32_t uid; } kill;
		struct { int32_t pid; uint32_t uid; int32_t status, utime, stime; } chld;
		uint32_t addr;                 /* faults */
		struct { int32_t tid, overrun; int32_t value; } timer;
	} u;
	uint8_t _rest[128 - 32];
};

/* The registers of an i386 signal frame (struct sigcontext_32). */
struct compat_sigcontext {
	uint16_t gs, __gsh, fs, __fsh, es, __esh, ds, __dsh;
	uint32_t edi, esi, ebp, esp, ebx, edx, ecx, eax;
	uint32_t trapno, err, eip;
	uint16_t cs, __csh;
	uint32_t eflags, esp_at_signal;
	uint16_t ss, __ssh;
	uint32_t fpstate;                      /* the frame's struct compat_fpstate_head, or 0 */
	uint32_t oldmask, cr2;
};

struct compat_ucontext {
	uint32_t uc_flags;
	uint32_t uc_link;
	struct compat_stack uc_stack;
	struct compat_sigcontext uc_mcontext;
	compat_u64 uc_sigmask;
};

/*
 * The x87 state as FSAVE lays it out (struct _fpstate_32's first part),
 * which an i386 frame's fpstate points at; the FXSAVE/XSAVE area of the
 * 64-bit frames (api/signal.h) follows it, 64-byte aligned. magic says
 * that it does (X86_FXSR_MAGIC; 0xffff would mean FSAVE only).
 */
struct compat_fpstate_head {
	uint32_t cw, sw, tag, ipoff, cssel, dataoff, datasel;
	uint8_t st[8][10];                     /* st0-st7, 10 bytes each */
	uint16_t status;                       /* the FNSTSW status */
	uint16_t magic;
};
#define COMPAT_FXSR_MAGIC 0x0000

/* The frame for sigaction without SA_SIGINFO (struct sigframe_ia32): the
 * handler starts with esp at pretcode; __kernel_sigreturn pops sig. */
struct compat_sigframe {
	uint32_t pretcode;
	int32_t sig;
	struct compat_sigcontext sc;
	uint8_t fpstate_unused[624];           /* struct _fpstate_32, kept for extramask's offset */
	uint32_t extramask;                    /* signals 33..64 of the mask */
	uint8_t retcode[8];                    /* popl %eax; movl $119, %eax; int $0x80 */
};

/* The frame for SA_SIGINFO handlers (struct rt_sigframe_ia32). */
struct compat_rt_sigframe {
	uint32_t pretcode;
	int32_t sig;
	uint32_t pinfo;                        /* &info */
	uint32_t puc;                          /* &uc */
	struct compat_siginfo info;
	struct compat_ucontext uc;
	uint8_t retcode[8];                    /* movl $173, %eax; int $0x80 */
};

_Static_assert(sizeof(struct compat_timespec) == 8, "old_timespec32");
_Static_assert(sizeof(struct compat_stat64) == 96, "i386 struct stat64 is 96 bytes");
_Static_assert(__builtin_offsetof(struct compat_stat64, st_size) == 44, "st_size offset");
_Static_assert(__builtin_offsetof(struct compat_stat64, st_ino) == 88, "st_ino offset");
_Static_assert(sizeof(struct compat_sigaction) == 20, "compat sigaction");
_Static_assert(sizeof(struct compat_rusage) == 72, "compat rusage");
_Static_assert(sizeof(struct compat_sysinfo) == 64, "compat sysinfo");
_Static_assert(sizeof(struct compat_statfs) == 64, "compat statfs");
_Static_assert(sizeof(struct compat_statfs64) == 84, "compat statfs64");
_Static_assert(sizeof(struct compat_siginfo) == 128, "compat siginfo");
_Static_assert(sizeof(struct compat_sigcontext) == 88, "sigcontext_32");
_Static_assert(sizeof(struct compat_ucontext) == 116, "ucontext_ia32");
_Static_assert(sizeof(struct compat_fpstate_head) == 112, "the FSAVE header");

#endif
