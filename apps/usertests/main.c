/*
 * usertests - the guest suite for processes, signals, pipes, sleeping and
 * files (see usertests.h). Run as init by scripts/test.sh
 * (init=/bin/usertests): prints `ok N - ...` lines and
 * `usertests: N passed, N failed`, and exits non-zero when anything failed.
 *
 *   usertests               run every case
 *   usertests NAME...       run these cases (NAME* : every case starting so)
 *   usertests --list        name the cases
 *   usertests --helper ...  (used by the cases) the program they execute
 *
 * Each case runs once per entry path, in a child of its own; the runner
 * takes the kernel's counters (trapdoor_stats) before the child starts and
 * after it is reaped (and its orphans are gone), and fails a run that left
 * open files or process slots behind, or fewer free frames twice in a row
 * (the first run of a case may fill caches the kernel keeps: kernel stacks,
 * heap blocks). The child sends its transcript back through a pipe in one
 * write at the end; both paths' transcripts must be identical. A run that
 * takes more than CASE_TIMEOUT is killed and fails. The cases are found
 * through the "usertests" section (usertests.h), which the linker brackets
 * with __start_usertests and __stop_usertests.
 *
 * With TRAPDOOR_CONCURRENT set (apps/common/concurrent.h: /bin/stress runs
 * other suites at the same time) the counters are not ours: the runner
 * leaves the leak checks to the stress driver and says so once, and the
 * cases that read the counters skip those checks (counters_mine).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "concurrent.h"
#include "tap.h"
#include "usertests.h"

#define TEXT_MAX     4000            /* a transcript: one atomic pipe write */
#define CASE_TIMEOUT 30              /* seconds a run may take before SIGKILL */
#define SETTLE_MS    2000            /* how long orphans may take to go away */

extern const struct usertest __start_usertests[], __stop_usertests[];

static const struct path {
	const char *name;
	int entry;
} paths[2] = {                          /* libc's two x86-64 paths (LIBC_ENTRIES, sys/entry.h) */
#define PATH_ROW(path, word, call) { #path, LIBC_ENTRY_BIT(path) },
	LIBC_ENTRIES(PATH_ROW)
#undef PATH_ROW
};

/* --- what a case process uses ---------------------------------------------- */

int ut_failures;
static const struct path *ut_path = &paths[0];
static int ut_case_pid;                   /* the case's own process (not its children) */
static char ut_text[TEXT_MAX];
static int ut_len, ut_overflow;

void note(const char *fmt, ...)
{
	va_list ap;
	int room = TEXT_MAX - ut_len, n;

	if (room <= 1) {
		ut_overflow = 1;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(ut_text + ut_len, room, fmt, ap);
	va_end(ap);
	if (n >= room)
		ut_overflow = 1, n = room - 1;
	ut_len += n > 0 ? n : 0;
}

void ut_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("# FAIL [%s]%s %s:%d: ", ut_path->name, sys_getpid() == ut_case_pid ? "" : " (in a child)",
	       file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	ut_failures++;
}

const char *res_name(long r)
{
	static char bufs[4][24];
	static int next;
	char *b = bufs[next++ & 3];

	switch (r) {
#define ERRNO_NAME(name, value, text) case -value: return "-" #name;
	ERRNO_LIST(ERRNO_NAME)
#undef ERRNO_NAME
	}
	snprintf(b, sizeof(bufs[0]), "%ld", r);
	return b;
}

int expect_eq_(const char *file, int line, const char *what, long got, long want)
{
	note("%d=%s ", line, res_name(got));
	if (got == want)
		return 1;
	ut_fail(file, line, "%s is %s, want %s", what, res_name(got), res_name(want));
	return 0;
}

long exec_helper(char *const argv[])
{
	char *av[16], env[32];
	char *ev[] = { env, NULL };
	int n = 0;

	av[n++] = SELF;
	av[n++] = "--helper";
	for (int i = 0; argv[i] && n < 15; i++)
		av[n++] = argv[i];
	av[n] = NULL;
	snprintf(env, sizeof(env), "LIBC_SYSCALL=%s", libc_entry_name());
	fflush(stdout);
	return sys_execve(SELF, av, ev);
}

void exec_helper_child(void *argv)
{
	exec_helper(argv);
	quit(127);
}

/* In the child: run case t through path p, send the transcript, exit. */
static __attribute__((noreturn)) void case_child(const struct usertest *t, const struct path *p, const int fds[2])
{
	int out = TRANSCRIPT_FD;

	libc_set_entry(p->entry);
	ut_path = p;
	ut_case_pid = sys_getpid();
	/* A known start, whoever ran us: descriptors 0-2 and the transcript's
	 * (out of the way of those cases count), default signal actions, no
	 * mask, / as the working directory. */
	sys_dup2(fds[1], out);
	for (int fd = 3; fd < out; fd++)
		sys_close(fd);
	for (int sig = 1; sig <= SIGRTMAX; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			sigdfl(sig);
	sigmask_set(SIG_SETMASK, 0);
	sys_chdir("/");
	t->fn();
	if (sys_getpid() != ut_case_pid)
		quit(ut_failures ? 1 : 0);        /* a child of the case got here: only the case reports */
	if (ut_overflow)
		ut_fail(__FILE__, __LINE__, "the transcript is longer than %d bytes", TEXT_MAX);
	sys_write(out, ut_text, ut_len);
	quit(ut_failures ? 1 : 0);
}

/* --- the runner ------------------------------------------------------------ */

struct outcome {
	int status;                  /* the wait status; -1 no fork, -2 timed out */
	char text[TEXT_MAX + 1];     /* the transcript */
	char why[128];               /* why it failed, or "" */
};

static int runner_pid;

static uint64_t now_ms(void)
{
	struct timespec ts;

	sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait for the case process: its status, or -2 after CASE_TIMEOUT (it and,
 * when we are init, every other process are killed then). */
static int wait_case(long pid)
{
	uint64_t deadline = now_ms() + CASE_TIMEOUT * 1000;
	long ms = 1, r;
	int status;

	while ((r = sys_wait4(pid, &status, WNOHANG, 0)) == 0) {
		if (now_ms() > deadline) {
			sys_kill(pid, SIGKILL);
			if (runner_pid == 1)
				sys_kill(-1, SIGKILL);    /* its orphans too */
			sys_wait4(pid, &status, 0, 0);
			return -2;
		}
		sleep_ms(ms);
		ms = ms < 16 ? ms * 2 : ms;
	}
	return r == pid ? status : -1;
}

/* The counters once the case's orphans are gone (or SETTLE_MS has passed). */
static struct trapdoor_stats settled(const struct trapdoor_stats *before)
{
	struct trapdoor_stats s;

	for (int waited = 0;; waited += 10) {
		s = stats_now();
		/* An orphan frees its memory before its slot: once the slots
		 * match, the frames are final. */
		if ((s.procs == before->procs && s.open_files == before->open_files) || waited >= SETTLE_MS)
			return s;
		sleep_ms(10);
	}
}

static void run_once(const struct usertest *t, const struct path *p, struct outcome *o, long *frames_lost)
{
	struct trapdoor_stats before = stats_now(), after;
	int fds[2];
	long pid, n, len = 0;

	o->why[0] = o->text[0] = 0;
	*frames_lost = 0;
	/* Non-blocking: the transcript is read after the child is gone, and a
	 * grandchild left holding the write end must not make us wait. */
	if (sys_pipe2(fds, O_NONBLOCK | O_CLOEXEC) < 0) {
		o->status = -1;
		snprintf(o->why, sizeof(o->why), " (no pipe for the transcript)");
		return;
	}
	fflush(stdout);
	if ((pid = sys_fork()) == 0)
		case_child(t, p, fds);
	sys_close(fds[1]);
	o->status = pid < 0 ? -1 : wait_case(pid);
	while ((n = sys_read(fds[0], o->text + len, TEXT_MAX - len)) > 0)
		len += n;
	o->text[len] = 0;
	sys_close(fds[0]);
	after = counters_mine() ? settled(&before) : before;   /* (concurrent: the driver's check) */

	if (o->status == -1)
		snprintf(o->why, sizeof(o->why), " (fork: %s)", res_name(pid));
	else if (o->status == -2)
		snprintf(o->why, sizeof(o->why), " (timed out after %d s)", CASE_TIMEOUT);
	else if (WIFSIGNALED(o->status))
		snprintf(o->why, sizeof(o->why), " (killed by signal %d)", WTERMSIG(o->status));
	else if (WEXITSTATUS(o->status))
		snprintf(o->why, sizeof(o->why), " (exit status %d)", WEXITSTATUS(o->status));
	else if (after.procs != before.procs)
		snprintf(o->why, sizeof(o->why), " (leaked %ld process slots)", (long)(after.procs - before.procs));
	else if (after.open_files != before.open_files)
		snprintf(o->why, sizeof(o->why), " (leaked %ld open files)",
			 (long)(after.open_files - before.open_files));
	else if (after.free_frames < before.free_frames)
		*frames_lost = before.free_frames - after.free_frames;
}

/* Both paths of case t: three TAP lines. */
static void run_case(const struct usertest *t)
{
	static struct outcome o[2];

	for (int p = 0; p < 2; p++) {
		long lost;
		run_once(t, &paths[p], &o[p], &lost);
		if (lost) {
			/* Caches the kernel fills once (kernel stacks, heap blocks)
			 * keep frames the first time: only a second loss is a leak. */
			printf("# %s [%s] kept %ld frames; running it again\n", t->name, paths[p].name, lost);
			run_once(t, &paths[p], &o[p], &lost);
			if (lost)
				snprintf(o[p].why, sizeof(o[p].why), " (leaked %ld frames, twice)", lost);
		}
		tap(!o[p].why[0], "%s [%s]%s", t->name, paths[p].name, o[p].why);
	}
	int same = strcmp(o[0].text, o[1].text) == 0;
	if (!same)
		printf("# transcripts differ:\n#  int80:   %s\n#  syscall: %s\n", o[0].text, o[1].text);
	tap(same, "%s: both paths agree", t->name);
}

static int selected(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++) {
		size_t n = strlen(argv[i]);
		if (strcmp(argv[i], name) == 0 || (n && argv[i][n - 1] == '*' && strncmp(argv[i], name, n - 1) == 0))
			return 1;
	}
	return 0;
}

int helper_main(int argc, char **argv, char **envp);   /* helper.c */

int main(int argc, char **argv, char **envp)
{
	const struct usertest *t;
	int ncases = __stop_usertests - __start_usertests, ran = 0;

	if (argc < 1 || !argv[0][0])
		return 120;                       /* execve with no arguments (t_proc.c) */
	if (argc > 1 && strcmp(argv[1], "--helper") == 0)
		return helper_main(argc - 2, argv + 2, envp);
	if (argc > 1 && strcmp(argv[1], "--list") == 0) {
		for (t = __start_usertests; t < __stop_usertests; t++)
			printf("%s\n", t->name);
		return 0;
	}
	runner_pid = sys_getpid();
	ut_case_pid = runner_pid;
	printf("usertests: %d cases x 2 paths (int80, syscall); libc uses %s; runner is pid %d\n",
	       ncases, libc_entry_name(), runner_pid);
	if (!counters_mine())
		printf("%s\n", CONCURRENT_NOTE);
	for (t = __start_usertests; t < __stop_usertests; t++) {
		if (!selected(t->name, argc, argv))
			continue;
		run_case(t);
		ran++;
	}
	for (int i = 1; i < argc; i++) {
		int any = 0;
		for (t = __start_usertests; t < __stop_usertests; t++)
			any |= selected(t->name, 2, (char *[]){ argv[0], argv[i] });
		if (!any)
			tap(0, "no case named %s", argv[i]);
	}
	printf("# %d of %d cases run\n", ran, ncases);
	printf("usertests: %d passed, %d failed\n", tap_passed, tap_failed);
	return tap_failed ? 1 : 0;
}
