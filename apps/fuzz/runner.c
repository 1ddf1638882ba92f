/*
 * runner.c - children with a time limit, their reports, and the
 * parent's view of the kernel (free frames, open files, processes) and of
 * the scratch directory between children.
 *
 * The parent owns one non-blocking pipe; a child's REPORT_FD is its write
 * end (or the console, for --trace). While the child runs, the parent
 * drains the pipe, checks wait4 with WNOHANG, and naps; past the limit it
 * sends SIGKILL to that child (and to nothing else).
 */
#include <api/dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"

#define LEAK_RUNS 3                       /* runs again before lost frames count as a leak */
/* --trace: a child that names its calls on the console gets this many
 * times its limit (20 s: 180 s for a batch). Each line scrolls the
 * framebuffer, a 4 MiB copy: a traced batch takes 20-40 s under TCG. */
#define TRACE_SLOWER 9

static int report_rd = -1, report_wr = -1;
int trace_console, concurrent;
struct making *making;

/* One write per line: a kernel message can come between lines, never inside one. */
void say(const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	write(1, line, n);
}

void report(char tag, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	line[0] = tag, line[1] = ' ';
	va_start(ap, fmt);
	int n = 2 + vsnprintf(line + 2, sizeof(line) - 3, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 1)
		n = sizeof(line) - 1;
	line[n++] = '\n';
	/* The pipe does not block: when it is full, let the parent drain it. */
	while (write(REPORT_FD, line, n) < 0 && errno == EAGAIN)
		sched_yield();
}

static uint64_t now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Lines from the child: print failures (unless quiet), keep the last call. */
static void drain(struct outcome *o, const char *prefix, int quiet, char *pend, int *plen)
{
	char buf[2048];
	long n;

	while ((n = read(report_rd, buf, sizeof(buf))) > 0) {
		for (long i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				if (*plen < 1023)
					pend[(*plen)++] = buf[i];
				continue;
			}
			pend[*plen] = '\0';
			if (pend[0] == 'F') {
				o->failures++;
				if (!quiet)
					say("# FAIL %s: %s", prefix, pend + 2);
			} else if (pend[0] == 'C') {
				strncpy(o->last, pend + 2, sizeof(o->last) - 1);
			} else if (pend[0] == 'M') {
				o->squeezed = 1;
			} else if (pend[0] == 'S' && !quiet) {
				char *e;
				unsigned long i = strtoul(pend + 2, &e, 10), made = strtoul(e, &e, 10);
				if (i < 128)
					ST.made[i] += made, ST.ok[i] += strtoul(e, 0, 10);
			}
			*plen = 0;
		}
	}
}

/* pid's state from /proc/<pid>/stat into buf: its letter (R runs or may,
 * S sleeps in the kernel, T stopped), its CPU ticks, the signals pending
 * and blocked (proc(5)'s fields 3, 14, 31 and 32; the masks' low 31 bits). */
static int proc_state(int pid, char *buf, int size)
{
	char path[40], st[512], *p;
	unsigned long f[33] = { 0 };
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if ((fd = open(path, O_RDONLY)) < 0)
		return snprintf(buf, size, " pid %d gone;", pid);
	n = read(fd, st, sizeof(st) - 1);
	close(fd);
	st[n > 0 ? n : 0] = '\0';
	if (!(p = strrchr(st, ')')) || p[1] != ' ' || !p[2])
		return snprintf(buf, size, " pid %d ?;", pid);
	char state = p[2];
	p += 3;
	for (int i = 4; i < 33 && *p; i++)
		f[i] = strtoul(p, &p, 10);
	return snprintf(buf, size, " pid %d state %c, %lu ticks, signals pending 0x%lx blocked 0x%lx;",
			pid, state, f[14] + f[15], f[31], f[32]);
}

/* A hung child, before it is killed: the call it was in or had just made
 * (the shared page), its state and its live children's, into o->hang. */
static void hang_info(int pid, struct outcome *o)
{
	struct trapdoor_proc t[64];
	char d[400];
	int n = 0, nt = trapdoor_procs(t, 64), size = sizeof(o->hang);

	if (making && making->index >= 0) {
		describe(&making->c, d, sizeof(d));
		if (making->returned)
			n += snprintf(o->hang, size, "after call %d: %s = %ld;", making->index, d, making->result);
		else
			n += snprintf(o->hang, size, "in call %d: %s;", making->index, d);
	}
	if (n < size)
		n += proc_state(pid, o->hang + n, size - n);
	for (int i = 0; i < nt && n < size; i++)
		if (t[i].ppid == pid && t[i].state != 'Z')
			n += proc_state(t[i].pid, o->hang + n, size - n);
}

void run_child(void (*fn)(void *), void *arg, int limit_ms, const char *prefix, struct outcome *o)
{
	static char pend[1024];
	int plen = 0, quiet = !prefix;
	struct timespec nap = { 0, 1000000 };
	pid_t pid;

	memset(o, 0, sizeof(*o));
	o->status = -1;
	if (trace_console)
		limit_ms *= TRACE_SLOWER;
	if (making)
		making->index = -1;
	if ((pid = fork()) < 0)
		return;
	if (pid == 0) {
		dup2(trace_console ? 1 : report_wr, REPORT_FD);
		close(report_rd), close(report_wr);
		fn(arg);
		_exit(0);
	}
	uint64_t start = now_ms();
	for (int spins = 0;; spins++) {
		drain(o, prefix, quiet, pend, &plen);
		if (wait4(pid, &o->status, WNOHANG, 0) == pid)
			break;
		if (now_ms() - start > (uint64_t)limit_ms) {
			hang_info(pid, o);
			kill(pid, SIGKILL);               /* our own child, and only it */
			wait4(pid, &o->status, 0, 0);
			o->hung = 1;
			break;
		}
		if (spins < 8)
			sched_yield();                    /* most children end in their first slice */
		else
			nanosleep(&nap, 0);
	}
	drain(o, prefix, quiet, pend, &plen);
}

void snapshot(struct snapshot *s)
{
	struct trapdoor_stats t;

	memset(s, 0, sizeof(*s));
	if (trapdoor_stats(&t) == 0)
		*s = (struct snapshot){ t.free_frames, t.open_files, t.procs };
}

/* --- the scratch directory -------------------------------------------------------- */

/* Remove path and everything under it, modes put back. Mounts may stack
 * on path, and a mount with mounts inside it cannot go (-EBUSY) until they
 * have: so each layer's contents go first, then the layer, until nothing
 * is mounted on path and the directory itself can go. */
static void rm_tree(const char *path, int depth)
{
	char buf[1024], child[1024];
	struct stat st;

	for (int layer = 0; layer < 16; layer++) {
		while (umount2(path, 0) == 0)
			;
		if (lstat(path, &st) < 0)
			return;
		if (!S_ISDIR(st.st_mode)) {
			unlink(path);
			return;
		}
		chmod(path, 0700);
		/* Names shift as they go: read a fresh bufferful each round. */
		for (int round = 0; round < 64 && depth < 16; round++) {
			int fd = open(path, O_RDONLY | O_DIRECTORY), found = 0;
			long n;
			if (fd < 0)
				break;
			n = syscall(SYS_getdents64, fd, buf, sizeof(buf));
			close(fd);
			for (long off = 0; off < n;) {
				struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);
				off += d->d_reclen;
				if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
					continue;
				if (snprintf(child, sizeof(child), "%s/%s", path, d->d_name) >= (int)sizeof(child))
					continue;
				rm_tree(child, depth + 1);
				found++;
			}
			if (!found)
				break;
		}
		if (umount2(path, 0) < 0)
			break;                   /* no mount left here: the directory goes */
	}
	rmdir(path);
}

static mode_t mode_null, mode_zero;

int runner_init(void)
{
	struct stat st;
	int p[2];

	if (pipe2(p, O_NONBLOCK) < 0)
		return -1;
	report_rd = p[0], report_wr = p[1];
	making = mmap(0, sizeof(*making), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (making == MAP_FAILED)
		making = 0;
	mode_null = stat("/dev/null", &st) == 0 ? st.st_mode & 07777 : 0666;   /* as the kernel made them */
	mode_zero = stat("/dev/zero", &st) == 0 ? st.st_mode & 07777 : 0666;
	mkdir("/tmp", 0777);                      /* stays: only its scratch directory comes and goes */
	scratch_clean();
	return 0;
}

void scratch_clean(void)
{
	rm_tree(SCRATCH_DIR, 0);
	chmod("/dev/null", mode_null);            /* fchmod on a pool descriptor */
	chmod("/dev/zero", mode_zero);
}

/* --- a child with every check around it ------------------------------------------ */

static void say_ending(const char *label, const struct outcome *o)
{
	if (o->hung)
		say("# FAIL %s: the child hung (killed after its time limit): %s", label, o->hang);
	else if (WIFSIGNALED(o->status))
		say("# FAIL %s: the child was killed by signal %d", label, WTERMSIG(o->status));
	else
		say("# FAIL %s: the child ended with status 0x%x", label, o->status);
}

/* What a child left behind: a message, or NULL when nothing. */
static const char *left_behind(const struct snapshot *b, const struct snapshot *a, char *buf, int size)
{
	if (a->free_frames >= b->free_frames && a->open_files == b->open_files && a->procs == b->procs)
		return 0;
	snprintf(buf, size, "free frames %lu -> %lu, open files %lu -> %lu, processes %lu -> %lu",
		 b->free_frames, a->free_frames, b->open_files, a->open_files, b->procs, a->procs);
	return buf;
}

/* fn in a child between two snapshots, the scratch directory emptied after it. */
static void measured(void (*fn)(void *), void *arg, int limit_ms, const char *prefix,
		     struct outcome *o, struct snapshot *before, struct snapshot *after)
{
	snapshot(before);
	run_child(fn, arg, limit_ms, prefix, o);
	scratch_clean();
	if (concurrent) {
		*after = *before;                /* the counters are not ours: the driver checks */
		return;
	}
	snapshot(after);
	/* Processes the child left may still be ending (a grandchild the
	 * out-of-memory kill just hit, after a squeeze): give them 2 s to go
	 * before anything counts as left behind. */
	for (int i = 0; i < 200 && after->procs > before->procs; i++) {
		nanosleep(&(struct timespec){ 0, 10000000 }, 0);
		snapshot(after);
	}
}

int guarded(const char *label, void (*fn)(void *), void *arg, int limit_ms, int *trace,
	    struct outcome *o)
{
	struct snapshot before, after;
	struct outcome again;
	char what[200];
	const char *leak;
	int fails;

	measured(fn, arg, limit_ms, label, o, &before, &after);
	fails = o->failures;
	if (trace_console && !fails && WIFEXITED(o->status) && WEXITSTATUS(o->status) == 1)
		fails = o->failures = 1;             /* its lines went to the console */
	leak = left_behind(&before, &after, what, sizeof(what));
	/* The kernel's heap keeps the frames it has carved into small blocks,
	 * so a new high-water mark looks like a leak: once, or again while
	 * the calls' timing (processes ending meanwhile) reaches a new peak.
	 * The same calls again tell them apart: a leak takes frames every
	 * time, a high-water mark soon stops rising. */
	if (leak && after.open_files == before.open_files && after.procs == before.procs) {
		uint64_t fell = before.free_frames - after.free_frames;
		int was_console = trace_console, was_trace = trace ? *trace : 0;
		struct snapshot b2, a2;
		trace_console = 0;                   /* quietly, even under --trace */
		if (trace)
			*trace = 0;
		for (int k = 0; k < LEAK_RUNS; k++) {
			measured(fn, arg, limit_ms, 0, &again, &b2, &a2);
			leak = left_behind(&b2, &a2, what, sizeof(what));
			if (!leak || a2.open_files != b2.open_files || a2.procs != b2.procs)
				break;                       /* clean, or a leak of another kind */
			fell += b2.free_frames - a2.free_frames;
		}
		trace_console = was_console;
		if (trace)
			*trace = was_trace;
		if (!leak)
			ST.heap_growth += fell;
	}
	if (leak) {
		say("# FAIL %s: leak: %s", label, leak);
		ST.leaks++;
		fails++;
	}
	/* A child that took all memory may meet the kernel's out-of-memory
	 * kill on its next touch (a fork's copy-on-write, its stack): that is
	 * the answer Linux gives too, and the kernel has said so on the
	 * console. */
	if (o->squeezed && WIFSIGNALED(o->status) && WTERMSIG(o->status) == SIGKILL && !o->hung)
		ST.oom_kills++;
	else if (trace && (o->hung || !WIFEXITED(o->status) || WEXITSTATUS(o->status) > 1)) {
		say_ending(label, o);
		ST.deaths++;
		fails++;
		*trace = 1;                          /* the same calls again, naming each first */
		run_child(fn, arg, limit_ms, 0, &again);
		*trace = 0;
		scratch_clean();
		if (again.last[0])
			say("#   it was making: %s (run again: %s)", again.last,
			    again.hung || !WIFEXITED(again.status) || WEXITSTATUS(again.status) > 1 ?
			    "the same end" : "no such end this time");
	}
	return fails;
}
