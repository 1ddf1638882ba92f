/*
 * fuzz.h - the in-guest system-call fuzzer (after SerenityOS's
 * syscall-fuzzer): stage 1 sweeps every number with fixed arguments,
 * stage 2 makes random calls with typed arguments. See docs/fuzzing.md.
 *
 * Every call runs in a forked child, so no call can end the run: the
 * parent (runner.c) waits with a time limit and checks the kernel's free
 * frames, open files and process slots before and after each child.
 * A child reports through REPORT_FD, one line per record:
 *   "F <text>"  a failure     "C <text>"  the call it is about to make
 *   "R = <result>"  (--trace only) what that call answered
 *   "S <sysc index> <calls made> <successes>"  for --stats
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <sys/entry.h>
#include <termios.h>
#include <sys/syscall.h>

#define PAGE        4096UL
#define USER_END    0x0000800000000000UL   /* the user half is [0, 1 << 47) */
#define FUZZ_NOFILE 64                     /* descriptors per process (kernel's NOFILE) */
#define REPORT_FD   63                     /* a child's reports; never in a pool */
#define NR_MAX      (NR_SYSCALLS - 1)
#define BATCH_CALLS 1000
#define SCRATCH_DIR "/tmp/fuzz"

#include "rng.h"                         /* struct path, rnd(), below() */

/* --- argument kinds and result classes (spec.c) ----------------------------- */
enum kind {
	K_INT,        /* anything: the pool of interesting values */
	K_FD,         /* a descriptor: the child's pool, or an invalid number */
	K_IN,         /* a pointer the kernel reads */
	K_OUT,        /* a pointer the kernel writes */
	K_LEN,        /* a size, at the edges */
	K_PATH,       /* a path inside the scratch directory (may be changed) */
	K_RPATH,      /* a path anywhere (only looked at) */
	K_XPATH,      /* a path execve cannot run */
	K_OFLAGS, K_MODE, K_WHENCE, K_OFF,
	K_SIG, K_SIGACT, K_SIGSET, K_HOW, K_SIGSZ,
	K_CLOCK, K_TIMESPEC,
	K_WPID, K_WOPTS, K_KPID, K_KSIG,
	K_MAPADDR, K_UNMAPADDR, K_PROT, K_MAPFLAGS, K_BRK,
	K_IOV, K_IOVCNT, K_ARGV,
	K_STR, K_FSTYPE, K_MDATA, K_MSFLAGS, K_UMFLAGS, K_PIPEFLAGS, K_PRCTL,
	K_RES,        /* a resource limit's number */
	K_RLIM,       /* a struct rlimit the kernel reads (a new limit) */
	K_RPID,       /* prlimit64's pid: this batch, its parent, none */
	K_DIRFD,      /* an *at call's directory: AT_FDCWD, the pool's directory, any descriptor */
	K_ATFLAGS,    /* AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_EACCESS (AT_REMOVEDIR), AT_SYMLINK_FOLLOW, ... */
	K_TARGET,     /* a symbolic link's text: names in the scratch directory, never ".." (links stay inside) */
	K_RNFLAGS,    /* renameat2's flags: RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT, junk */
	K_AMODE,      /* access()'s mode: R_OK W_OK X_OK, F_OK, or not a mode */
	K_FCNTL,      /* fcntl's command */
	K_IOCTL,      /* ioctl's request: the terminal's, every file's, junk */
	K_LOFF,       /* sendfile's offset: NULL, a loff_t the kernel reads and writes, bad */
	K_SFLEN,      /* sendfile's count: at most 1 MiB, or one of 2^63 and more */
	K_ID,         /* a user or group id: 0, -1 ("unchanged"), others */
	K_WHO,        /* getrusage's who */
	K_PROPT,      /* prctl's option */
	K_GRND,       /* getrandom's flags */
	K_VMADDR,     /* mprotect/madvise/mremap's address: kept to the scratch region with its lengths */
	K_ADVICE,     /* madvise's advice */
	K_REMAPFLAGS, /* mremap's flags (MREMAP_FIXED: the new place is kept to the scratch region) */
	K_CLONEFLAGS, /* clone's flags: never the caller's space shared (CLONE_VM is dropped) */
	K_CLONESP,    /* clone's new stack: 0, so a fork's child returns on the caller's */
	K_POLLFDS,    /* poll's array: pool descriptors, negative and closed ones, any events; or bad */
	K_POLLMS,     /* poll's timeout: 0 or 1 ms (never negative: that waits for ever) */
	K_WAITTS,     /* ppoll's and pselect6's timeout: a short or invalid timespec, or bad, never NULL */
	K_WAITTV,     /* select's timeout: a short or invalid timeval, or bad, never NULL */
	K_FDSET,      /* a select set: NULL, pool descriptors' bits, any bits, read-only, or bad */
	K_SIGPACK,    /* pselect6's { sigset pointer, size }: NULL, good, bad sizes, or bad */
	K_IDTYPE,     /* waitid's idtype: P_ALL, P_PID, P_PGID, P_PIDFD, junk */
	K_WIDOPTS,    /* waitid's options: always WNOHANG (WSTOPPED alone would wait for ever) */
	K_NODEMODE,   /* mknod's mode: each type (FIFO, file, devices, socket; a directory, a link, junk) and bits */
	K_DEV,        /* mknod's device number: drivers' (null, zero), nobody's, junk (never the terminal's) */
	K_LOGTYPE,    /* syslog's action: every one but SYSLOG_ACTION_READ (it waits for text), junk */
	K_FUTEXOP,    /* futex's op: each one, unknown ones, with or without PRIVATE and CLOCK_REALTIME */
	K_COUNT
};

enum result {
	R_ZERO,       /* 0 */
	R_NEWFD,      /* a new descriptor (closed at once) */
	R_FD,         /* dup2: its second argument */
	R_COUNT,      /* 0 .. the argument len_arg names */
	R_NONNEG,     /* any value >= 0 */
	R_SELF,       /* the caller's pid */
	R_PARENT,     /* the caller's parent's pid */
	R_CHILD,      /* fork: a pid > 0 (and 0 in the new process) */
	R_ADDR,       /* a page-aligned user address */
	R_BRK,        /* the break asked for, or the old one; never an error */
	R_DIGEST,     /* trapdoor_args: the digest of the six arguments */
	R_ERROR,      /* only ever an error (execve of what cannot run) */
	R_PAIR,       /* pipe: 0, and two new descriptors at the first argument */
	R_DIRENTS,    /* getdents64: R_COUNT bytes of well-formed records at the K_OUT argument */
	R_CLOCK,      /* 0, and a timespec with 0 <= tv_nsec < 10^9 at the K_OUT argument */
	R_REMAP,      /* mremap: a page-aligned user address; the new address asked for with MREMAP_FIXED */
};

#define F_SKIP 1      /* never in stage 2 (ends or replaces the process, or waits forever) */
#define F_SOLO 2      /* stage 1 makes it alone in a child */
#define F_VFORK 4     /* its child runs on the caller's stack: made by vfork_call (vfork.S) */
#define F_OPS 8       /* -ENOSYS is an answer too: for an op it lacks (futex's, as Linux's) */

struct spec {
	const char *name;
	uint8_t arg[6];                        /* enum kind */
	uint8_t result;                        /* enum result */
	uint8_t len_arg;                       /* R_COUNT: argument number (1-6) of the bound */
	uint8_t unit;                          /* R_COUNT: bytes per item counted */
	uint8_t flags;                         /* F_* */
};

/* The calls the kernel has (syscall_list.h), each with its spec or NULL. */
struct sysc {
	long nr;
	const char *name;
	int nargs;
	const struct spec *spec;
};
extern struct sysc sysc[];
extern int nsysc;
const struct spec *spec_for(const char *name);
const struct sysc *sysc_by_nr(long nr);          /* NULL: not implemented */
const struct sysc *sysc_by_name(const char *name);

/* --- one call, its check and its description (check.c) ---------------------- */
struct call {
	long nr;
	const struct sysc *sc;                 /* NULL: a number the kernel lacks */
	uint64_t a[6];
	const char *what[6];                   /* what each argument is, or NULL */
	uint64_t flags;                        /* rflags bits set for the call (DF, AC, NT) */
	int odd_rsp;                           /* rsp replaced by `rsp` for the call */
	uint64_t rsp;
	const char *rsp_what;
};

/* One call from an odd user state (entry.S); offsets fixed there. */
struct odd {
	long nr;
	uint64_t a[6];
	uint64_t flags, rsp, int80, replace_rsp;
};
long odd_call(const struct odd *o);
/* vfork.S: call nr (by int $0x80 when int80), whose child exits 0 at once. */
long vfork_call(long nr, long int80);

/* Why result r of c is wrong, or NULL when it is fine. */
const char *check_result(const struct call *c, long r);
/* Around a counting call (R_COUNT, R_DIRENTS) that writes into buf: fill it first,
 * then check the kernel wrote nothing past what it counted. */
void canary_set(const struct call *c);
const char *canary_check(const struct call *c, long r);
/* "name(arg, arg, ...)" with what each argument is. */
void describe(const struct call *c, char *buf, int size);
int errno_known(long e);

/* --- the child's world (world.c; the values of each kind: pools.c) ----------- */

/* in1's layout: the structures built per call first, then the long paths. */
#define IN_SIGACT   0x000
#define IN_SIGSET   0x040
#define IN_TIMESPEC 0x080
#define IN_IOV      0x100             /* up to 8 iovecs */
#define IN_RLIM     0x200             /* a struct rlimit */
#define IN_LOFF     0x240             /* a loff_t (sendfile) */
#define IN_POLLFDS  0x280             /* up to 8 struct pollfd */
#define IN_FDSETS   0x2c0             /* three select sets of 64 bits */
#define IN_WAITTV   0x2e0             /* a timeval (select) */
#define IN_SIGPACK  0x2f0             /* pselect6's { mask, size } */
#define IN_P4095    (1 * PAGE)        /* "././.../f": 4095 characters, PATH_MAX with its NUL */
#define IN_P4096    (2 * PAGE)        /* one more: too long */
#define IN_P8191    (4 * PAGE)        /* far too long */
#define IN_LONGNAME (7 * PAGE)        /* "d/" and a 300-character name */
#define IN_NAME255  (8 * PAGE)        /* "d/" and NAME_MAX characters */
#define IN_NAME256  (9 * PAGE)        /* "d/" and one more */
#define IN1_PAGES   12
#define IN2_PAGES   4

struct world {
	int pid, ppid;
	uint64_t buf, buf_end;                 /* writable pages; buf_end is unmapped */
	uint64_t scratch, scratch_end;         /* mmap/munmap may do anything here */
	struct termios tio;                    /* the console's settings, for TCSETS (guard.c) */
	uint64_t in, in_end;                   /* the prepared inputs (in1); in_end unmapped */
	uint64_t in2, in2_end;                 /* argv arrays; in2_end unmapped */
	uint64_t text, rodata, vdso;           /* read-only pages: code, data, the vDSO (or 0) */
	uint64_t sigact;                       /* where pick() builds a struct k_sigaction */
	uint64_t brk0, brk_start;              /* the break at start, the heap's start */
	int pool[8], npool;                    /* descriptors the child opened */
	const char *pool_what[8];
	int kept[4], nkept;                    /* descriptors calls made, kept a while (guard.c) */
};
extern struct world W;

/* Set up a batch child: descriptors 0-2 on /dev/null, the pool, the
 * scratch directory as cwd, the mappings, SIGPIPE ignored. 0 or -1. */
int world_setup(void);
/* Take all the memory mmap gives; fill the descriptor table (but one
 * slot); fill the process table for a moment. */
void world_squeeze(void);
void world_fill_fds(void);
void world_fill_procs(void);
/* Reopen pool descriptors a call closed. */
void world_refresh(void);
/* A value of kind k for argument i of c. */
void pick(struct call *c, int i, int k, uint64_t *rng);
extern int last_child;                     /* the last pid fork gave this batch */

/* guard.c: before a call, make the picked arguments harmless to the batch
 * itself; after it, undo what it made (descriptors, mappings, the break). */
void guard_before(struct call *c);
void guard_after(const struct call *c, long r, const struct path *P);

/* --- children and the parent's checks (runner.c) ------------------------------ */
struct outcome {
	int status;                            /* wait status; -1 when never started */
	int hung;                              /* killed after the time limit */
	int failures;                          /* "F" lines received */
	char last[512];                        /* the last "C" line received */
	int squeezed;                          /* an "M" line: it took all memory (world_squeeze) */
	char hang[512];                        /* when hung: its call and state (runner.c's hang_info) */
};
/* A stage 2 child's current call, in a page it shares with the parent
 * (runner.c): a hang names the call without --trace. NULL: no such page. */
struct making {
	int index;                             /* the call's number in its batch; -1: none yet */
	int returned;                          /* it returned (the child hung after it) ... */
	long result;                           /* ... this */
	struct call c;
};
extern struct making *making;
/* Run fn(arg) in a child with REPORT_FD set up, wait at most limit_ms
 * (more under --trace); print its failures under prefix (none when prefix
 * is NULL). */
void run_child(void (*fn)(void *), void *arg, int limit_ms, const char *prefix, struct outcome *o);
/* --trace: children report to the console, as they go, not to the parent. */
extern int trace_console;
/* Other suites run at the same time (TRAPDOOR_CONCURRENT, apps/common/
 * concurrent.h): the kernel's counters are not ours, so guarded() leaves
 * the leak check to the stress driver, and stage 2 never takes a global
 * resource whole (all free memory, every process slot). */
extern int concurrent;
/* A child's report line. */
void report(char tag, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Run fn(arg) in a child, with the leak check around it (and the scratch
 * directory emptied after it); print what went wrong under label, and
 * return how many things did. With trace non-NULL the child must exit 0
 * or 1 by itself: when it dies or hangs instead, it runs again with
 * *trace set, to name the call it was making. */
int guarded(const char *label, void (*fn)(void *), void *arg, int limit_ms, int *trace,
	    struct outcome *o);

/* Before any child: the report pipe, /tmp, an empty scratch directory. */
int runner_init(void);

struct snapshot {
	uint64_t free_frames, open_files, procs;
};
void snapshot(struct snapshot *s);
/* Empty the scratch directory's tree and put back what a child may have
 * changed outside it (the device nodes' modes). */
void scratch_clean(void);

/* Console output in one write per line (so kernel messages cannot split it). */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --- the stages ------------------------------------------------------------------ */
struct stats {
	uint64_t calls[2][2];                  /* [stage][path] */
	uint64_t failures[2][2];
	uint64_t leaks, deaths;                /* batches with a leak; children dead or hung */
	uint64_t heap_growth;                  /* frames the kernel's heap kept (not leaks) */
	int oom_kills;                         /* squeezing children the kernel's out-of-memory kill ended */
	uint64_t made[NR_SYSCALLS], ok[NR_SYSCALLS];  /* --stats: stage 2 calls and successes, by sysc[] index */
	uint64_t vm_ops[2], vm_failures[2];    /* stage 3, by path */
};
extern struct stats ST;

/* Stage 1 on path p: how many numbers answered wrong (leaks and dead
 * children go to ST.leaks and ST.deaths). */
int stage1(int p);

struct batch {
	uint64_t seed;
	int index;                             /* batch number within the seed */
	int path;
	int calls;
	int trace;                             /* send every call as a "C" line first */
	int stats;                             /* send "S <index> <made> <ok>" lines at the end */
};
/* Stage 2: one batch of random calls, in the current (child) process. */
void stage2_batch(void *b);
/* Stage 3 (vmseq.c): one batch of mapping calls and touches checked
 * against a model of the region, in the current (child) process; a
 * batch's `calls` are its operations. */
void vmseq_batch(void *b);

#endif
