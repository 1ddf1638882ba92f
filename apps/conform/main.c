/*
 * conform - the entry conformance suite (see conform.h). Run as init by
 * scripts/test.sh (init=/bin/conform): prints `ok N - ...` lines and
 * `N passed, N failed`, and exits non-zero when anything failed.
 *
 *   conform               run every case
 *   conform NAME          run one case
 *   conform --entry       (used by the suite itself) exit with libc's entry
 *   conform --is-open N   (the same) exit 1 when descriptor N is open
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

static int test_no, passed, failed;
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
	if (!ok) {
		printf("# FAIL [%s] %s (%s:%d)\n", P->name, what, file, line);
		t->failures++;
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

static void tap(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", ok ? "" : "not ", ++test_no);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	ok ? passed++ : failed++;
}

/* In a child: run the case on both paths, compare; exit with bits
 * 1 = int80 failed, 2 = syscall failed, 4 = the transcripts differ. */
static void run_both(int i)
{
	static struct transcript t[2];
	int bits = 0;

	for (int p = 0; p < 2; p++) {
		libc_set_entry(paths[p].entry);      /* libc's own calls follow the path too */
		if (cases[i].fn(&paths[p], &t[p]) != 0 || t[p].failures)
			bits |= 1 << p;
	}
	if (strcmp(t[0].text, t[1].text) != 0) {
		printf("# transcripts differ:\n#  int80:   %s\n#  syscall: %s\n", t[0].text, t[1].text);
		bits |= 4;
	}
	fflush(stdout);
	_exit(bits);
}

static void run_case(int i)
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0)
		run_both(i);
	if (pid > 0)
		waitpid(pid, &status, 0);
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
	const uint64_t *r = (const uint64_t *)&__start_regs;
	int ok = 1;

	for (int i = 0; i < 15; i++)
		ok &= r[i] == 0;
	tap(ok, "initial registers at _start are all zero");
	tap(__start_regs.rflags == 0x202, "initial rflags is 0x202 (IF only), got 0x%lx", __start_regs.rflags);
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
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
