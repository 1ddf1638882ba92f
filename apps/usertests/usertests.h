/*
 * usertests.h - the guest suite for processes, signals, pipes, sleeping and
 * files, after xv6's usertests: named cases, each run in a forked child,
 * once through int $0x80 and once through syscall, with the kernel's free
 * frames, open files and process slots compared before and after.
 *
 * A case is a function declared with USERTEST(name) in one of the t_*.c
 * files; the macro also puts a record in the "usertests" section, which
 * the runner (main.c) walks from __start_usertests to __stop_usertests, so
 * there is no central list to keep.
 *
 * Inside a case, EXPECT/EXPECT_EQ check what happened (a failure prints a
 * `# FAIL` line and makes the case fail), and note() adds observations to
 * the case's transcript. Transcripts hold outcomes only (error names,
 * counts, yes/no), never pids, addresses or times, so the two entry paths
 * must produce the same one.
 */
#ifndef USERTESTS_H
#define USERTESTS_H

#include <stdint.h>
#include <sys/types.h>

#include "sys.h"

struct usertest {
	const char *name;
	void (*fn)(void);
};

/* Define case `name`: USERTEST(pipe_eof) { ... } */
#define USERTEST(name)                                                             \
	static void name(void);                                                    \
	static const struct usertest ut_case_##name                                \
		__attribute__((section("usertests"), used, aligned(8))) = { #name, name }; \
	static void name(void)

/* --- expectations and the transcript (main.c) ---------------------------- */

extern int ut_failures;              /* failed expectations in this process */

void ut_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Append an observation to this case's transcript. */
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A raw result for the transcript: "-EINVAL" for errors, the number otherwise. */
const char *res_name(long r);

#define EXPECT(cond) \
	((cond) ? 1 : (ut_fail(__FILE__, __LINE__, "%s", #cond), 0))

/* A raw result that must equal want; the value goes into the transcript. */
#define EXPECT_EQ(expr, want) \
	expect_eq_(__FILE__, __LINE__, #expr, (long)(expr), (long)(want))
int expect_eq_(const char *file, int line, const char *what, long got, long want);

/* A case starts with descriptors 0, 1 and 2 (the console) and this one,
 * where its transcript goes at the end; 3 to 62 are free. */
#define TRANSCRIPT_FD 63

/* --- processes (util.c) ---------------------------------------------------- */

/* Run fn(arg) in a child, which then exits 0, or 1 when an expectation
 * failed in it (fn may also _exit by itself). The pid, or -errno. */
pid_t spawn(void (*fn)(void *), void *arg);
/* Wait for pid: its status word, or a negative raw result. */
int reap(pid_t pid);
/* spawn + reap. */
int run_child(void (*fn)(void *), void *arg);
/* Wait until pid sleeps in the kernel (trapdoor_procs says S): 1, or 0
 * after a few seconds. */
int wait_blocked(pid_t pid);
/* The state letter trapdoor_procs gives pid (R, S, Z), or 0 when it is gone. */
char proc_state(pid_t pid);
void child_exit(void *code);          /* for spawn: exit with (long)code */
void child_pause(void *unused);       /* for spawn: pause for ever */
void sleep_ms(long ms);
/* End the calling process with a status (stdout flushed, nothing else). */
__attribute__((noreturn)) void quit(int code);

#define STATUS_EXIT(code) (((code) & 0xff) << 8)   /* the wait status of exit(code) */
#define STATUS_SIG(sig)   (sig)                     /* ... of death by signal sig */

/* --- signals (util.c, sigreturn.S) ---------------------------------------- */

typedef void (*sig_fn)(int sig, struct k_siginfo *info, void *uc);
/* Install fn for sig with SA_SIGINFO | SA_RESTORER | flags, returning
 * through the restorer of the entry in use: the raw result. */
long sigact(int sig, sig_fn fn, unsigned long flags, uint64_t mask);
long sigdfl(int sig);                 /* SIG_DFL */
long sigign(int sig);                 /* SIG_IGN */
uint64_t sigmask_now(void);           /* the blocked set */
long sigmask_set(int how, uint64_t set);
/* The saved registers of a handler's third argument. */
static inline struct k_sigcontext *uc_regs(void *uc) { return &((struct k_ucontext *)uc)->uc_mcontext; }

/* What record(), a handler, saw last; seen_reset() clears it. */
struct seen {
	int hits, sig, signo, code, pid;     /* hits counts every run */
	int status;                          /* si_status (SIGCHLD) */
	uint64_t addr, rip;                  /* si_addr; the saved rip */
	uint64_t mask, saved_mask;           /* blocked in the handler; uc_sigmask */
};
extern volatile struct seen seen;
void record(int sig, struct k_siginfo *info, void *uc);
void seen_reset(void);


/* --- the helper program: usertests re-executes itself (main.c) ------------ */

#define SELF "/bin/usertests"
/* Exec SELF --helper argv...: never returns on success; the raw error. The
 * environment carries LIBC_SYSCALL, so the helper uses the same entry. */
long exec_helper(char *const argv[]);
/* In a child: exec the helper with argv, and exit 127 if that fails. */
void exec_helper_child(void *argv);

/* --- memory and the kernel's counters (util.c) ----------------------------- */

#define PAGE 4096L
#define KERNEL_ADDR  0xffffffff80000000UL   /* kernel text */
#define DIRECT_MAP   0xffff800000001000UL   /* the kernel's direct map */
#define NONCANONICAL 0x0000800000000000UL   /* just past the user half */
#define UNMAPPED     0x00007ff000000000UL   /* user half, nothing mapped */

/* A fresh anonymous mapping of n bytes (read-write), or NULL. */
void *map_pages(long n);
/* A page that is mapped read-only (the case's rodata). */
extern const char ro_page[];

struct trapdoor_stats stats_now(void);
/* Whether the kernel's global counters (stats_now) move for us alone: not
 * when other suites run at the same time (TRAPDOOR_CONCURRENT,
 * apps/common/concurrent.h), where a check on their deltas is skipped or
 * becomes a lower bound, and the stress driver checks for leaks instead. */
int counters_mine(void);
/* Skip the rest of a case that takes a whole global resource (every
 * process slot, all free memory): with other suites running it would make
 * them fail. The note says so, the same on both paths. */
#define SKIP_IF_CONCURRENT(why)                                                    \
	do {                                                                       \
		if (!counters_mine()) {                                            \
			note("skipped: other suites run concurrently (%s)", why);  \
			return;                                                    \
		}                                                                  \
	} while (0)
/* Run only on CPU 0 from now on (sched_setaffinity): for cases that read
 * which CPU they are on. A case runs in its own child, so it ends there. */
void pin_to_cpu0(void);

/* The directory file cases work in; made and removed by each case. */
#define TDIR "/ut"
void dir_fresh(void);                 /* rm -r TDIR; mkdir TDIR */
void dir_remove(void);                /* rm -r TDIR */
void rm_tree(const char *path);       /* rm -r path (unmounting and chmod-ing on the way) */
/* Create path with contents s: the raw result of the last call. */
long write_file(const char *path, const char *s, int mode);

/* A checksum over a byte stream: FNV-1a, 64 bits. */
static inline uint64_t fnv(uint64_t h, const void *p, long n)
{
	const unsigned char *b = p;

	for (long i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}
#define FNV_INIT 0xcbf29ce484222325ULL

#endif
