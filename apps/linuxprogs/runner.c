/*
 * linuxprogs - run the static Linux programs of progs/ (built with musl-gcc,
 * the host's gcc and its gcc -m32) and compare each one's output, byte for byte,
 * and its exit status with what the very same binary gave on the host.
 *
 *   linuxprogs                 in the guest: run /bin/linux/{musl,glibc,glibc32}/NAME,
 *                              compare with /etc/linuxprogs/TOOLCHAIN/NAME.{out,status},
 *                              one TAP line per program
 *   linuxprogs -c glibc32      the same, one toolchain's programs only
 *   linuxprogs -r -b BIN -e DIR   on the host, at build time: record DIR/TOOLCHAIN/NAME.{out,status}
 *
 * The one source builds twice: with trapdoor's libc for the guest, and
 * with the host's gcc for the recording, so that both runs get exactly the
 * same argv, environment and working directory (the program's own
 * toolchain directory; argv[0] is "./NAME"). Standard output and standard
 * error go to one file; standard input is /dev/null. A program that has
 * not ended after the time limit is killed, so one hang cannot stop the rest.
 * docs/linuxprogs.md describes the suite.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXOUT 65536

/* Each program and its arguments (after argv[0], which is "./NAME"). */
static const struct prog {
	const char *name;
	const char *args[12];
} progs[] = {
	{ "hello", { NULL } },
	{ "stdio", { NULL } },
	{ "setjmp", { NULL } },
	{ "qsort", { NULL } },
	{ "strtod", { NULL } },
	{ "envargs", { "one", "two words", "", "--flag=x" } },
	{ "getopt", { "-v", "-n", "3", "-oout.txt", "operand", "-x", "-z", "--number=7", "--color", "--", "-v", "last" } },
	{ "time", { NULL } },
	{ "sigaltstack", { NULL } },
	{ "forkexec", { NULL } },
	{ "pthread_sync", { NULL } },
	{ "pthread_tls", { NULL } },
	{ "pthread_signal", { NULL } },
	{ "pthread_cancel", { NULL } },
	{ "pthread_churn", { NULL } },
	{ "pthread_robust", { NULL } },
};

static const char *const toolchains[] = { "musl", "glibc", "glibc32" };

/* The whole environment every program gets. TZ is a POSIX rule that names
 * no zone file, so no libc looks for one (and never for /etc/localtime). */
static char *const envp[] = {
	"PATH=/bin", "HOME=/", "TZ=UTC0", "LP_GREETING=hello world", "LP_EMPTY=", NULL,
};

static const char *bindir = "/bin/linux", *expdir = "/etc/linuxprogs", *tmpdir = "/tmp";
static int record, limit = 10;

/* Milliseconds on the monotonic clock (no floating point: trapdoor's own
 * programs are built without SSE). */
static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/* Run one program with its output going to the file out; describe how
 * it ended in st ("exit N", "signal N", "timeout"). */
static void run(const char *tc, const struct prog *p, const char *out, char *st, size_t stlen)
{
	char dir[256], path[256];
	char *argv[14];
	long end;
	int status, n, fd;
	pid_t pid, got;

	snprintf(dir, sizeof(dir), "%s/%s", bindir, tc);
	snprintf(path, sizeof(path), "./%s", p->name);
	argv[0] = path;
	for (n = 0; n < 12 && p->args[n]; n++)
		argv[n + 1] = (char *)p->args[n];
	argv[n + 1] = NULL;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		snprintf(st, stlen, "fork failed: %s", strerror(errno));
		return;
	}
	if (pid == 0) {
		fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			_exit(125);
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
		fd = open("/dev/null", O_RDONLY);
		if (fd >= 0 && fd != 0) {
			dup2(fd, 0);
			close(fd);
		}
		if (chdir(dir) < 0) {
			printf("linuxprogs: cd %s: %s\n", dir, strerror(errno));
			fflush(stdout);
			_exit(125);
		}
		execve(path, argv, envp);
		printf("linuxprogs: %s/%s: %s\n", dir, path, strerror(errno));
		fflush(stdout);
		_exit(126);
	}
	end = now_ms() + limit * 1000L;
	while ((got = waitpid(pid, &status, WNOHANG)) == 0 && now_ms() < end) {
		struct timespec ms = { 0, 10000000 };
		nanosleep(&ms, NULL);
	}
	if (got == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		snprintf(st, stlen, "timeout");
	} else if (got < 0)
		snprintf(st, stlen, "waitpid failed: %s", strerror(errno));
	else if (WIFEXITED(status))
		snprintf(st, stlen, "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(st, stlen, "signal %d", WTERMSIG(status));
	else
		snprintf(st, stlen, "status 0x%x", status);
}

/* Read a whole (small) file into buf; its length, or -1. */
static long slurp(const char *path, char *buf, long cap)
{
	long len = 0, n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	while (len < cap && (n = read(fd, buf + len, cap - len)) > 0)
		len += n;
	close(fd);
	return len;
}

static int spit(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	long n = strlen(s);

	if (fd < 0 || write(fd, s, n) != n) {
		fprintf(stderr, "linuxprogs: %s: %s\n", path, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

/* What a failed comparison left: where the output first differs, then the
 * output itself, as `# | ` lines (bytes outside ASCII as \xNN). */
static void explain(const char *want, long wlen, const char *got, long glen)
{
	long i, line = 1, shown = 0;

	for (i = 0; i < wlen && i < glen && want[i] == got[i]; i++)
		line += want[i] == '\n';
	if (wlen != glen || i < wlen)
		printf("# output differs from byte %ld (line %ld); %ld bytes expected, %ld got\n", i, line, wlen, glen);
	if (glen == 0) {
		printf("# (no output)\n");
		return;
	}
	printf("# | ");
	for (i = 0; i < glen && shown < 60; i++) {
		unsigned char c = got[i];
		if (c == '\n') {
			if (++shown < 60 && i + 1 < glen)
				printf("\n# | ");
		} else if (c >= 32 && c < 127)
			putchar(c);
		else
			printf("\\x%02x", c);
	}
	printf(shown >= 60 ? "\n# | ...\n" : "\n");
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* On the host: run one program and keep its output and status as the
 * expected ones. Anything but `exit 0` there is an error in the program. */
static int record_one(const char *tc, const struct prog *p)
{
	char out[256], path[256], st[64];

	snprintf(path, sizeof(path), "%s/%s", expdir, tc);
	mkdir(expdir, 0755);
	mkdir(path, 0755);
	snprintf(out, sizeof(out), "%s/%s/%s.out", expdir, tc, p->name);
	run(tc, p, out, st, sizeof(st));
	snprintf(path, sizeof(path), "%s/%s/%s.status", expdir, tc, p->name);
	strcat(st, "\n");
	if (spit(path, st) < 0)
		return -1;
	printf("linuxprogs: recorded %s/%s: %s", tc, p->name, st);
	if (strcmp(st, "exit 0\n") != 0) {
		fprintf(stderr, "linuxprogs: %s/%s ended with %s on the host, not exit 0: see %s\n",
			tc, p->name, st, out);
		return -1;
	}
	return 0;
}

/* In the guest: run one program, compare with what the host recorded and
 * print the TAP line N (with the reasons, on failure). */
static int check_one(int n, const char *tc, const struct prog *p)
{
	static char want[MAXOUT], got[MAXOUT];
	char out[256], exp[256], st[64], wst[64];
	long wlen, glen;

	snprintf(out, sizeof(out), "%s/linuxprogs-%s-%s.out", tmpdir, tc, p->name);
	run(tc, p, out, st, sizeof(st));
	snprintf(exp, sizeof(exp), "%s/%s/%s.status", expdir, tc, p->name);
	wlen = slurp(exp, wst, sizeof(wst) - 1);
	wst[wlen < 0 ? 0 : wlen] = 0;
	if (wlen > 0 && wst[wlen - 1] == '\n')
		wst[wlen - 1] = 0;
	snprintf(exp, sizeof(exp), "%s/%s/%s.out", expdir, tc, p->name);
	wlen = slurp(exp, want, sizeof(want));
	glen = slurp(out, got, sizeof(got));
	unlink(out);
	if (wlen >= 0 && glen >= 0 && wlen == glen && memcmp(want, got, wlen) == 0 && strcmp(st, wst) == 0) {
		printf("ok %d - %s/%s\n", n, tc, p->name);
		return 0;
	}
	printf("not ok %d - %s/%s\n", n, tc, p->name);
	printf("# %s/%s: %s, expected %s\n", tc, p->name, st, wst[0] ? wst : "(no expected status)");
	if (wlen < 0)
		printf("# no expected output %s\n", exp);
	else if (glen < 0)
		printf("# no output file %s\n", out);
	else
		explain(want, wlen, got, glen);
	return -1;
}

int main(int argc, char **argv)
{
	int c, n = 0, failed = 0;
	unsigned t, i, ntc = 0;
	const char *only = NULL;          /* -c: one toolchain's programs only */

	/* trapdoor's libc has no getopt: the options are separate words. */
	for (c = 1; c < argc; c++) {
		const char *o = argv[c], *v = c + 1 < argc ? argv[c + 1] : NULL;
		if (strcmp(o, "-r") == 0)
			record = 1;
		else if (strcmp(o, "-b") == 0 && v)
			bindir = argv[++c];
		else if (strcmp(o, "-e") == 0 && v)
			expdir = argv[++c];
		else if (strcmp(o, "-t") == 0 && v)
			tmpdir = argv[++c];
		else if (strcmp(o, "-T") == 0 && v)
			limit = atoi(argv[++c]);
		else if (strcmp(o, "-c") == 0 && v)
			only = argv[++c];
		else {
			fprintf(stderr, "usage: linuxprogs [-r] [-b BINDIR] [-e EXPECTDIR] [-t TMPDIR] [-T SECONDS] [-c TOOLCHAIN]\n");
			return 2;
		}
	}
	for (t = 0; t < NELEM(toolchains); t++)
		ntc += !only || strcmp(only, toolchains[t]) == 0;
	if (!ntc) {
		fprintf(stderr, "linuxprogs: no toolchain named %s\n", only);
		return 2;
	}
	if (!record)
		printf("1..%u\n", (unsigned)(ntc * NELEM(progs)));
	for (t = 0; t < NELEM(toolchains); t++)
		for (i = 0; i < NELEM(progs) && (!only || strcmp(only, toolchains[t]) == 0); i++) {
			n++;
			if ((record ? record_one(toolchains[t], &progs[i]) : check_one(n, toolchains[t], &progs[i])) < 0)
				failed++;
		}
	if (!record)
		printf("linuxprogs: %d passed, %d failed\n", n - failed, failed);
	return failed ? 1 : 0;
}
