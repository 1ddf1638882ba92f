/*
 * traps.h - the traps beyond the null call (issue 17): a signal's round
 * trip, an exception turned into a signal, two processes handing the CPU
 * to each other, and file-system calls on a RAM file. Each sample is one
 * whole round trip in one window; one record per case and path:
 *
 *   signal          kill(getpid(), SIGUSR1) by the path, the handler (a
 *                   counter), its return through the restorer libc
 *                   installed (rt_sigreturn by `syscall` on both kernels),
 *                   back after the kill;
 *   ud_signal       `ud2`, the SIGILL handler steps over it (rip += 2),
 *                   rt_sigreturn: path "syscall", the restorer's, as the
 *                   exception enters by #UD whatever the program's path;
 *   pipe_pingpong   one byte into a pipe by the path, the child (blocked in
 *                   read by the same path) writes it back through another,
 *                   the parent's read returns: two context switches;
 *   yield_pingpong  sched_yield by the path while the child, the only other
 *                   runnable process, loops on sched_yield by the same path
 *                   (and counts its turns in a shared page: every sample
 *                   must have switched): two switches per sample; on Linux
 *                   both run SCHED_FIFO, where a yield hands over (os.h);
 *   open_close      open(OS_RAMFILE, O_RDONLY) and close, by the path;
 *   stat            stat(OS_RAMFILE) by the path.
 *
 * On Linux int80 is the i386 entry with i386 numbers (os.h) from this
 * 64-bit program, as for the null calls: the handler was installed by the
 * 64-bit rt_sigaction, so Linux still builds a 64-bit frame and the return
 * is the same on both kernels; stat by int80 is i386's stat64. Pointers
 * passed by int80 live in .bss and .rodata, below 4 GiB. They run after
 * every other case, so that the earlier figures (which ci/baseline.json
 * holds) cannot move with them.
 */
#ifndef TRAPBENCH_TRAPS_H
#define TRAPBENCH_TRAPS_H

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define TRAP_SAMPLES 10000       /* signal, ud_signal, open_close, stat */
#define TRAP_WARMUP 1000
#define SWITCH_SAMPLES 2000      /* pipe_pingpong, yield_pingpong: each sample two switches */
#define SWITCH_WARMUP 200

/* The calls traps.h makes, and their numbers through each entry (os.h). */
enum { T_KILL, T_YIELD, T_READ, T_WRITE, T_OPEN, T_CLOSE, T_STAT, T_CALLS };

static const struct trap_path {
	const char *name;
	long (*sys)(long nr, long a, long b, long c);
	long nr[T_CALLS];
} trap_paths[] = {
	{ "int80", int80_3, { NR_KILL_INT80, NR_SCHED_YIELD_INT80, NR_READ_INT80, NR_WRITE_INT80,
			       NR_OPEN_INT80, NR_CLOSE_INT80, NR_STAT_INT80 } },
	{ "syscall", syscall_3, { NR_KILL_SYSCALL, NR_SCHED_YIELD_SYSCALL, NR_READ_SYSCALL, NR_WRITE_SYSCALL,
				   NR_OPEN_SYSCALL, NR_CLOSE_SYSCALL, NR_STAT_SYSCALL } },
};

/* A call by path p: its number for that entry, up to three arguments. */
#define TSYS(p, call, a, b, c) ((p)->sys((p)->nr[call], (long)(a), (long)(b), (long)(c)))

static volatile unsigned long trap_caught;   /* handlers count here */
static long trap_pid;
static char trap_byte;
static char trap_statbuf[256];               /* struct stat (144 bytes) or i386's stat64 (96) */

static void on_usr1(int sig) { (void)sig; trap_caught++; }

/* #UD: step over the two-byte ud2 that raised it. */
static void on_ill(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)si;
	*os_uc_rip(uc) += 2;
	trap_caught++;
}

static int trap_handle(int sig, void (*fn)(int), void (*act3)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	if (act3) {
		sa.sa_sigaction = act3;
		sa.sa_flags = SA_SIGINFO;
	} else {
		sa.sa_handler = fn;
	}
	return sigaction(sig, &sa, NULL);
}

/* Time n samples of one round trip, after w untimed ones; fn gets the path. */
static int trap_time(void (*fn)(const struct trap_path *), const struct trap_path *p, int w, int n)
{
	for (int i = 0; i < w; i++)
		fn(p);
	for (int i = 0; i < n; i++) {
		uint64_t t0 = tsc_begin();
		fn(p);
		samples[i] = tsc_end() - t0;
	}
	return n;
}

static void one_signal(const struct trap_path *p) { TSYS(p, T_KILL, trap_pid, SIGUSR1, 0); }
static void one_ud(const struct trap_path *p) { (void)p; __asm__ volatile("ud2" ::: "memory"); }
static void one_yield(const struct trap_path *p) { TSYS(p, T_YIELD, 0, 0, 0); }
static void one_stat(const struct trap_path *p) { TSYS(p, T_STAT, OS_RAMFILE, trap_statbuf, 0); }

static void one_open_close(const struct trap_path *p)
{
	long fd = TSYS(p, T_OPEN, OS_RAMFILE, O_RDONLY, 0);
	TSYS(p, T_CLOSE, fd, 0, 0);
}

static int pipe_to, pipe_from;               /* the parent's ends */

static void one_pingpong(const struct trap_path *p)
{
	TSYS(p, T_WRITE, pipe_to, &trap_byte, 1);
	TSYS(p, T_READ, pipe_from, &trap_byte, 1);
}

/* A signal case: handler installed, n samples, handler gone; every kill
 * or ud2 must have reached the handler, else no record. */
static int time_signal(const struct trap_path *p, int ud)
{
	int sig = ud ? SIGILL : SIGUSR1, n;

	if (trap_handle(sig, ud ? NULL : on_usr1, ud ? on_ill : NULL) < 0)
		return 0;
	trap_caught = 0;
	n = trap_time(ud ? one_ud : one_signal, p, TRAP_WARMUP, TRAP_SAMPLES);
	trap_handle(sig, SIG_DFL, NULL);
	return trap_caught == (unsigned long)(TRAP_WARMUP + TRAP_SAMPLES) ? n : 0;
}

/* pipe_pingpong: the child echoes by the same path until the parent closes. */
static int time_pipe(const struct trap_path *p)
{
	int to[2], from[2], status, n;

	if (pipe(to) < 0 || pipe(from) < 0)
		return 0;
	pid_t pid = fork();
	if (pid == 0) {
		close(to[1]), close(from[0]);
		while (TSYS(p, T_READ, to[0], &trap_byte, 1) == 1)
			TSYS(p, T_WRITE, from[1], &trap_byte, 1);
		_exit(0);
	}
	close(to[0]), close(from[1]);
	pipe_to = to[1], pipe_from = from[0];
	n = pid > 0 ? trap_time(one_pingpong, p, SWITCH_WARMUP, SWITCH_SAMPLES) : 0;
	close(to[1]), close(from[0]);              /* the child reads 0 and ends */
	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) ? n : 0;
}

/* yield_pingpong: the child yields by the same path until killed, and
 * counts its turns in a shared page: the case has a record only when the
 * child ran once per yield of the parent's at least (on Linux, under
 * SCHED_FIFO: os_yield_hands_over). */
static int time_yield(const struct trap_path *p)
{
	volatile unsigned long *turns = mmap(NULL, GROW_PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status, n = 0;

	if (turns == MAP_FAILED || os_yield_hands_over(1) < 0) {
		printf("trapbench: yield_pingpong: no shared page or no SCHED_FIFO (%s)\n", strerror(errno));
		return 0;
	}
	*turns = 0;
	pid_t pid = fork();
	if (pid == 0)
		for (;;) {
			(*turns)++;
			TSYS(p, T_YIELD, 0, 0, 0);
		}
	if (pid > 0) {
		n = trap_time(one_yield, p, SWITCH_WARMUP, SWITCH_SAMPLES);
		kill(pid, SIGKILL);
		if (waitpid(pid, &status, 0) != pid || *turns < SWITCH_WARMUP + SWITCH_SAMPLES - 1) {
			printf("trapbench: yield_pingpong by %s: the child ran %lu times in %d yields\n",
			       p->name, *turns, SWITCH_WARMUP + SWITCH_SAMPLES);
			n = 0;
		}
	}
	os_yield_hands_over(0);
	munmap((void *)turns, GROW_PAGE);
	return n;
}

static int time_file(const struct trap_path *p, int stat_only)
{
	return trap_time(stat_only ? one_stat : one_open_close, p, TRAP_WARMUP, TRAP_SAMPLES);
}

static int case_signal(const struct trap_path *p) { return time_signal(p, 0); }
static int case_ud_signal(const struct trap_path *p) { return time_signal(p, 1); }
static int case_open_close(const struct trap_path *p) { return time_file(p, 0); }
static int case_stat(const struct trap_path *p) { return time_file(p, 1); }

/* The cases in the order they run; restorer_path: only by the path libc's
 * restorer takes ("syscall"), the only one that matters for the case. */
static const struct trap_case {
	const char *call;
	int (*time)(const struct trap_path *p);
	int restorer_path, ramfile;
} trap_cases[] = {
	{ "signal", case_signal, 0, 0 },
	{ "ud_signal", case_ud_signal, 1, 0 },
	{ "pipe_pingpong", time_pipe, 0, 0 },
	{ "yield_pingpong", time_yield, 0, 0 },
	{ "open_close", case_open_close, 0, 1 },
	{ "stat", case_stat, 0, 1 },
};

/* Every case by every path it has. A case that fails says so and has no
 * record; so do the file cases when OS_RAMFILE cannot be made. */
static void run_traps(void)
{
	int fd = open(OS_RAMFILE, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	int have_file = fd >= 0 && write(fd, "trapbench\n", 10) == 10 && close(fd) == 0;

	trap_pid = getpid();
	if (!have_file)
		printf("trapbench: cannot write %s: no open_close, stat\n", OS_RAMFILE);
	for (unsigned c = 0; c < sizeof(trap_cases) / sizeof(trap_cases[0]); c++) {
		const struct trap_case *k = &trap_cases[c];
		if (k->ramfile && !have_file)
			continue;
		for (unsigned i = 0; i < sizeof(trap_paths) / sizeof(trap_paths[0]); i++) {
			const struct trap_path *p = &trap_paths[i];
			if (k->restorer_path && strcmp(p->name, "syscall"))
				continue;
			int n = k->time(p);
			if (n > 0)
				report(p->name, k->call, -1, samples, n);
			else
				printf("trapbench: %s by %s fails here: no record\n", k->call, p->name);
		}
	}
	unlink(OS_RAMFILE);
}

#endif
