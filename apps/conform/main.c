/*
 * conform - the entry conformance suite (see conform.h). Run as init by
 * scripts/test.sh (init=/bin/conform, init=/bin/conform32): prints `ok N -
 * ...` lines, the checks that passed on each path (in all, in the EFAULT
 * matrix and in the entry edge cases), and `N passed, N failed`; exits
 * non-zero when anything failed. The paths are the entries the kernel
 * offers of libc's (LIBC_ENTRIES; libc_set_entry() says which); conform32 runs on
 * Linux too, the reference.
 *
 *   conform               run every case
 *   conform NAME          run one case
 *   conform --entry       (used by the suite itself) exit with the index of libc's entry in paths[]
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

#ifdef __i386__
#define DEFAULT_ENTRY ENTRY_KERNEL_VSYSCALL      /* what libc picks by itself */
#else
#define DEFAULT_ENTRY ENTRY_SYSCALL
#endif
/* libc's paths for this build (LIBC_ENTRIES, sys/entry.h). */
static const struct path paths[] = {
#define PATH_ROW(path, word, call) { #path, LIBC_ENTRY_BIT(path), word, call },
	LIBC_ENTRIES(PATH_ROW)
#undef PATH_ROW
};
#define NPATHS (int)(sizeof(paths) / sizeof(paths[0]))
static int offered[NPATHS];              /* the kernel offers paths[p] */

static const struct {
	const char *name;
	case_fn fn;
} cases[] = {
#define CASE_ENTRY(name) { #name, case_##name },
#ifdef __i386__
#define SKIP_CASE(name)
	CASES(CASE_ENTRY, SKIP_CASE)
#else
	CASES(CASE_ENTRY, CASE_ENTRY)
#endif
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
static long passed_checks[NGROUPS][NPATHS];
#define COUNTS_FD 60                 /* where a case's process sends its counts: high, out of the cases' way */

/* In a child: run the case on every path offered, compare each transcript
 * with the first, send the number of checks that passed on each path down
 * fd; exit with bit p set when paths[p] failed, and bit NPATHS when the
 * transcripts differ. */
static void run_all(int i, int fd)
{
	static struct transcript t[NPATHS];
	int bits = 0, good[NPATHS] = { 0 }, first = -1;

	for (int p = 0; p < NPATHS; p++) {
		if (!offered[p])
			continue;
		libc_set_entry(paths[p].entry);      /* libc's own calls follow the path too */
		if (cases[i].fn(&paths[p], &t[p]) != 0 || t[p].failures)
			bits |= 1 << p;
		good[p] = t[p].checks > t[p].failures ? t[p].checks - t[p].failures : 0;
		if (first < 0)
			first = p;
		else if (strcmp(t[first].text, t[p].text) != 0) {
			printf("# transcripts differ:\n#  %s: %s\n#  %s: %s\n", paths[first].name, t[first].text,
			       paths[p].name, t[p].text);
			bits |= 1 << NPATHS;
		}
	}
	fflush(stdout);
	write(fd, good, sizeof(good));
	_exit(bits);
}

static void run_case(int i)
{
	int status = -1, fds[2], good[NPATHS] = { 0 };
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
		run_all(i, COUNTS_FD);
	}
	close(fds[1]);
	if (pid > 0) {
		waitpid(pid, &status, 0);
		if (read(fds[0], good, sizeof(good)) != sizeof(good))
			memset(good, 0, sizeof(good));
	}
	close(fds[0]);
	for (int g = 0; g < NGROUPS; g++)
		if (strncmp(cases[i].name, groups[g], strlen(groups[g])) == 0)
			for (int p = 0; p < NPATHS; p++)
				passed_checks[g][p] += good[p];
	if (pid < 0 || status < 0 || WIFSIGNALED(status)) {
		const char *why = pid < 0 ? "fork failed" : "the case's process died";
		for (int p = 0; p < NPATHS; p++)
			if (offered[p])
				tap(0, "%s [%s] (%s, status 0x%x)", cases[i].name, paths[p].name, why, status);
		tap(0, "%s: all paths agree (%s)", cases[i].name, why);
		return;
	}
	int bits = WEXITSTATUS(status);
	for (int p = 0; p < NPATHS; p++)
		if (offered[p])
			tap(!(bits & 1 << p), "%s [%s]", cases[i].name, paths[p].name);
	tap(!(bits & 1 << NPATHS), "%s: all paths agree", cases[i].name);
}

/* The entry libc uses, as an index into paths[] (-1: none of them). */
static int entry_index(void)
{
	for (int p = 0; p < NPATHS; p++)
		if (paths[p].entry == libc_entry())
			return p;
	return -1;
}

#ifdef __x86_64__
/* The state _start found, as docs/abi.md promises: all zero, rflags 0x202. */
static void check_initial_state(void)
{
	int ok = 1;

	for (int i = 0; i < 15; i++)
		ok &= __start_regs[i] == 0;
	tap(ok, "initial registers at _start are all zero");
	tap(__start_regs[15] == 0x202, "initial rflags is 0x202 (IF only), got 0x%lx", __start_regs[15]);
}

#endif

/* libc picks the fastest entry by itself (x86-64: syscall; -m32:
 * __kernel_vsyscall), and LIBC_SYSCALL=word makes it use each offered one. */
static void check_entry_choice(char *self)
{
	tap(libc_entry() == DEFAULT_ENTRY, "libc chose the %s entry by itself (uses %s)",
	    paths[NPATHS - 1].name, libc_entry_name());
	for (int i = 0; i < NPATHS; i++) {
		if (!offered[i])
			continue;
		char env[40];
		snprintf(env, sizeof(env), "LIBC_SYSCALL=%s", paths[i].word);
		char *argv[] = { self, "--entry", NULL }, *envp[] = { env, NULL };
		int status = -1;
		pid_t pid;
		fflush(stdout);
		if ((pid = fork()) == 0) {
			execve(strchr(self, '/') ? self : CONFORM_BIN, argv, envp);
			_exit(99);
		}
		waitpid(pid, &status, 0);
		tap(WIFEXITED(status) && WEXITSTATUS(status) == i,
		    "LIBC_SYSCALL=%s selects %s (status 0x%x)", paths[i].word, paths[i].name, status);
	}
}

/* Which paths this kernel and CPU offer: the ones libc will switch to. */
static void find_paths(void)
{
	int was = libc_entry();

	for (int p = 0; p < NPATHS; p++)
		offered[p] = libc_set_entry(paths[p].entry) == 0;
	libc_set_entry(was);
}

/* The kernel's entry counters after the run, one per path of
 * api/entry_paths.h, and how often each fast return fell back to iretq
 * (nothing on a kernel without trapdoor_stats, e.g. Linux). */
static void print_counters(void)
{
	struct trapdoor_stats s;

	if (trapdoor_stats(&s) != 0)
		return;
	printf("conform: entry counters:");
#define X(name, mode, entry, ret, counter, bit, vector, ch) printf(" %s %llu", #name, (unsigned long long)s.counter);
	ENTRY_PATHS(X)
#undef X
	printf("; iretq fallbacks: sysretq %llu, sysexit %llu, sysretl %llu\n", (unsigned long long)s.sysret_fallbacks,
	       (unsigned long long)s.sysexit_fallbacks, (unsigned long long)s.sysretl_fallbacks);
}

int main(int argc, char **argv)
{
	int ncases = sizeof(cases) / sizeof(cases[0]), ran = 0;

	if (argc > 1 && strcmp(argv[1], "--entry") == 0)
		return entry_index();
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
#ifdef __i386__
	if (argc > 1 && strcmp(argv[1], "--tls-free") == 0)
		return tls_free_main();
#endif
	if (argc > 1 && strcmp(argv[1], "--vm-pages") == 0)
		return mapped_pages(&paths[entry_index() < 0 ? 0 : entry_index()], RLIMIT_AS) & 0xff;
	suite_pid = getpid();
	find_paths();
	printf("conform: entry conformance suite, %d cases; libc uses %s; paths:", ncases, libc_entry_name());
	for (int p = 0; p < NPATHS; p++)
		if (offered[p])
			printf(" %s", paths[p].name);
	printf("\n");
	if (concurrent_run())                 /* the counter checks become lower bounds, memory_exhaustion is skipped */
		printf("# concurrent: checks on the kernel's global counters relaxed (the stress driver checks for leaks)\n");
	if (argc == 1) {
#ifdef __x86_64__
		check_initial_state();
#endif
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
	for (int p = 0; p < NPATHS; p++)
		if (offered[p])
			printf("conform: %ld checks passed on %s (EFAULT matrix %ld, entry edge cases %ld)\n",
			       passed_checks[0][p], paths[p].name, passed_checks[1][p], passed_checks[2][p]);
	print_counters();
	printf("%d passed, %d failed\n", tap_passed, tap_failed);
	return tap_failed ? 1 : 0;
}
