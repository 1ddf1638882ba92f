/*
 * grow.h - the cases whose cost grows with the process (issue 16, "cost as
 * work grows"). At each resident size of grow_sizes[] trapbench first maps
 * a ballast of that size (MAP_PRIVATE|MAP_ANONYMOUS) and writes every page
 * of it, then times, each record with "rss_kib" (the ballast's nominal
 * size; trapbench's own few pages come on top):
 *
 *   fork_exit   fork(), the child _exit(0)s at once, the parent's wait4():
 *               the whole round trip in one window;
 *   fork_exec   the same, the child execve()s OS_EXIT0 (apps/exit0: three
 *               instructions, no libc) instead of _exit;
 *   page_fault  the first write to a fresh anonymous page: FAULT_BATCH pages
 *               mapped outside the window, each write timed alone;
 *   cow_fault   after fork, the parent's first write to a ballast page the
 *               child (blocked on a pipe) still shares: a fork per batch;
 *   mmap_1g     mmap of 1 GiB (MAP_NORESERVE: Linux's heuristic overcommit
 *               refuses 1 GiB on a 512 MiB guest without it) and its
 *               munmap, never touched, in one window;
 *   mmap_4k     the same for one page: the reference mmap_1g is held to.
 *
 * Their path is "syscall": these are not per-path cases, and every call
 * in them goes through libc, whose way in is the syscall instruction on
 * both kernels (the faults enter by the page-fault exception whatever the
 * path). Slow cases take fewer samples (grow_sizes[], the *_SAMPLES
 * below). A case that cannot run here (no exit0, a refused mmap) prints
 * one "trapbench: ..." line and no record.
 */
#ifndef TRAPBENCH_GROW_H
#define TRAPBENCH_GROW_H

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>

#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0x4000     /* Linux's value; trapdoor reserves nothing anyway */
#endif

#define GROW_PATH "syscall"
#define GROW_PAGE 4096UL
#define GROW_1G (1UL << 30)
#define FAULT_BATCH 256          /* fresh pages per mmap (page_fault), pages per fork (cow_fault) */
#define FAULT_SAMPLES 512        /* page_fault: two batches */
#define COW_SAMPLES 256          /* cow_fault: one fork at 1 MiB and more, 16 at 64 KiB */
#define MMAP_SAMPLES 32          /* mmap_1g, mmap_4k */

/* The resident sizes, and the samples of fork_exit and fork_exec at each:
 * fewer as the size grows. Today's trapdoor copies the whole process per
 * fork, 146 million instructions at 64 MiB, so those rounds are the
 * slowest of the run under icount, where three samples give the same
 * median as thirty (docs/benchmarks.md has the run time). */
static const struct grow_size {
	long kib;
	int forks;
} grow_sizes[] = {
	{ 64, 32 }, { 1024, 16 }, { 16384, 5 }, { 65536, 3 },
};

static void *grow_map(size_t len, int flags)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	os_small_pages(p, len);
	return p;
}

/* One fork round trip; the child execs OS_EXIT0 when exec is set. Its
 * ticks, or 0 when the child did not exit with status 0. */
static uint64_t fork_round(int exec)
{
	char *argv[] = { OS_EXIT0, NULL }, *envp[] = { NULL };
	int status = -1;

	uint64_t t0 = tsc_begin();
	pid_t pid = fork();
	if (pid == 0) {
		if (exec)
			execve(OS_EXIT0, argv, envp);
		_exit(exec ? 127 : 0);
	}
	pid_t got = pid > 0 ? wait4(pid, &status, 0, NULL) : -1;
	uint64_t t = tsc_end() - t0;
	return pid > 0 && got == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? t : 0;
}

/* fork_exit or fork_exec: n timed rounds into s[] (no warm-up round: at
 * 64 MiB one costs as much as a sample). 0 when a round failed. */
static int time_forks(int exec, uint64_t *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!(s[i] = fork_round(exec)))
			return 0;
	return n;
}

/* page_fault: n first writes, FAULT_BATCH fresh pages per mapping. */
static int time_page_faults(uint64_t *s, int n)
{
	int done = 0;

	while (done < n) {
		volatile char *p = grow_map(FAULT_BATCH * GROW_PAGE, 0);
		if (!p)
			return 0;
		for (unsigned long i = 0; i < FAULT_BATCH && done < n; i++) {
			uint64_t t0 = tsc_begin();
			p[i * GROW_PAGE] = 1;
			s[done++] = tsc_end() - t0;
		}
		munmap((void *)p, FAULT_BATCH * GROW_PAGE);
	}
	return done;
}

/* cow_fault: fork, then write to pages of the ballast (len bytes, every
 * page touched) while the child, blocked reading a pipe, shares them; a
 * batch is up to FAULT_BATCH pages spread over the ballast, then the pipe
 * closes, the child exits and a new fork shares every page again. */
static int time_cow_faults(volatile char *ballast, size_t len, uint64_t *s, int n)
{
	unsigned long pages = len / GROW_PAGE;
	unsigned long batch = pages < FAULT_BATCH ? pages : FAULT_BATCH, stride = pages / batch;
	int done = 0;

	while (done < n) {
		int go[2], status;
		char c;

		if (pipe(go) < 0)
			return 0;
		pid_t pid = fork();
		if (pid == 0) {
			close(go[1]);
			while (read(go[0], &c, 1) > 0)
				;
			_exit(0);
		}
		close(go[0]);
		if (pid < 0) {
			close(go[1]);
			return 0;
		}
		for (unsigned long i = 0; i < batch && done < n; i++) {
			uint64_t t0 = tsc_begin();
			ballast[i * stride * GROW_PAGE] = 2;
			s[done++] = tsc_end() - t0;
		}
		close(go[1]);
		if (wait4(pid, &status, 0, NULL) != pid)
			return 0;
	}
	return done;
}

/* mmap_1g, mmap_4k: map len bytes untouched and unmap them, n times. */
static int time_mmaps(size_t len, uint64_t *s, int n)
{
	for (int i = -1; i < n; i++) {           /* round -1: untimed, checks the call works */
		uint64_t t0 = tsc_begin();
		void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		int ok = p != MAP_FAILED && munmap(p, len) == 0;
		uint64_t t = tsc_end() - t0;
		if (!ok)
			return 0;
		if (i >= 0)
			s[i] = t;
	}
	return n;
}

/* The cases in the order they run: each fills samples[] and returns how
 * many it took (0 when it failed, errno saying why). The ballast of len
 * bytes and the fork rounds for its size come with every call. */
static int grow_fork_exit(volatile char *b, size_t len, int forks) { (void)b; (void)len; return time_forks(0, samples, forks); }
static int grow_fork_exec(volatile char *b, size_t len, int forks) { (void)b; (void)len; return time_forks(1, samples, forks); }
static int grow_page_fault(volatile char *b, size_t len, int forks) { (void)b; (void)len; (void)forks; return time_page_faults(samples, FAULT_SAMPLES); }
static int grow_cow_fault(volatile char *b, size_t len, int forks) { (void)forks; return time_cow_faults(b, len, samples, COW_SAMPLES); }
static int grow_mmap_1g(volatile char *b, size_t len, int forks) { (void)b; (void)len; (void)forks; return time_mmaps(GROW_1G, samples, MMAP_SAMPLES); }
static int grow_mmap_4k(volatile char *b, size_t len, int forks) { (void)b; (void)len; (void)forks; return time_mmaps(GROW_PAGE, samples, MMAP_SAMPLES); }

static const struct grow_case {
	const char *call;
	int (*time)(volatile char *ballast, size_t len, int forks);
} grow_cases[] = {
	{ "fork_exit", grow_fork_exit },
	{ "fork_exec", grow_fork_exec },
	{ "page_fault", grow_page_fault },
	{ "cow_fault", grow_cow_fault },
	{ "mmap_1g", grow_mmap_1g },
	{ "mmap_4k", grow_mmap_4k },
};

/* Report a case, or say once why it cannot run here (err: the errno of the
 * failure). */
static void grow_report(const char *call, long kib, int n, int err)
{
	static char said[sizeof(grow_cases) / sizeof(grow_cases[0])][16];
	static unsigned nsaid;

	if (n > 0) {
		report(GROW_PATH, call, kib, samples, n);
		return;
	}
	for (unsigned i = 0; i < nsaid; i++)
		if (!strcmp(said[i], call))
			return;
	if (nsaid < sizeof(said) / sizeof(said[0]))
		snprintf(said[nsaid++], sizeof(said[0]), "%s", call);
	printf("trapbench: %s fails here (at %ld KiB: %s): no record\n", call, kib,
	       err ? strerror(err) : "a child did not exit with status 0; fork_exec needs " OS_EXIT0);
}

/* Every case at every size of grow_sizes[]. */
static void run_grow(void)
{
	for (unsigned i = 0; i < sizeof(grow_sizes) / sizeof(grow_sizes[0]); i++) {
		long kib = grow_sizes[i].kib;
		size_t len = (size_t)kib * 1024;
		volatile char *ballast = grow_map(len, 0);

		if (!ballast) {
			printf("trapbench: cannot map a %ld KiB ballast (%s): no records at that size\n", kib, strerror(errno));
			continue;
		}
		for (size_t off = 0; off < len; off += GROW_PAGE)
			ballast[off] = 1;
		for (unsigned c = 0; c < sizeof(grow_cases) / sizeof(grow_cases[0]); c++) {
			errno = 0;
			int n = grow_cases[c].time(ballast, len, grow_sizes[i].forks);
			grow_report(grow_cases[c].call, kib, n, errno);
		}
		munmap((void *)ballast, len);
	}
}

#endif
