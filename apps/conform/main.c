/*
 * conform - the entry conformance suite (see conform.h). Run as init by
 * scripts/test.sh (init=/bin/conform): prints `ok N - ...` lines, the
 * checks that passed on each path (in all, in the EFAULT matrix and in the
 * entry edge cases), and `N passed, N failed`; exits non-zero when
 * anything failed.
 *
 *   conform               run every case
 *   conform NAME          run one case
 *   conform --entry       (used by the suite itself) exit with libc's entry
 *   conform --is-open N   (the same) exit 1 when descriptor N is open
 *   conform --limit-is R CUR MAX...   (the same) exit 0 when each getrlimit(R) is {CUR, MAX}
 *   conform --vm-pages    (the same) exit with the pages mapped (RLIMIT_AS's count), mod 256
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"
#include "conform.h"

static const struct path paths[2] = {
	{ "int80", ENTRY_INT80, __syscall6_int80 },
	{ "syscall", ENTRY_SYSCALL, __syscall6_fast },
};

static const struct {
	const char *name;
	case_fn fn;
} cases[] = {
#define CASE_ENTRY(name) { #name, case_##name },
	CASES(CASE_ENTRY)
#undef CASE_ENTRY
};

int suite_pid;

void note(struct transcript *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(t->text + t->len, sizeof(t->text) - t->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->len += (size_t)n < sizeof(t->text) - t->len ? n : (int)(sizeof(t->text) - t->len - 1);
}

void expect_(struct transcript *t, const struct path *P, int ok, const char *what, const char *file, int line)
{
	t->checks++;
	if (!ok) {
		printf("# FAIL [%s] %s (%s:%d)\n", P->name, what, file, line);
		t->failures++;
	}
}

void expect_all_(const struct path *P, struct transcript *t, const long *r, const long *want, unsigned n,
		 const char *file, int line)
{
	char what[64];

	for (unsigned i = 0; i < n; i++) {
		snprintf(what, sizeof(what), "r[%u] = %ld, want %ld", i, r[i], want[i]);
		expect_(t, P, r[i] == want[i], what, file, line);
		note(t, "%ld ", r[i]);
	}
}

int run_child(void (*fn)(const struct path *P, void *arg), const struct path *P, void *arg)
{
	int status = -1;
	pid_t pid;

	fflush(stdout);                          /* or the child prints our buffer again */
	if ((pid = fork()) == 0) {
		fn(P, arg);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* Checks that passed, per path, in all and in the two groups the
 * hardening work reports on (by case name prefix). */
static const char *const groups[] = { "", "efault_", "entry_" };
#define NGROUPS 3
static long passed_checks[NGROUPS][2];
#define COUNTS_FD 60                 /* where a case's process sends its counts: high, out of the cases' way */

/* In a child: run the case on both paths, compare, send the number of
 * checks that passed on each path down fd; exit with bits
 * 1 = int80 failed, 2 = syscall failed, 4 = the transcripts differ. */
static void run_both(int i, int fd)
{
	static struct transcript t[2];
	int bits = 0, good[2];

	for (int p = 0; p < 2; p++) {
		libc_set_entry(paths[p].entry);      /* libc's own calls follow the path too */
		if (cases[i].fn(&paths[p], &t[p]) != 0 || t[p].failures)
			bits |= 1 << p;
		good[p] = t[p].checks > t[p].failures ? t[p].checks - t[p].failures : 0;
	}
	if (strcmp(t[0].text, t[1].text) != 0) {
		printf("# transcripts differ:\n#  int80:   %s\n#  syscall: %s\n", t[0].text, t[1].text);
		bits |= 4;
	}
	fflush(stdout);
	write(fd, good, sizeof(good));
	_exit(bits);
}

static void run_case(int i)
{
	int status = -1, fds[2], good[2] = { 0, 0 };
	pid_t pid = -1;

	fflush(stdout);
	/* Non-blocking: a case's process that dies before it writes must not
	 * leave us waiting on a grandchild that still holds the pipe. */
	if (pipe2(fds, O_NONBLOCK) < 0) {
		tap(0, "%s (no pipe for its counts)", cases[i].name);
		return;
	}
	if ((pid = fork()) == 0) {
		/* A high descriptor, out of the way of cases that count theirs. */
		dup2(fds[1], COUNTS_FD);
		close(fds[0]);
		close(fds[1]);
		run_both(i, COUNTS_FD);
	}
	close(fds[1]);
	if (pid > 0) {
		waitpid(pid, &status, 0);
		if (read(fds[0], good, sizeof(good)) != sizeof(good))
			good[0] = good[1] = 0;
	}
	close(fds[0]);
	for (int g = 0; g < NGROUPS; g++)
		if (strncmp(cases[i].name, groups[g], strlen(groups[g])) == 0)
			for (int p = 0; p < 2; p++)
				passed_checks[g][p] += good[p];
	if (pid < 0 || status < 0 || WIFSIGNALED(status)) {
		const char *why = pid < 0 ? "fork failed" : "the case's process died";
		tap(0, "%s [int80] (%s, status 0x%x)", cases[i].name, why, status);
		tap(0, "%s [syscall] (%s)", cases[i].name, why);
		tap(0, "%s: both paths agree (%s)", cases[i].name, why);
		return;
	}
	int bits = WEXITSTATUS(status);
	tap(!(bits & 1), "%s [int80]", cases[i].name);
	tap(!(bits & 2), "%s [syscall]", cases[i].name);
	tap(!(bits & 4), "%s: both paths agree", cases[i].name);
}

/* The state _start found, as docs/abi.md promises: all zero, rflags 0x202. */
static void check_initial_state(void)
{
	int ok = 1;

	for (int i = 0; i < 15; i++)
		ok &= __start_regs[i] == 0;
	tap(ok, "initial registers at _start are all zero");
	tap(__start_regs[15] == 0x202, "initial rflags is 0x202 (IF only), got 0x%lx", __start_regs[15]);
}

/* libc picks syscall by itself, and LIBC_SYSCALL=int80 makes it use int $0x80. */
static void check_entry_choice(char *self)
{
	static const char *const want[] = { "int80", "syscall" };

	tap(libc_entry() == ENTRY_SYSCALL, "libc chose the syscall entry by itself (uses %s)", libc_entry_name());
	for (int i = 0; i < 2; i++) {
		char env[32];
		snprintf(env, sizeof(env), "LIBC_SYSCALL=%s", want[i]);
		char *argv[] = { self, "--entry", NULL }, *envp[] = { env, NULL };
		int status = -1;
		pid_t pid;
		fflush(stdout);
		if ((pid = fork()) == 0) {
			execve("/bin/conform", argv, envp);
			_exit(99);
		}
		waitpid(pid, &status, 0);
		tap(WIFEXITED(status) && WEXITSTATUS(status) == (i == 0 ? ENTRY_INT80 : ENTRY_SYSCALL),
		    "LIBC_SYSCALL=%s selects %s (status 0x%x)", want[i], want[i], status);
	}
}

int main(int argc, char **argv)
{
	int ncases = sizeof(cases) / sizeof(cases[0]), ran = 0;

	if (argc > 1 && strcmp(argv[1], "--entry") == 0)
		return libc_entry();
	if (argc > 2 && strcmp(argv[1], "--is-open") == 0) {
		struct stat st;
		return fstat(atoi(argv[2]), &st) == 0;    /* 1: that descriptor survived execve */
	}
	if (argc > 1 && strcmp(argv[1], "--limit-is") == 0) {
		for (int i = 2; i + 2 < argc; i += 3) {
			struct rlimit l;
			if (getrlimit(atoi(argv[i]), &l) < 0 || l.rlim_cur != strtoull(argv[i + 1], 0, 0) ||
			    l.rlim_max != strtoull(argv[i + 2], 0, 0))
				return 1;
		}
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "--rseq-free") == 0)
		return rseq_free_main();
	if (argc > 1 && strcmp(argv[1], "--vm-pages") == 0)
		return mapped_pages(&paths[libc_entry() == ENTRY_SYSCALL], RLIMIT_AS) & 0xff;
	suite_pid = getpid();
	printf("conform: entry conformance suite, %d cases x 2 paths; libc uses %s\n",
	       ncases, libc_entry_name());
	if (argc == 1) {
		check_initial_state();
		check_entry_choice(argv[0]);
	}
	for (int i = 0; i < ncases; i++) {
		if (argc > 1 && strcmp(argv[1], cases[i].name) != 0)
			continue;
		run_case(i);
		ran++;
	}
	if (argc > 1 && !ran)
		tap(0, "no case named %s", argv[1]);
	for (int p = 0; p < 2; p++)
		printf("conform: %ld checks passed on %s (EFAULT matrix %ld, entry edge cases %ld)\n",
		       passed_checks[0][p], paths[p].name, passed_checks[1][p], passed_checks[2][p]);
	printf("%d passed, %d failed\n", tap_passed, tap_failed);
	return tap_failed ? 1 : 0;
}
