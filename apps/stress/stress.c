/*
 * stress - the concurrency stress run (issue 18; docs/smp.md, Tests): the
 * guest suites at the same time, on every CPU, in rounds.
 *
 *   stress [-r ROUNDS] [-t SECONDS]
 *
 * A round starts usertests, conform, fuzz and linuxprogs at once (fork and
 * execve, TRAPDOOR_CONCURRENT=1 in their environment: apps/common/
 * concurrent.h), usertests and conform on the console, fuzz and linuxprogs
 * writing to /tmp/stress-NAME.log (struct suite says why), waits for all four
 * and requires each to exit 0 (a suite that runs longer than SUITE_LIMIT
 * is killed and fails). Rounds go on until ROUNDS rounds are done or
 * SECONDS have passed, whichever comes first (neither given: one round).
 * A failed suite's `not ok` and `# FAIL` lines and the tail of its log
 * come to the console, prefixed with its name.
 *
 * The suites leave their own leak checks to this program, since the
 * kernel's counters are global: it takes free frames, open files and
 * process slots before the first round and, once things have settled,
 * after the last. Files and slots must be back exactly. Frames may stay
 * lower once: the kernel keeps what it fills on first use (its heap's
 * high-water mark, kernel stacks), as usertests and fuzz allow. So when
 * frames are lower, the same round runs again (up to CONFIRM_ROUNDS
 * times) and only a round that takes frames every time is a leak.
 *
 * Prints TAP lines, then `stress: N rounds in S s: ... no panic, no leak`
 * and exits 0, or names what failed and exits 1. Run it as init from
 * scripts/test.sh: init=/bin/stress -- -r 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/entry.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "concurrent.h"
#include "tap.h"

#define SUITE_LIMIT    1200             /* seconds a suite may take in one round */
#define SETTLE_MS      5000             /* how long orphans may take to go away */
#define CONFIRM_ROUNDS 4                /* rounds again before lost frames count as a leak: a new
                                          * high-water mark (one more kernel stack for a busier
                                          * moment, 4 frames) may come in a later round too */
#define TAIL_LINES     25               /* of a failed suite's log */
#define LOG_MAX        (256 * 1024)     /* of a log read back for its lines */

/* The suites of a round, each with its arguments (argv[0] first) and
 * where it runs:
 *  - console: descriptors 0, 1 and 2 stay ours, the console, and the suite
 *    stays in our session and process group, whose controlling terminal
 *    the console is: as when it runs as init. usertests' and conform's
 *    cases need that (the console's ioctls, fstat of descriptor 1, job
 *    control), so their lines come to the console as they go, each one
 *    whole, and they have no log.
 *  - own_session: the fuzzer's batches call setsid, setpgid and the
 *    terminal's ioctls at random; in a session of its own they cannot join
 *    or hang up our process group or take the console.
 * The others write to /tmp/stress-NAME.log. */
static const struct suite {
	const char *name;
	const char *argv[6];
	int console, own_session;
} suites[] = {
	{ "usertests",  { "/bin/usertests", NULL }, 1, 0 },
	{ "conform",    { "/bin/conform", NULL }, 1, 0 },
	{ "fuzz",       { "/bin/fuzz", NULL }, 0, 1 },
	{ "linuxprogs", { "/bin/linuxprogs", "-T", "30", NULL }, 0, 0 },   /* (slower while shared) */
};
#define NSUITES (int)(sizeof(suites) / sizeof(suites[0]))

struct counters {
	uint64_t free_frames, open_files, procs;
};

static char *suite_env[64];             /* ours, and CONCURRENT_ENV=1 */
static char log_buf[LOG_MAX + 1];

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void nap_ms(long ms)
{
	nanosleep(&(struct timespec){ ms / 1000, ms % 1000 * 1000000 }, 0);
}

static struct counters counters_now(void)
{
	struct trapdoor_stats s = { 0 };

	trapdoor_stats(&s);
	return (struct counters){ s.free_frames, s.open_files, s.procs };
}

static void log_path(const struct suite *s, char *buf, size_t n)
{
	snprintf(buf, n, "/tmp/stress-%s.log", s->name);
}

/* Our environment without CONCURRENT_ENV, then CONCURRENT_ENV=1. */
static void make_env(void)
{
	extern char **environ;
	size_t len = strlen(CONCURRENT_ENV);
	int n = 0;

	for (char **e = environ; e && *e && n < 62; e++)
		if (!(strncmp(*e, CONCURRENT_ENV, len) == 0 && (*e)[len] == '='))
			suite_env[n++] = *e;
	suite_env[n++] = CONCURRENT_ENV "=1";
	suite_env[n] = NULL;
}

/* In a child: suite s, its output on the console or in its log; never returns. */
static void start_suite(const struct suite *s)
{
	char path[64];
	int fd;

	if (!s->console) {
		log_path(s, path, sizeof(path));
		if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
			_exit(126);
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
		if ((fd = open("/dev/null", O_RDONLY)) >= 0) {
			dup2(fd, 0);
			close(fd);
		}
	}
	chdir("/");
	if (s->own_session)
		setsid();
	execve(s->argv[0], (char **)s->argv, suite_env);
	printf("stress: %s: %s\n", s->argv[0], strerror(errno));
	_exit(127);
}

/* The log's last line that says "passed, " (the suite's own summary), in buf. */
static void summary_of(const char *log, char *buf, size_t n)
{
	const char *line = log, *found = NULL;

	for (const char *p = log; *p; p++)
		if (*p == '\n') {
			const char *m = strstr(line, "passed, ");
			if (m && m < p)
				found = line;
			line = p + 1;
		}
	buf[0] = 0;
	if (found) {
		size_t len = strcspn(found, "\n");
		snprintf(buf, n, "%.*s", (int)(len < n ? len : n - 1), found);
	}
}

static long read_log(const struct suite *s)
{
	char path[64];
	long len = 0, r;
	int fd;

	log_path(s, path, sizeof(path));
	log_buf[0] = 0;
	if (s->console || (fd = open(path, O_RDONLY)) < 0)
		return -1;
	/* Keep the last LOG_MAX bytes: the summary and the tail are at the end. */
	while ((r = read(fd, log_buf + len, LOG_MAX - len)) > 0) {
		len += r;
		if (len == LOG_MAX) {
			memmove(log_buf, log_buf + LOG_MAX / 2, LOG_MAX / 2);
			len = LOG_MAX / 2;
		}
	}
	close(fd);
	log_buf[len] = 0;
	return len;
}

/* A failed suite's log on the console: its failure lines, then its tail. */
static void show_failure(const struct suite *s)
{
	const char *line = log_buf, *tail = log_buf;
	int lines = 0, shown = 0;

	if (s->console) {
		printf("# %s: its lines are on the console above (`not ok`, `# FAIL`)\n", s->name);
		return;
	}
	for (const char *p = log_buf; *p; p++)
		lines += *p == '\n';
	for (int seen = 0; *line; seen++) {
		int len = strcspn(line, "\n");
		if (seen == lines - TAIL_LINES)
			tail = line;
		if ((strncmp(line, "not ok", 6) == 0 || strncmp(line, "# FAIL", 6) == 0) && shown++ < 40)
			printf("# %s| %.*s\n", s->name, len, line);
		line += len + (line[len] == '\n');
	}
	printf("# %s: the last %d lines of /tmp/stress-%s.log:\n", s->name, TAIL_LINES, s->name);
	for (line = tail; *line;) {
		int len = strcspn(line, "\n");
		printf("# %s| %.*s\n", s->name, len, line);
		line += len + (line[len] == '\n');
	}
}

static int online_cpus(void)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	for (int i = 0; i < 64; i++)
		CPU_SET(i, &set);
	sched_setaffinity(0, sizeof(set), &set);   /* (init's mask is every CPU already) */
	return sched_getaffinity(0, sizeof(set), &set) < 0 ? 1 : CPU_COUNT(&set);
}

/* One round: every suite at once; the number of suites that failed. */
static int round_of_suites(int round)
{
	long pids[NSUITES];
	int status[NSUITES], running = 0, failed = 0;
	uint64_t start = now_ms(), took[NSUITES];

	online_cpus();                           /* every CPU again for the suites, whatever happened */
	fflush(stdout);
	for (int i = 0; i < NSUITES; i++) {
		if ((pids[i] = fork()) == 0)
			start_suite(&suites[i]);
		status[i] = -1;
		running += pids[i] > 0;
	}
	while (running) {
		int st;
		long pid = waitpid(-1, &st, WNOHANG);
		if (pid > 0) {
			for (int i = 0; i < NSUITES; i++)
				if (pids[i] == pid) {
					status[i] = st, took[i] = now_ms() - start, running--;
					printf("stress: round %d: %s ended (%lu s)\n", round, suites[i].name,
					       (unsigned long)(took[i] / 1000));
					fflush(stdout);
				}
			continue;                    /* (an orphan we adopted as init: reaped) */
		}
		if (now_ms() - start > SUITE_LIMIT * 1000UL) {
			for (int i = 0; i < NSUITES; i++)
				if (pids[i] > 0 && status[i] == -1) {
					kill(pids[i], SIGKILL);
					waitpid(pids[i], &status[i], 0);
					status[i] = -2, took[i] = now_ms() - start, running--;
				}
			break;
		}
		nap_ms(100);
	}
	for (int i = 0; i < NSUITES; i++) {
		char why[64] = "", summary[160];
		read_log(&suites[i]);
		summary_of(log_buf, summary, sizeof(summary));
		if (pids[i] < 0)
			snprintf(why, sizeof(why), "fork failed");
		else if (status[i] == -2)
			snprintf(why, sizeof(why), "killed after %d s", SUITE_LIMIT);
		else if (WIFSIGNALED(status[i]))
			snprintf(why, sizeof(why), "killed by signal %d", WTERMSIG(status[i]));
		else if (WEXITSTATUS(status[i]))
			snprintf(why, sizeof(why), "exit status %d", WEXITSTATUS(status[i]));
		tap(!why[0], "stress: round %d: %s: %s in %lu s%s%s", round, suites[i].name, why[0] ? why : "exit 0",
		    (unsigned long)(took[i] / 1000), summary[0] ? ": " : "", summary);
		if (why[0]) {
			show_failure(&suites[i]);
			failed++;
		}
		fflush(stdout);
	}
	return failed;
}

/* The counters once the rounds' orphans are gone and the logs removed
 * (they are files in memory), or SETTLE_MS later. */
static struct counters settled(const struct counters *want)
{
	char path[64];
	struct counters c;

	for (int i = 0; i < NSUITES; i++) {
		log_path(&suites[i], path, sizeof(path));
		if (!suites[i].console)
			unlink(path);
	}
	for (int waited = 0;; waited += 50) {
		while (waitpid(-1, 0, WNOHANG) > 0)
			;                            /* orphans, when we are init */
		c = counters_now();
		if ((c.procs == want->procs && c.open_files == want->open_files) || waited >= SETTLE_MS)
			return c;
		nap_ms(50);
	}
}


int main(int argc, char **argv)
{
	long rounds = 0, seconds = 0;
	int done = 0, failed = 0, leak = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
			rounds = atol(argv[++i]);
		else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
			seconds = atol(argv[++i]);
		else {
			printf("usage: stress [-r ROUNDS] [-t SECONDS]\n");
			return 2;
		}
	}
	if (rounds <= 0 && seconds <= 0)
		rounds = 1;
	make_env();
	mkdir("/tmp", 0777);
	int cpus = online_cpus();
	printf("stress: usertests, conform, fuzz and linuxprogs at once on %d CPUs, %s%ld %s; usertests and "
	       "conform on the console, fuzz and linuxprogs in /tmp/stress-NAME.log\n", cpus, rounds > 0 ? "" : "for ", rounds > 0 ? rounds : seconds,
	       rounds > 0 ? "round(s)" : "s");
	if (rounds > 0 && seconds > 0)
		printf("stress: (or %ld s, whichever comes first)\n", seconds);

	uint64_t start = now_ms();
	struct counters base = counters_now(), end;
	while ((rounds <= 0 || done < rounds) && (seconds <= 0 || now_ms() - start < seconds * 1000UL)) {
		failed += round_of_suites(++done);
		if (failed)
			break;                       /* the logs of a failure stay as they are */
	}
	end = settled(&base);
	/* Frames lower: run again; a leak takes frames every time, a cache
	 * filled once (a new high-water mark) soon stops. lost: what the last
	 * step took (the rounds so far, then one round). */
	long lost = (long)(base.free_frames - end.free_frames);
	for (int k = 0; !failed && lost > 0 && end.procs == base.procs && end.open_files == base.open_files &&
			k < CONFIRM_ROUNDS; k++) {
		printf("# stress: %ld frames fewer than %s: a round again, to tell a cache from a leak\n", lost,
		       k ? "before that round" : "at the start");
		struct counters before = end;
		failed += round_of_suites(++done);
		end = settled(&before);
		lost = (long)(before.free_frames - end.free_frames);
		if (lost <= 0)
			printf("# stress: that round took no frames: the %ld kept since the start are caches the kernel "
			       "filled once\n", (long)(base.free_frames - end.free_frames));
	}
	if (!failed) {
		tap(end.procs == base.procs, "stress: process slots back: %lu -> %lu", (unsigned long)base.procs,
		    (unsigned long)end.procs);
		tap(end.open_files == base.open_files, "stress: open files back: %lu -> %lu", (unsigned long)base.open_files,
		    (unsigned long)end.open_files);
		tap(lost <= 0, "stress: free frames back, or kept once and then steady: %lu at the start, %lu at the end",
		    (unsigned long)base.free_frames, (unsigned long)end.free_frames);
		leak = end.procs != base.procs || end.open_files != base.open_files || lost > 0;
	}
	uint64_t s = (now_ms() - start) / 1000;
	printf("stress: %d passed, %d failed\n", tap_passed, tap_failed);
	if (tap_failed)
		printf("stress: %d rounds in %lu s on %d CPUs: FAILED (%s)\n", done, (unsigned long)s, cpus,
		       failed ? "a suite failed" : "a leak");
	else
		printf("stress: %d rounds in %lu s on %d CPUs: usertests, conform, fuzz and linuxprogs at once; "
		       "every suite passed, no panic, no leak\n", done, (unsigned long)s, cpus);
	fflush(stdout);
	return tap_failed || leak ? 1 : 0;
}
