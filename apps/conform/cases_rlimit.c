/*
 * cases_rlimit.c - resource limits: getrlimit, setrlimit and prlimit64 and
 * their errors, inheritance over fork and execve, and the limits the
 * kernel enforces: RLIMIT_AS and RLIMIT_DATA (mmap and brk say no, the
 * process lives on) and RLIMIT_NOFILE (-EMFILE).
 *
 * A case's two runs (int80, then syscall) share one process, and a hard
 * limit once lowered stays lowered, so whatever changes a limit happens in
 * a child. A child cannot add to the transcript: it checks with
 * CHILD_CHECK, which prints the failure and exits 1, and the case expects
 * exit status 0.
 */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "conform.h"

#define PAGE 4096L
#define INF RLIM_INFINITY
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define KERNEL_PTR 0xffffffff80000000L

#define CHILD_CHECK(P, cond) ((cond) ? (void)0 : child_fail(P, #cond, __LINE__))

static void child_fail(const struct path *P, const char *what, int line)
{
	printf("# FAIL [%s] (in a child) %s (cases_rlimit.c:%d)\n", P->name, what, line);
	fflush(stdout);
	CALL1(P, SYS_exit, 1);
}

/* getrlimit and setrlimit; -m32: by prlimit64, as libc32 does (i386's
 * own take 32-bit limits, and struct rlimit is 64-bit). */
static long getlim(const struct path *P, long resource, struct rlimit *l)
{
#ifdef __i386__
	return CALL4(P, SYS_prlimit64, 0, resource, 0, l);
#else
	return CALL2(P, SYS_getrlimit, resource, l);
#endif
}

static long setlim(const struct path *P, long resource, uint64_t cur, uint64_t max)
{
	struct rlimit l = { cur, max };

#ifdef __i386__
	return CALL4(P, SYS_prlimit64, 0, resource, &l, 0);
#else
	return CALL2(P, SYS_setrlimit, resource, &l);
#endif
}

static int lim_is(const struct path *P, long resource, uint64_t cur, uint64_t max)
{
	struct rlimit l;

	return getlim(P, resource, &l) == 0 && l.rlim_cur == cur && l.rlim_max == max;
}

static long map(const struct path *P, long addr, long pages, long prot, long flags)
{
	return P->call(SYS_mmap, addr, pages * PAGE, prot, flags, -1, 0);
}

/* Run fn in a child and expect it to exit 0; note its status. */
static void in_child(const struct path *P, struct transcript *t, const char *what,
		     void (*fn)(const struct path *P, void *arg), void *arg)
{
	int status = run_child(fn, P, arg);

	EXPECT(t, P, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	note(t, "%s: %#x; ", what, status);
}

/* Does one more page (mapped with prot) fit under a soft limit of `pages`
 * pages for resource? The page is unmapped again. */
static int one_more_fits(const struct path *P, long resource, long pages, long prot)
{
	struct rlimit old;
	long r;

	getlim(P, resource, &old);
	setlim(P, resource, (uint64_t)pages * PAGE, old.rlim_max);
	r = map(P, 0, 1, prot, ANON);
	setlim(P, resource, old.rlim_cur, old.rlim_max);
	if (MAPPED(r))
		CALL2(P, SYS_munmap, r, PAGE);
	return MAPPED(r);
}

long mapped_pages(const struct path *P, long resource)
{
	long prot = resource == RLIMIT_DATA ? RW : PROT_READ;   /* read-only pages are not data */
	long lo = 0, hi = 1L << 24;          /* under lo pages no page fits, under hi one does */

	/* One more page fits exactly when the limit is above what is mapped:
	 * bisect for the smallest such limit. Its hard limit must be infinite. */
	while (hi - lo > 1) {
		long mid = lo + (hi - lo) / 2;
		if (one_more_fits(P, resource, mid, prot))
			hi = mid;
		else
			lo = mid;
	}
	return hi - 1;
}

int case_rlimit_defaults(const struct path *P, struct transcript *t)
{
	/* Linux's for a normal process; NPROC and SIGPENDING are the process
	 * table, NOFILE the descriptor table (docs/abi.md). */
	static const struct rlimit want[RLIMIT_NLIMITS] = {
		[RLIMIT_CPU] = { INF, INF },       [RLIMIT_FSIZE] = { INF, INF },
		[RLIMIT_DATA] = { INF, INF },      [RLIMIT_STACK] = { 8 << 20, INF },
		[RLIMIT_CORE] = { 0, INF },        [RLIMIT_RSS] = { INF, INF },
		[RLIMIT_NPROC] = { 64, 64 },       [RLIMIT_NOFILE] = { 64, 64 },
		[RLIMIT_MEMLOCK] = { 8 << 20, 8 << 20 }, [RLIMIT_AS] = { INF, INF },
		[RLIMIT_LOCKS] = { INF, INF },     [RLIMIT_SIGPENDING] = { 64, 64 },
		[RLIMIT_MSGQUEUE] = { 819200, 819200 }, [RLIMIT_NICE] = { 0, 0 },
		[RLIMIT_RTPRIO] = { 0, 0 },        [RLIMIT_RTTIME] = { INF, INF },
	};

	for (int r = 0; r < RLIMIT_NLIMITS; r++) {
		struct rlimit a = { 1, 1 }, b = { 1, 1 }, c = { 1, 1 };
		EXPECT(t, P, getlim(P, r, &a) == 0);
		EXPECT(t, P, a.rlim_cur == want[r].rlim_cur && a.rlim_max == want[r].rlim_max);
		/* prlimit64 reads the same, for pid 0 and for our own pid. */
		EXPECT(t, P, CALL4(P, SYS_prlimit64, 0, r, 0, &b) == 0 && b.rlim_cur == a.rlim_cur && b.rlim_max == a.rlim_max);
		EXPECT(t, P, CALL4(P, SYS_prlimit64, CALL0(P, SYS_getpid), r, 0, &c) == 0 &&
			     c.rlim_cur == a.rlim_cur && c.rlim_max == a.rlim_max);
		note(t, "%d: %#lx %#lx; ", r, (unsigned long)a.rlim_cur, (unsigned long)a.rlim_max);
	}
	return 0;
}

static void set_get(const struct path *P, void *arg)
{
	struct rlimit x = { 4096, 8192 }, y;

	/* Lower both, read them back; the soft one moves freely below the hard. */
	CHILD_CHECK(P, setlim(P, RLIMIT_CORE, 1 << 20, 1 << 21) == 0 && lim_is(P, RLIMIT_CORE, 1 << 20, 1 << 21));
	CHILD_CHECK(P, setlim(P, RLIMIT_CORE, 1 << 21, 1 << 21) == 0 && lim_is(P, RLIMIT_CORE, 1 << 21, 1 << 21));
	CHILD_CHECK(P, setlim(P, RLIMIT_CORE, 0, 1 << 21) == 0 && lim_is(P, RLIMIT_CORE, 0, 1 << 21));
	/* A hard limit goes down, never up again (no CAP_SYS_RESOURCE here). */
	CHILD_CHECK(P, setlim(P, RLIMIT_CORE, 0, (1 << 21) + 1) == -EPERM);
	CHILD_CHECK(P, setlim(P, RLIMIT_CORE, 0, INF) == -EPERM);
	CHILD_CHECK(P, lim_is(P, RLIMIT_CORE, 0, 1 << 21));
	/* soft > hard is -EINVAL, even when both are below the old hard. */
	CHILD_CHECK(P, setlim(P, RLIMIT_CORE, 2, 1) == -EINVAL);
	CHILD_CHECK(P, setlim(P, RLIMIT_CORE, INF, 0) == -EINVAL);
	/* RLIMIT_NOFILE cannot pass the descriptor table (Linux's nr_open). */
	CHILD_CHECK(P, setlim(P, RLIMIT_NOFILE, 64, 65) == -EPERM);
	CHILD_CHECK(P, setlim(P, RLIMIT_NOFILE, 65, 64) == -EINVAL);
	CHILD_CHECK(P, setlim(P, RLIMIT_NOFILE, 10, 64) == 0 && lim_is(P, RLIMIT_NOFILE, 10, 64));
	/* The resource is an unsigned int: only the low 32 bits count. */
	CHILD_CHECK(P, getlim(P, (long)(1ULL << 32) | RLIMIT_NOFILE, &y) == 0 && y.rlim_cur == 10);
	CHILD_CHECK(P, getlim(P, (long)(1ULL << 32) | RLIMIT_NLIMITS, &y) == -EINVAL);
	/* prlimit64 with one buffer for both: the new limit is read first. */
	CHILD_CHECK(P, CALL4(P, SYS_prlimit64, 0, RLIMIT_CORE, &x, &x) == 0);
	CHILD_CHECK(P, x.rlim_cur == 0 && x.rlim_max == 1 << 21 && lim_is(P, RLIMIT_CORE, 4096, 8192));
	/* Both NULL: nothing to do, not an error. */
	CHILD_CHECK(P, CALL4(P, SYS_prlimit64, 0, RLIMIT_CORE, 0, 0) == 0);
	/* RLIM_INFINITY as a soft limit under an infinite hard one. */
	CHILD_CHECK(P, setlim(P, RLIMIT_FSIZE, INF, INF) == 0 && lim_is(P, RLIMIT_FSIZE, INF, INF));
}

int case_rlimit_set_get(const struct path *P, struct transcript *t)
{
	in_child(P, t, "set and get", set_get, 0);
	return 0;
}

#ifdef __x86_64__
static void bad_old(const struct path *P, void *arg)
{
	struct rlimit n = { 100, 200 };

	/* A bad old pointer fails the call only after the new limit took. */
	CHILD_CHECK(P, CALL4(P, SYS_prlimit64, 0, RLIMIT_CORE, &n, KERNEL_PTR) == -EFAULT);
	CHILD_CHECK(P, lim_is(P, RLIMIT_CORE, 100, 200));
}

int case_rlimit_errors(const struct path *P, struct transcript *t)
{
	struct rlimit l = { 0, 0 };
	long r[] = {
		CALL2(P, SYS_getrlimit, RLIMIT_NLIMITS, &l),             /* no such resource */
		CALL2(P, SYS_getrlimit, -1, &l),
		CALL2(P, SYS_getrlimit, RLIMIT_NLIMITS, 0),              /* the resource first */
		CALL2(P, SYS_getrlimit, RLIMIT_CORE, 0),
		CALL2(P, SYS_getrlimit, RLIMIT_CORE, KERNEL_PTR),
		CALL2(P, SYS_getrlimit, RLIMIT_CORE, 0x0000800000000000L),
		CALL2(P, SYS_setrlimit, RLIMIT_CORE, 0),
		CALL2(P, SYS_setrlimit, RLIMIT_NLIMITS, 0),              /* the pointer first */
		CALL2(P, SYS_setrlimit, RLIMIT_NLIMITS, &l),
		CALL4(P, SYS_prlimit64, 0, RLIMIT_NLIMITS, 0, &l),
		CALL4(P, SYS_prlimit64, 0, RLIMIT_CORE, KERNEL_PTR, 0),
		CALL4(P, SYS_prlimit64, 0, RLIMIT_CORE, 0, KERNEL_PTR),
		CALL4(P, SYS_prlimit64, 999999, RLIMIT_CORE, 0, &l),     /* no such process */
		CALL4(P, SYS_prlimit64, -1, RLIMIT_CORE, 0, &l),
		CALL4(P, SYS_prlimit64, 999999, RLIMIT_NLIMITS, 0, &l),  /* the process first */
		CALL4(P, SYS_prlimit64, 999999, RLIMIT_CORE, KERNEL_PTR, 0),  /* the new limit before that */
		CALL4(P, SYS_prlimit64, (long)(1ULL << 32), RLIMIT_CORE, 0, &l), /* pid_t: 0, the caller */
	};
	long want[] = { -EINVAL, -EINVAL, -EINVAL, -EFAULT, -EFAULT, -EFAULT, -EFAULT, -EFAULT, -EINVAL,
			-EINVAL, -EFAULT, -EFAULT, -ESRCH, -ESRCH, -ESRCH, -EFAULT, 0 };

	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == want[i]);
		note(t, "%ld ", r[i]);
	}
	/* Nothing above changed a limit. */
	EXPECT(t, P, lim_is(P, RLIMIT_CORE, 0, INF));
	in_child(P, t, "bad old pointer", bad_old, 0);
	return 0;
}
#endif

/* Wait for a byte on fd, then expect RLIMIT_NOFILE {10, 10}: what the
 * parent set with prlimit64 meanwhile. */
static void wait_then_check(const struct path *P, void *arg)
{
	char c;

	CHILD_CHECK(P, CALL3(P, SYS_read, (long)arg, &c, 1) == 1);
	CHILD_CHECK(P, lim_is(P, RLIMIT_NOFILE, 10, 10));
}

int case_rlimit_other_process(const struct path *P, struct transcript *t)
{
	int fds[2], status = -1;
	struct rlimit ten = { 10, 10 }, old = { 0, 0 }, got = { 0, 0 }, up = { 10, 64 };
	long pid;

	EXPECT(t, P, CALL1(P, SYS_pipe, fds) == 0);
	fflush(stdout);
	if ((pid = CALL0(P, SYS_fork)) == 0) {
		wait_then_check(P, (void *)(long)fds[0]);
		CALL1(P, SYS_exit, 0);
	}
	EXPECT(t, P, CALL4(P, SYS_prlimit64, pid, RLIMIT_NOFILE, &ten, &old) == 0);
	EXPECT(t, P, old.rlim_cur == 64 && old.rlim_max == 64);
	EXPECT(t, P, CALL4(P, SYS_prlimit64, pid, RLIMIT_NOFILE, 0, &got) == 0 && got.rlim_cur == 10 && got.rlim_max == 10);
	EXPECT(t, P, CALL4(P, SYS_prlimit64, pid, RLIMIT_NOFILE, &up, 0) == -EPERM);   /* its hard limit is 10 now */
	EXPECT(t, P, lim_is(P, RLIMIT_NOFILE, 64, 64));                                 /* ours is as it was */
	CALL3(P, SYS_write, fds[1], "x", 1);
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, &status, 0, 0) == pid);
	EXPECT(t, P, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* Reaped: no such process any more. */
	EXPECT(t, P, CALL4(P, SYS_prlimit64, pid, RLIMIT_NOFILE, 0, &got) == -ESRCH);
	CALL1(P, SYS_close, fds[0]);
	CALL1(P, SYS_close, fds[1]);
	note(t, "status %#x", status);
	return 0;
}

static void check_inherited(const struct path *P, void *arg)
{
	CHILD_CHECK(P, lim_is(P, RLIMIT_CORE, 4096, 8192));
	CHILD_CHECK(P, lim_is(P, RLIMIT_NOFILE, 20, 30));
	CHILD_CHECK(P, lim_is(P, RLIMIT_STACK, 1 << 20, 1 << 21));
	CHILD_CHECK(P, lim_is(P, RLIMIT_AS, 1L << 30, INF));
}

/* Set four limits, then look at them from a forked child and from the
 * program execve starts (conform --limit-is checks them there). */
static void set_fork_exec(const struct path *P, void *arg)
{
	char *argv[] = { CONFORM_BIN, "--limit-is", "4", "4096", "8192", "7", "20", "30",
			 "3", "1048576", "2097152", "9", "1073741824", "-1", 0 };

	CHILD_CHECK(P, setlim(P, RLIMIT_CORE, 4096, 8192) == 0);
	CHILD_CHECK(P, setlim(P, RLIMIT_NOFILE, 20, 30) == 0);
	CHILD_CHECK(P, setlim(P, RLIMIT_STACK, 1 << 20, 1 << 21) == 0);
	CHILD_CHECK(P, setlim(P, RLIMIT_AS, 1L << 30, INF) == 0);
	int status = run_child(check_inherited, P, 0);
	CHILD_CHECK(P, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CALL3(P, SYS_execve, CONFORM_BIN, argv, 0);
	child_fail(P, "execve", __LINE__);
}

int case_rlimit_inherit(const struct path *P, struct transcript *t)
{
	in_child(P, t, "over fork and execve", set_fork_exec, 0);
	return 0;
}

#ifdef __x86_64__
static void exit_at_once(const struct path *P, void *arg) { }

/* RLIMIT_AS: room for 16 pages, then mmap, brk and execve say no, and the
 * process goes on. The 16 pages go at a fixed place with nothing around,
 * so a MAP_FIXED past them replaces nothing of ours. */
static void as_limit(const struct path *P, void *arg)
{
	const long at = 0x310000000000L;
	long used = mapped_pages(P, RLIMIT_AS), brk0 = CALL1(P, SYS_brk, 0);
	long heap = (brk0 + PAGE - 1) & ~(PAGE - 1);    /* where new heap pages start */
	char *argv[] = { CONFORM_BIN, "--entry", 0 };

	CHILD_CHECK(P, used > 0);
	CHILD_CHECK(P, setlim(P, RLIMIT_AS, (used + 16) * PAGE, INF) == 0);
	char *a = (char *)map(P, at, 16, RW, ANON | MAP_FIXED_NOREPLACE);
	CHILD_CHECK(P, (long)a == at);
	a[15 * PAGE] = 'm';
	CHILD_CHECK(P, map(P, 0, 1, PROT_READ, ANON) == -ENOMEM);    /* read-only pages count too */
	CHILD_CHECK(P, CALL1(P, SYS_brk, heap + PAGE) == brk0);      /* brk: the old break */
	CHILD_CHECK(P, CALL1(P, SYS_brk, 0) == brk0);
	/* MAP_FIXED over pages already there costs nothing more... */
	CHILD_CHECK(P, map(P, (long)a, 2, RW, ANON | MAP_FIXED) == (long)a);
	/* ... but one past them does, and the pages it would replace stay. */
	CHILD_CHECK(P, map(P, (long)a + 15 * PAGE, 2, RW, ANON | MAP_FIXED) == -ENOMEM);
	CHILD_CHECK(P, a[15 * PAGE] == 'm');
	/* fork copies a process at its limit: RLIMIT_AS is not asked. */
	int status = run_child(exit_at_once, P, 0);
	CHILD_CHECK(P, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* What munmap gives back can be taken again, by mmap or brk. */
	CHILD_CHECK(P, CALL2(P, SYS_munmap, a, 4 * PAGE) == 0);
	CHILD_CHECK(P, map(P, 0, 5, PROT_READ, ANON) == -ENOMEM);
	long b = map(P, 0, 4, PROT_READ, ANON);
	CHILD_CHECK(P, b > 0);
	CHILD_CHECK(P, CALL2(P, SYS_munmap, b, 4 * PAGE) == 0);
	CHILD_CHECK(P, CALL1(P, SYS_brk, heap + 4 * PAGE) == heap + 4 * PAGE);
	((volatile char *)heap)[4 * PAGE - 1] = 1;
	CHILD_CHECK(P, CALL1(P, SYS_brk, heap + 5 * PAGE) == heap + 4 * PAGE);
	CHILD_CHECK(P, CALL1(P, SYS_brk, heap) == heap);                 /* shrinking is always fine */
	/* An image that does not fit: execve fails, and we are still here. */
	CHILD_CHECK(P, setlim(P, RLIMIT_AS, 16 * PAGE, INF) == 0);
	CHILD_CHECK(P, CALL3(P, SYS_execve, CONFORM_BIN, argv, 0) == -ENOMEM);
	CHILD_CHECK(P, map(P, 0, 1, PROT_READ, ANON) == -ENOMEM);
	/* A raised soft limit lets it all through again. */
	CHILD_CHECK(P, setlim(P, RLIMIT_AS, INF, INF) == 0);
	CHILD_CHECK(P, MAPPED(map(P, 0, 64, RW, ANON)));
}

int case_rlimit_as(const struct path *P, struct transcript *t)
{
	in_child(P, t, "RLIMIT_AS", as_limit, 0);
	return 0;
}
#endif

/* RLIMIT_DATA: private writable mappings and the heap count; read-only
 * mappings do not. */
static void data_limit(const struct path *P, void *arg)
{
	long data = mapped_pages(P, RLIMIT_DATA), brk0 = CALL1(P, SYS_brk, 0);
	long heap = (brk0 + PAGE - 1) & ~(PAGE - 1);

	CHILD_CHECK(P, data > 0);
	CHILD_CHECK(P, setlim(P, RLIMIT_DATA, (data + 4) * PAGE, INF) == 0);
	long a = map(P, 0, 4, RW, ANON);
	CHILD_CHECK(P, MAPPED(a));
	CHILD_CHECK(P, map(P, 0, 1, RW, ANON) == -ENOMEM);
	CHILD_CHECK(P, map(P, 0, 1, PROT_WRITE, ANON) == -ENOMEM);
	long ro = map(P, 0, 8, PROT_READ, ANON);                      /* not data */
	CHILD_CHECK(P, MAPPED(ro));
	CHILD_CHECK(P, CALL1(P, SYS_brk, heap + PAGE) == brk0);
	CHILD_CHECK(P, CALL2(P, SYS_munmap, a, 2 * PAGE) == 0);
	CHILD_CHECK(P, CALL1(P, SYS_brk, heap + 2 * PAGE) == heap + 2 * PAGE);
	CHILD_CHECK(P, CALL1(P, SYS_brk, heap + 3 * PAGE) == heap + 2 * PAGE);
	CHILD_CHECK(P, CALL1(P, SYS_brk, heap) == heap);
	CHILD_CHECK(P, CALL2(P, SYS_munmap, a + 2 * PAGE, 2 * PAGE) == 0);
	/* Linux's exception for Valgrind: a soft limit of 0 lets the hard one decide. */
	CHILD_CHECK(P, setlim(P, RLIMIT_DATA, 0, (data + 2) * PAGE) == 0);
	CHILD_CHECK(P, MAPPED(map(P, 0, 2, RW, ANON)));
	CHILD_CHECK(P, map(P, 0, 1, RW, ANON) == -ENOMEM);
	CHILD_CHECK(P, MAPPED(map(P, 0, 1, PROT_READ, ANON)));
}

int case_rlimit_data(const struct path *P, struct transcript *t)
{
	in_child(P, t, "RLIMIT_DATA", data_limit, 0);
	return 0;
}

#ifdef __x86_64__
/* The counts the limits judge stay exact: each step changes them by just
 * what it mapped or unmapped. */
struct usage { long pages, data; };

static struct usage usage_now(const struct path *P)
{
	return (struct usage){ mapped_pages(P, RLIMIT_AS), mapped_pages(P, RLIMIT_DATA) };
}

#define CHILD_DELTA(P, u0, dp, dd) do {                                     \
		struct usage u_ = usage_now(P);                             \
		CHILD_CHECK(P, u_.pages - (u0).pages == (dp) && u_.data - (u0).data == (dd)); \
	} while (0)

static void same_usage(const struct path *P, void *arg)
{
	struct usage *want = arg, u = usage_now(P);

	CHILD_CHECK(P, u.pages == want->pages && u.data == want->data);
}

/* Exec conform --vm-pages, which exits with its page count (mod 256),
 * after mapping `arg` pages here: they must not count there. (A failed
 * execve exits with a status of its own for each arg.) */
static void exec_after_mapping(const struct path *P, void *arg)
{
	char *argv[] = { CONFORM_BIN, "--vm-pages", 0 };

	if ((long)arg)
		CHILD_CHECK(P, MAPPED(map(P, 0, (long)arg, RW, ANON)));
	CALL3(P, SYS_execve, CONFORM_BIN, argv, 0);
	CALL1(P, SYS_exit, 200 + (long)arg);
}

static void vm_exact(const struct path *P, void *arg)
{
	const long at = 0x300000000000L;
	struct usage u0 = usage_now(P);
	long brk0 = CALL1(P, SYS_brk, 0), heap = (brk0 + PAGE - 1) & ~(PAGE - 1);

	CHILD_CHECK(P, map(P, at, 10, RW, ANON | MAP_FIXED_NOREPLACE) == at);
	CHILD_DELTA(P, u0, 10, 10);
	CHILD_CHECK(P, map(P, at + 20 * PAGE, 3, PROT_READ, ANON | MAP_FIXED_NOREPLACE) == at + 20 * PAGE);
	CHILD_DELTA(P, u0, 13, 10);
	CHILD_CHECK(P, CALL2(P, SYS_munmap, at + 3 * PAGE, 4 * PAGE) == 0);
	CHILD_DELTA(P, u0, 9, 6);
	CHILD_CHECK(P, CALL2(P, SYS_munmap, at + 3 * PAGE, 4 * PAGE) == 0);    /* nothing there now */
	CHILD_DELTA(P, u0, 9, 6);
	/* Writable over two read-only pages and two empty ones. */
	CHILD_CHECK(P, map(P, at + 21 * PAGE, 4, RW, ANON | MAP_FIXED) == at + 21 * PAGE);
	CHILD_DELTA(P, u0, 11, 10);
	/* Read-only over writable ones. */
	CHILD_CHECK(P, map(P, at + 8 * PAGE, 2, PROT_READ, ANON | MAP_FIXED) == at + 8 * PAGE);
	CHILD_DELTA(P, u0, 11, 8);
	CHILD_CHECK(P, CALL1(P, SYS_brk, heap + 3 * PAGE) == heap + 3 * PAGE);
	CHILD_DELTA(P, u0, 14, 11);
	CHILD_CHECK(P, CALL1(P, SYS_brk, heap + PAGE) == heap + PAGE);
	CHILD_DELTA(P, u0, 12, 9);
	/* A forked copy maps exactly as much. */
	struct usage now = usage_now(P);
	int status = run_child(same_usage, P, &now);
	CHILD_CHECK(P, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHILD_CHECK(P, CALL2(P, SYS_munmap, at, 30 * PAGE) == 0);
	CHILD_CHECK(P, CALL1(P, SYS_brk, brk0) == brk0);
	CHILD_DELTA(P, u0, 0, 0);
	/* A new program starts from its own count, whatever the old one mapped. */
	int s0 = run_child(exec_after_mapping, P, 0), s1 = run_child(exec_after_mapping, P, (void *)37L);
	CHILD_CHECK(P, WIFEXITED(s0) && s0 == s1);
}

int case_rlimit_vm_exact(const struct path *P, struct transcript *t)
{
	in_child(P, t, "counts", vm_exact, 0);
	return 0;
}
#endif

/* RLIMIT_NOFILE: new descriptors stay below it; ones above stay open. */
static void nofile_limit(const struct path *P, void *arg)
{
	int fds[2];
	long fd = -1, high = CALL2(P, SYS_dup2, 0, 40);

	CHILD_CHECK(P, high == 40);
	CHILD_CHECK(P, setlim(P, RLIMIT_NOFILE, 8, 64) == 0);
	for (int i = 0; i < 8 && (fd = CALL3(P, SYS_open, "/dev/null", 0, 0)) >= 0; i++)
		CHILD_CHECK(P, fd < 8);
	CHILD_CHECK(P, fd == -EMFILE);
	CHILD_CHECK(P, CALL1(P, SYS_dup, 0) == -EMFILE);
	CHILD_CHECK(P, CALL1(P, SYS_pipe, fds) == -EMFILE);
	CHILD_CHECK(P, CALL2(P, SYS_dup2, 0, 8) == -EBADF);
	CHILD_CHECK(P, CALL2(P, SYS_dup2, 0, 63) == -EBADF);
	/* The one above the limit still works, and dup2 onto itself is fine. */
	CHILD_CHECK(P, CALL3(P, SYS_write, high, "", 0) == 0);
	CHILD_CHECK(P, CALL2(P, SYS_dup2, high, high) == high);
	CHILD_CHECK(P, CALL1(P, SYS_dup, high) == -EMFILE);
	/* One slot free below the limit: a pipe needs two, and takes none. */
	CHILD_CHECK(P, CALL1(P, SYS_close, 7) == 0);
	CHILD_CHECK(P, CALL1(P, SYS_pipe, fds) == -EMFILE);
	CHILD_CHECK(P, CALL2(P, SYS_dup2, 0, 7) == 7);
	CHILD_CHECK(P, setlim(P, RLIMIT_NOFILE, 0, 64) == 0);
	CHILD_CHECK(P, CALL3(P, SYS_open, "/dev/null", 0, 0) == -EMFILE);
	/* Raised again, the next descriptor is the lowest free one. */
	CHILD_CHECK(P, setlim(P, RLIMIT_NOFILE, 64, 64) == 0);
	CHILD_CHECK(P, CALL3(P, SYS_open, "/dev/null", 0, 0) == 8);
}

int case_rlimit_nofile(const struct path *P, struct transcript *t)
{
	in_child(P, t, "RLIMIT_NOFILE", nofile_limit, 0);
	return 0;
}
