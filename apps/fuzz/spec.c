/*
 * spec.c - what each system call takes and may answer: one line per call,
 * found by name. The list of calls itself comes from kernel/syscalls.tbl
 * (syscall_list.h), so a new call is swept by stage 1 at once; stage 2
 * leaves it out, with a note, until it has a line here.
 */
#include <string.h>

#include "fuzz.h"

#define A(...) { __VA_ARGS__ }

static const struct spec specs[] = {
	/* name              arguments                                              result  len unit flags */
	{ "read",            A(K_FD, K_OUT, K_LEN),                                 R_COUNT, 3, 1, 0 },
	{ "write",           A(K_FD, K_IN, K_LEN),                                  R_COUNT, 3, 1, 0 },
	{ "open",            A(K_PATH, K_OFLAGS, K_MODE),                           R_NEWFD, 0, 0, 0 },
	{ "close",           A(K_FD),                                               R_ZERO, 0, 0, 0 },
	{ "stat",            A(K_RPATH, K_OUT),                                     R_ZERO, 0, 0, 0 },
	{ "fstat",           A(K_FD, K_OUT),                                        R_ZERO, 0, 0, 0 },
	{ "lstat",           A(K_RPATH, K_OUT),                                     R_ZERO, 0, 0, 0 },
	/* The waits: stage 1's arguments may mean "for ever", so alone. */
	{ "poll",            A(K_POLLFDS, K_IOVCNT, K_POLLMS),                      R_NONNEG, 0, 0, F_SOLO },
	{ "lseek",           A(K_FD, K_OFF, K_WHENCE),                              R_NONNEG, 0, 0, 0 },
	{ "mmap",            A(K_MAPADDR, K_LEN, K_PROT, K_MAPFLAGS, K_FD, K_OFF),  R_ADDR, 0, 0, 0 },
	{ "munmap",          A(K_UNMAPADDR, K_LEN),                                 R_ZERO, 0, 0, 0 },
	{ "mprotect",        A(K_VMADDR, K_LEN, K_PROT),                            R_ZERO, 0, 0, 0 },
	{ "brk",             A(K_BRK),                                              R_BRK, 0, 0, 0 },
	{ "rt_sigaction",    A(K_SIG, K_SIGACT, K_OUT, K_SIGSZ),                    R_ZERO, 0, 0, 0 },
	{ "rt_sigprocmask",  A(K_HOW, K_SIGSET, K_OUT, K_SIGSZ),                    R_ZERO, 0, 0, 0 },
	{ "rt_sigreturn",    A(0),                                                  R_ZERO, 0, 0, F_SKIP | F_SOLO },
	{ "ioctl",           A(K_FD, K_IOCTL, K_OUT),                               R_ZERO, 0, 0, 0 },
	{ "pread64",         A(K_FD, K_OUT, K_LEN, K_OFF),                          R_COUNT, 3, 1, 0 },
	{ "pwrite64",        A(K_FD, K_IN, K_LEN, K_OFF),                           R_COUNT, 3, 1, 0 },
	{ "readv",           A(K_FD, K_IOV, K_IOVCNT),                              R_NONNEG, 0, 0, 0 },
	{ "writev",          A(K_FD, K_IOV, K_IOVCNT),                              R_NONNEG, 0, 0, 0 },
	{ "access",          A(K_RPATH, K_AMODE),                                   R_ZERO, 0, 0, 0 },
	{ "pipe",            A(K_OUT),                                              R_PAIR, 0, 0, 0 },
	{ "sched_yield",     A(0),                                                  R_ZERO, 0, 0, 0 },
	{ "mremap",          A(K_VMADDR, K_LEN, K_LEN, K_REMAPFLAGS, K_MAPADDR),    R_REMAP, 0, 0, 0 },
	{ "madvise",         A(K_VMADDR, K_LEN, K_ADVICE),                          R_ZERO, 0, 0, 0 },
	{ "dup",             A(K_FD),                                               R_NEWFD, 0, 0, 0 },
	{ "dup2",            A(K_FD, K_FD),                                         R_FD, 0, 0, 0 },
	{ "pause",           A(0),                                                  R_ZERO, 0, 0, F_SKIP | F_SOLO },
	{ "nanosleep",       A(K_TIMESPEC, K_OUT),                                  R_ZERO, 0, 0, 0 },
	{ "getpid",          A(0),                                                  R_SELF, 0, 0, 0 },
	{ "select",          A(K_IOVCNT, K_FDSET, K_FDSET, K_FDSET, K_WAITTV),      R_NONNEG, 0, 0, F_SOLO },
	{ "sendfile",        A(K_FD, K_FD, K_LOFF, K_SFLEN),                        R_COUNT, 4, 1, 0 },
	{ "clone",           A(K_CLONEFLAGS, K_CLONESP, K_OUT, K_OUT, K_INT),       R_CHILD, 0, 0, F_SOLO },
	{ "fork",            A(0),                                                  R_CHILD, 0, 0, F_SOLO },
	/* vfork's child runs on the caller's stack, which a C caller cannot
	 * leave alone: stage 1 makes it from assembly, stage 2 never. */
	{ "vfork",           A(0),                                                  R_CHILD, 0, 0, F_SKIP | F_SOLO | F_VFORK },
	{ "execve",          A(K_XPATH, K_ARGV, K_ARGV),                            R_ERROR, 0, 0, F_SOLO },
	{ "exit",            A(0),                                                  R_ZERO, 0, 0, F_SKIP | F_SOLO },
	{ "wait4",           A(K_WPID, K_OUT, K_WOPTS, K_OUT),                      R_NONNEG, 0, 0, 0 },
	{ "waitid",          A(K_IDTYPE, K_WPID, K_OUT, K_WIDOPTS, K_OUT),          R_ZERO, 0, 0, 0 },
	{ "kill",            A(K_KPID, K_KSIG),                                     R_ZERO, 0, 0, F_SOLO },
	{ "uname",           A(K_OUT),                                              R_ZERO, 0, 0, 0 },
	{ "fcntl",           A(K_FD, K_FCNTL, K_INT),                               R_NONNEG, 0, 0, 0 },
	{ "fsync",           A(K_FD),                                               R_ZERO, 0, 0, 0 },
	{ "fdatasync",       A(K_FD),                                               R_ZERO, 0, 0, 0 },
	{ "sync",            A(0),                                                  R_ZERO, 0, 0, 0 },
	{ "syncfs",          A(K_FD),                                               R_ZERO, 0, 0, 0 },
	{ "truncate",        A(K_PATH, K_LEN),                                      R_ZERO, 0, 0, 0 },
	{ "ftruncate",       A(K_FD, K_LEN),                                        R_ZERO, 0, 0, 0 },
	{ "getcwd",          A(K_OUT, K_LEN),                                       R_COUNT, 2, 1, 0 },
	{ "chdir",           A(K_PATH),                                             R_ZERO, 0, 0, 0 },
	{ "rename",          A(K_PATH, K_PATH),                                     R_ZERO, 0, 0, 0 },
	{ "mkdir",           A(K_PATH, K_MODE),                                     R_ZERO, 0, 0, 0 },
	{ "rmdir",           A(K_PATH),                                             R_ZERO, 0, 0, 0 },
	{ "creat",           A(K_PATH, K_MODE),                                     R_NEWFD, 0, 0, 0 },
	{ "link",            A(K_PATH, K_PATH),                                     R_ZERO, 0, 0, 0 },
	{ "unlink",          A(K_PATH),                                             R_ZERO, 0, 0, 0 },
	{ "symlink",         A(K_TARGET, K_PATH),                                   R_ZERO, 0, 0, 0 },
	{ "chown",           A(K_PATH, K_ID, K_ID),                                 R_ZERO, 0, 0, 0 },
	{ "fchown",          A(K_FD, K_ID, K_ID),                                   R_ZERO, 0, 0, 0 },
	{ "lchown",          A(K_PATH, K_ID, K_ID),                                 R_ZERO, 0, 0, 0 },
	{ "readlink",        A(K_RPATH, K_OUT, K_LEN),                              R_COUNT, 3, 1, 0 },
	{ "chmod",           A(K_PATH, K_MODE),                                     R_ZERO, 0, 0, 0 },
	{ "fchmod",          A(K_FD, K_MODE),                                       R_ZERO, 0, 0, 0 },
	{ "mknod",           A(K_PATH, K_NODEMODE, K_DEV),                          R_ZERO, 0, 0, 0 },
	{ "umask",           A(K_MODE),                                             R_NONNEG, 0, 0, 0 },
	{ "gettimeofday",    A(K_OUT, K_OUT),                                       R_ZERO, 0, 0, 0 },
	{ "getrlimit",       A(K_RES, K_OUT),                                       R_ZERO, 0, 0, 0 },
	{ "getitimer",       A(K_INT, K_OUT),                                       R_ZERO, 0, 0, 0 },
	{ "alarm",           A(K_INT),                                              R_NONNEG, 0, 0, F_SKIP },  /* SIGALRM would end the batch */
	{ "setitimer",       A(K_INT, K_IN, K_OUT),                                 R_ZERO, 0, 0, F_SKIP },    /* the same */
	{ "rt_sigpending",   A(K_OUT, K_SIGSZ),                                     R_ZERO, 0, 0, 0 },
	{ "rt_sigtimedwait", A(K_SIGSET, K_OUT, K_TIMESPEC, K_SIGSZ),               R_ERROR, 0, 0, F_SKIP },   /* NULL timeout: waits for ever */
	{ "rt_sigsuspend",   A(K_SIGSET, K_SIGSZ),                                  R_ERROR, 0, 0, F_SKIP | F_SOLO },
	{ "sigaltstack",     A(K_IN, K_OUT),                                        R_ZERO, 0, 0, 0 },
	{ "clock_nanosleep", A(K_CLOCK, K_INT, K_TIMESPEC, K_OUT),                  R_ZERO, 0, 0, 0 },
	{ "getppid",         A(0),                                                  R_PARENT, 0, 0, 0 },
	{ "setpgid",         A(K_KPID, K_KPID),                                     R_ZERO, 0, 0, 0 },
	{ "getpgrp",         A(0),                                                  R_NONNEG, 0, 0, 0 },
	{ "setsid",          A(0),                                                  R_SELF, 0, 0, 0 },
	{ "getpgid",         A(K_KPID),                                             R_NONNEG, 0, 0, 0 },
	{ "getsid",          A(K_KPID),                                             R_NONNEG, 0, 0, 0 },
	{ "statfs",          A(K_RPATH, K_OUT),                                     R_ZERO, 0, 0, 0 },
	{ "fstatfs",         A(K_FD, K_OUT),                                        R_ZERO, 0, 0, 0 },
	{ "getrusage",       A(K_WHO, K_OUT),                                       R_ZERO, 0, 0, 0 },
	{ "sysinfo",         A(K_OUT),                                              R_ZERO, 0, 0, 0 },
	{ "times",           A(K_OUT),                                              R_NONNEG, 0, 0, 0 },
	{ "getuid",          A(0),                                                  R_ZERO, 0, 0, 0 },
	{ "getgid",          A(0),                                                  R_ZERO, 0, 0, 0 },
	{ "setuid",          A(K_ID),                                               R_ZERO, 0, 0, 0 },
	{ "setgid",          A(K_ID),                                               R_ZERO, 0, 0, 0 },
	{ "geteuid",         A(0),                                                  R_ZERO, 0, 0, 0 },
	{ "getegid",         A(0),                                                  R_ZERO, 0, 0, 0 },
	{ "setreuid",        A(K_ID, K_ID),                                         R_ZERO, 0, 0, 0 },
	{ "setregid",        A(K_ID, K_ID),                                         R_ZERO, 0, 0, 0 },
	{ "getgroups",       A(K_INT, K_OUT),                                       R_NONNEG, 0, 0, 0 },
	{ "setgroups",       A(K_INT, K_IN),                                        R_ZERO, 0, 0, 0 },
	{ "setresuid",       A(K_ID, K_ID, K_ID),                                   R_ZERO, 0, 0, 0 },
	{ "getresuid",       A(K_OUT, K_OUT, K_OUT),                                R_ZERO, 0, 0, 0 },
	{ "setresgid",       A(K_ID, K_ID, K_ID),                                   R_ZERO, 0, 0, 0 },
	{ "getresgid",       A(K_OUT, K_OUT, K_OUT),                                R_ZERO, 0, 0, 0 },
	{ "prctl",           A(K_PROPT, K_OUT, K_INT, K_INT, K_INT),                R_NONNEG, 0, 0, 0 },
	{ "getpriority",     A(K_WHO, K_RPID),                                      R_NONNEG, 0, 0, 0 },
	{ "setpriority",     A(K_WHO, K_RPID, K_INT),                               R_ZERO, 0, 0, 0 },
	{ "ioprio_get",      A(K_WHO, K_RPID),                                      R_NONNEG, 0, 0, 0 },
	{ "ioprio_set",      A(K_WHO, K_RPID, K_INT),                               R_ZERO, 0, 0, 0 },
	{ "capget",          A(K_IN, K_OUT),                                        R_ZERO, 0, 0, 0 },
	{ "syslog",          A(K_LOGTYPE, K_OUT, K_LEN),                            R_NONNEG, 0, 0, 0 },
	{ "arch_prctl",      A(K_PRCTL, K_OUT),                                     R_ZERO, 0, 0, 0 },
	{ "setrlimit",       A(K_RES, K_RLIM),                                      R_ZERO, 0, 0, 0 },
	{ "mount",           A(K_STR, K_PATH, K_FSTYPE, K_MSFLAGS, K_MDATA),        R_ZERO, 0, 0, 0 },
	{ "umount2",         A(K_PATH, K_UMFLAGS),                                  R_ZERO, 0, 0, 0 },
	{ "gettid",          A(0),                                                  R_SELF, 0, 0, 0 },
	{ "tkill",           A(K_KPID, K_KSIG),                                     R_ZERO, 0, 0, F_SOLO },
	{ "time",            A(K_OUT),                                              R_NONNEG, 0, 0, 0 },
	/* The timeout is never NULL (K_WAITTS: short, past or invalid), so a
	 * wait never lasts; nobody else waits, so wakes and requeues are 0.
	 * An op it lacks is -ENOSYS, as on Linux (F_OPS). */
	{ "futex",           A(K_IN, K_FUTEXOP, K_INT, K_WAITTS, K_IN, K_INT),      R_NONNEG, 0, 0, F_OPS },
	{ "sched_setaffinity", A(K_RPID, K_LEN, K_IN),                              R_ZERO, 0, 0, 0 },
	{ "sched_getaffinity", A(K_RPID, K_LEN, K_OUT),                             R_COUNT, 2, 1, 0 },
	{ "getdents64",      A(K_FD, K_OUT, K_LEN),                                 R_DIRENTS, 3, 1, 0 },
	{ "set_tid_address", A(K_OUT),                                              R_SELF, 0, 0, 0 },
	/* A TLS descriptor read from (and its slot written back into) the buffer:
	 * installed, never loaded, so nothing the fuzzer runs depends on it. */
	{ "set_thread_area", A(K_IN),                                               R_ZERO, 0, 0, 0 },
	{ "get_thread_area", A(K_OUT),                                              R_ZERO, 0, 0, 0 },
	/* No restart block is ever left for it outside a handler: -EINTR. */
	{ "restart_syscall", A(0),                                                  R_ERROR, 0, 0, 0 },
	{ "clock_gettime",   A(K_CLOCK, K_OUT),                                     R_CLOCK, 0, 0, 0 },
	{ "clock_getres",    A(K_CLOCK, K_OUT),                                     R_CLOCK, 0, 0, 0 },
	{ "exit_group",      A(0),                                                  R_ZERO, 0, 0, F_SKIP | F_SOLO },
	{ "openat",          A(K_DIRFD, K_PATH, K_OFLAGS, K_MODE),                  R_NEWFD, 0, 0, 0 },
	{ "newfstatat",      A(K_DIRFD, K_RPATH, K_OUT, K_ATFLAGS),                 R_ZERO, 0, 0, 0 },
	{ "mkdirat",         A(K_DIRFD, K_PATH, K_MODE),                            R_ZERO, 0, 0, 0 },
	{ "mknodat",         A(K_DIRFD, K_PATH, K_NODEMODE, K_DEV),                 R_ZERO, 0, 0, 0 },
	{ "fchownat",        A(K_DIRFD, K_PATH, K_ID, K_ID, K_ATFLAGS),             R_ZERO, 0, 0, 0 },
	{ "unlinkat",        A(K_DIRFD, K_PATH, K_ATFLAGS),                         R_ZERO, 0, 0, 0 },
	{ "renameat",        A(K_DIRFD, K_PATH, K_DIRFD, K_PATH),                   R_ZERO, 0, 0, 0 },
	{ "linkat",          A(K_DIRFD, K_PATH, K_DIRFD, K_PATH, K_ATFLAGS),        R_ZERO, 0, 0, 0 },
	{ "symlinkat",       A(K_TARGET, K_DIRFD, K_PATH),                          R_ZERO, 0, 0, 0 },
	{ "readlinkat",      A(K_DIRFD, K_RPATH, K_OUT, K_LEN),                     R_COUNT, 4, 1, 0 },
	{ "fchmodat",        A(K_DIRFD, K_PATH, K_MODE),                            R_ZERO, 0, 0, 0 },
	{ "faccessat",       A(K_DIRFD, K_RPATH, K_AMODE),                          R_ZERO, 0, 0, 0 },
	{ "utimensat",       A(K_DIRFD, K_PATH, K_IN, K_ATFLAGS),                   R_ZERO, 0, 0, 0 },
	{ "dup3",            A(K_FD, K_FD, K_PIPEFLAGS),                            R_FD, 0, 0, 0 },
	{ "tgkill",          A(K_KPID, K_KPID, K_KSIG),                             R_ZERO, 0, 0, F_SOLO },
	{ "set_robust_list", A(K_IN, K_LEN),                                        R_ZERO, 0, 0, 0 },
	{ "get_robust_list", A(K_RPID, K_OUT, K_OUT),                               R_ZERO, 0, 0, 0 },
	{ "pselect6",        A(K_IOVCNT, K_FDSET, K_FDSET, K_FDSET, K_WAITTS, K_SIGPACK), R_NONNEG, 0, 0, F_SOLO },
	{ "ppoll",           A(K_POLLFDS, K_IOVCNT, K_WAITTS, K_SIGSET, K_SIGSZ),   R_NONNEG, 0, 0, F_SOLO },
	{ "pipe2",           A(K_OUT, K_PIPEFLAGS),                                 R_PAIR, 0, 0, 0 },
	{ "preadv",          A(K_FD, K_IOV, K_IOVCNT, K_OFF, K_INT),                R_NONNEG, 0, 0, 0 },
	{ "pwritev",         A(K_FD, K_IOV, K_IOVCNT, K_OFF, K_INT),                R_NONNEG, 0, 0, 0 },
	{ "prlimit64",       A(K_RPID, K_RES, K_RLIM, K_OUT),                       R_ZERO, 0, 0, 0 },
	{ "getcpu",          A(K_OUT, K_OUT, K_OUT),                                R_ZERO, 0, 0, 0 },
	{ "renameat2",       A(K_DIRFD, K_PATH, K_DIRFD, K_PATH, K_RNFLAGS),        R_ZERO, 0, 0, 0 },
	{ "faccessat2",      A(K_DIRFD, K_RPATH, K_AMODE, K_ATFLAGS),               R_ZERO, 0, 0, 0 },
	{ "getrandom",       A(K_OUT, K_LEN, K_GRND),                               R_COUNT, 2, 1, 0 },
	/* A registered area the batch then writes garbage into (rseq_cs) is
	 * the SIGSEGV Linux gives too: stage 1 only. */
	{ "rseq",            A(K_OUT, K_LEN, K_INT, K_INT),                         R_ZERO, 0, 0, F_SKIP },
	{ "trapdoor_stats",  A(K_OUT),                                              R_ZERO, 0, 0, 0 },
	{ "trapdoor_args",   A(K_INT, K_INT, K_INT, K_INT, K_INT, K_INT),           R_DIGEST, 0, 0, 0 },
	{ "trapdoor_procs",  A(K_OUT, K_LEN),                                       R_COUNT, 2, sizeof(struct trapdoor_proc), 0 },
	/* A valid run (which 1 or 2, n at most 10000) takes up to a second
	 * of timer interrupts, and with flags 1 prints a BENCH line. */
	{ "trapdoor_bench",  A(K_INT, K_LEN, K_OUT, K_INT),                         R_ZERO, 0, 0, 0 },
};

struct sysc sysc[] = {
#define SYSCALL(nr, name, entry, nargs) { nr, #name, nargs, 0 },
#include "syscall_list.h"
#undef SYSCALL
};
int nsysc = sizeof(sysc) / sizeof(sysc[0]);

const struct spec *spec_for(const char *name)
{
	for (unsigned i = 0; i < sizeof(specs) / sizeof(specs[0]); i++)
		if (strcmp(specs[i].name, name) == 0)
			return &specs[i];
	return 0;
}

const struct sysc *sysc_by_nr(long nr)
{
	for (int i = 0; i < nsysc; i++)
		if (sysc[i].nr == nr)
			return &sysc[i];
	return 0;
}

const struct sysc *sysc_by_name(const char *name)
{
	for (int i = 0; i < nsysc; i++)
		if (strcmp(sysc[i].name, name) == 0)
			return &sysc[i];
	return 0;
}
