/*
 * cases_procs.c - the process, credential and misc calls static Linux
 * programs make (issue 13): ids, thread calls, the robust list, CPU time,
 * sysinfo, prctl's name, CPU affinity and getrandom, each with its errors.
 */
#include <api/prctl.h>
#include <api/random.h>
#include <api/usage.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conform.h"

#define ROBUST_LEN (long)(3 * sizeof(long))   /* struct robust_list_head: 24 bytes, 12 under -m32 */

#define NOPID 99999                      /* no process has it */
#define KEEP  0xffffffffL                /* (uid_t)-1: "leave it" */

int case_creds_root(const struct path *P, struct transcript *t)
{
	unsigned ids[3] = { 7, 7, 7 };
	unsigned groups[4] = { 7, 7, 7, 7 };

	EXPECT(t, P, CALL0(P, SYS_getuid) == 0 && CALL0(P, SYS_geteuid) == 0);
	EXPECT(t, P, CALL0(P, SYS_getgid) == 0 && CALL0(P, SYS_getegid) == 0);
	EXPECT(t, P, CALL3(P, SYS_getresuid, &ids[0], &ids[1], &ids[2]) == 0);
	EXPECT(t, P, ids[0] == 0 && ids[1] == 0 && ids[2] == 0);
	ids[0] = ids[1] = ids[2] = 7;
	EXPECT(t, P, CALL3(P, SYS_getresgid, &ids[0], &ids[1], &ids[2]) == 0);
	EXPECT(t, P, ids[0] == 0 && ids[1] == 0 && ids[2] == 0);
	/* No supplementary groups: the count is 0, and nothing is written. */
	EXPECT(t, P, CALL2(P, SYS_getgroups, 0, 0) == 0);
	EXPECT(t, P, CALL2(P, SYS_getgroups, 4, groups) == 0 && groups[0] == 7);
	EXPECT(t, P, CALL2(P, SYS_getgroups, -1, groups) == -EINVAL);
	/* libc's wrappers agree. */
	EXPECT(t, P, getuid() == 0 && geteuid() == 0 && getgid() == 0 && getegid() == 0);
	note(t, "root");
	return 0;
}

int case_creds_set(const struct path *P, struct transcript *t)
{
	/* Root may set 0; no other id exists here: -EINVAL (docs/abi.md). */
	long r[] = {
		CALL1(P, SYS_setuid, 0), CALL1(P, SYS_setgid, 0),
		CALL1(P, SYS_setuid, 1000), CALL1(P, SYS_setgid, 1000),
		CALL1(P, SYS_setuid, KEEP), CALL1(P, SYS_setgid, KEEP),
		CALL1(P, SYS_setuid, (long)(1ULL << 32)),     /* uid_t: the low 32 bits, 0 */
		CALL2(P, SYS_setreuid, KEEP, KEEP), CALL2(P, SYS_setreuid, 0, KEEP),
		CALL2(P, SYS_setreuid, 0, 0), CALL2(P, SYS_setreuid, 1, 0),
		CALL2(P, SYS_setregid, KEEP, 0), CALL2(P, SYS_setregid, 0, 5),
		CALL3(P, SYS_setresuid, KEEP, 0, KEEP), CALL3(P, SYS_setresuid, 0, 0, 0),
		CALL3(P, SYS_setresuid, 0, 0, 5), CALL3(P, SYS_setresgid, KEEP, KEEP, KEEP),
		CALL3(P, SYS_setresgid, 65534, KEEP, KEEP),
	};
	static const long want[] = {
		0, 0, -EINVAL, -EINVAL, -EINVAL, -EINVAL, 0,
		0, 0, 0, -EINVAL, 0, -EINVAL, 0, 0, -EINVAL, 0, -EINVAL,
	};

	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == want[i]);
		note(t, "%ld ", r[i]);
	}
	EXPECT(t, P, CALL0(P, SYS_getuid) == 0);         /* still root */
	return 0;
}

int case_gettid_tkill(const struct path *P, struct transcript *t)
{
	long me = CALL0(P, SYS_gettid);

	EXPECT(t, P, me == CALL0(P, SYS_getpid) && me == gettid());
	long r[] = {
		CALL2(P, SYS_tkill, me, 0), CALL2(P, SYS_tkill, 0, 0), CALL2(P, SYS_tkill, -1, SIGUSR1),
		CALL2(P, SYS_tkill, NOPID, 0), CALL2(P, SYS_tkill, NOPID, 65),   /* nobody: -ESRCH first */
		CALL2(P, SYS_tkill, me, 65), CALL2(P, SYS_tkill, me, -1),
		CALL3(P, SYS_tgkill, me, me, 0), CALL3(P, SYS_tgkill, 0, me, 0), CALL3(P, SYS_tgkill, me, 0, 0),
		CALL3(P, SYS_tgkill, -5, me, 0), CALL3(P, SYS_tgkill, suite_pid, me, 0),  /* not its group */
		CALL3(P, SYS_tgkill, me, me, 65), CALL3(P, SYS_tgkill, NOPID, NOPID, 1),
		CALL3(P, SYS_tgkill, suite_pid, suite_pid, 0),
	};
	static const long want[] = {
		0, -EINVAL, -EINVAL, -ESRCH, -ESRCH, -EINVAL, -EINVAL,
		0, -EINVAL, -EINVAL, -EINVAL, -ESRCH, -EINVAL, -ESRCH, 0,
	};

	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == want[i]);
		note(t, "%ld ", r[i]);
	}
	return 0;
}

static volatile int tkill_code, tkill_pid, tkill_hits;
static void tkill_handler(int sig, siginfo_t *info, void *uc)
{
	tkill_hits++;
	tkill_code = info->si_code, tkill_pid = info->si_pid;
}

int case_tkill_delivers(const struct path *P, struct transcript *t)
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO };
	long me = CALL0(P, SYS_gettid);

	sa.sa_sigaction = tkill_handler;
	tkill_hits = 0;                              /* both paths run in one process */
	EXPECT(t, P, sigaction(SIGUSR1, &sa, 0) == 0);
	EXPECT(t, P, CALL2(P, SYS_tkill, me, SIGUSR1) == 0);
	EXPECT(t, P, tkill_hits == 1 && tkill_code == SI_TKILL && tkill_pid == me);
	EXPECT(t, P, CALL3(P, SYS_tgkill, me, me, SIGUSR1) == 0);
	EXPECT(t, P, tkill_hits == 2 && tkill_code == SI_TKILL);
	EXPECT(t, P, tgkill(me, me, SIGUSR1) == 0 && tkill_hits == 3);
	note(t, "hits %d code %d", tkill_hits, tkill_code);
	return 0;
}

static void robust_in_child(const struct path *P, void *arg)
{
	long head = 1, len = 0;

	/* fork does not pass the list on (Linux clears it in the child). */
	_exit(CALL3(P, SYS_get_robust_list, 0, &head, &len) == 0 && head == 0 && len == ROBUST_LEN ? 0 : 1);
}

int case_robust_list(const struct path *P, struct transcript *t)
{
	static long list[3];
	long head = 0, len = 0;

	EXPECT(t, P, CALL2(P, SYS_set_robust_list, list, ROBUST_LEN) == 0);
	EXPECT(t, P, CALL3(P, SYS_get_robust_list, 0, &head, &len) == 0);
	EXPECT(t, P, head == (long)list && len == ROBUST_LEN);
	head = 0;
	EXPECT(t, P, CALL3(P, SYS_get_robust_list, CALL0(P, SYS_gettid), &head, &len) == 0 && head == (long)list);
	note(t, "errors %ld %ld %ld %ld ", CALL2(P, SYS_set_robust_list, list, ROBUST_LEN - 1), CALL2(P, SYS_set_robust_list, list, 0),
	     CALL3(P, SYS_get_robust_list, NOPID, &head, &len), CALL3(P, SYS_get_robust_list, -1, &head, &len));
	EXPECT(t, P, CALL2(P, SYS_set_robust_list, list, ROBUST_LEN - 1) == -EINVAL);
	EXPECT(t, P, CALL3(P, SYS_get_robust_list, NOPID, &head, &len) == -ESRCH);
	/* The head is not looked at: any address is kept (Linux). */
	EXPECT(t, P, CALL2(P, SYS_set_robust_list, 0, ROBUST_LEN) == 0);
	EXPECT(t, P, CALL3(P, SYS_get_robust_list, 0, &head, &len) == 0 && head == 0);
	CALL2(P, SYS_set_robust_list, list, ROBUST_LEN);
	EXPECT(t, P, run_child(robust_in_child, P, 0) == 0);
	return 0;
}

/* Spin in user mode for about ms milliseconds of the monotonic clock. */
static void spin_ms(long ms)
{
	struct timespec a, b;

	clock_gettime(CLOCK_MONOTONIC, &a);
	do
		clock_gettime(CLOCK_MONOTONIC, &b);
	while ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < ms);
}

static long usec(struct timeval tv) { return tv.tv_sec * 1000000 + tv.tv_usec; }

int case_cpu_times(const struct path *P, struct transcript *t)
{
	struct rusage self, kids0, kids, waited;
	struct tms tm0, tm1;
	int status;

	note(t, "who: %ld %ld %ld ", CALL2(P, SYS_getrusage, 2, &self), CALL2(P, SYS_getrusage, -2, &self),
	     CALL2(P, SYS_getrusage, RUSAGE_THREAD, &self));
	EXPECT(t, P, CALL2(P, SYS_getrusage, 2, &self) == -EINVAL);
	/* Both paths run in one process: what the other path's child left is
	 * the starting point. */
	EXPECT(t, P, CALL2(P, SYS_getrusage, RUSAGE_CHILDREN, &kids0) == 0);
	long t0 = CALL1(P, SYS_times, &tm0);
	EXPECT(t, P, t0 > 0 && CALL1(P, SYS_times, 0) >= t0);
	EXPECT(t, P, tm0.tms_cutime * 10000 == usec(kids0.ru_utime));
	/* A child burns 300 ms in user mode; wait4 reports it, and then so
	 * do RUSAGE_CHILDREN and times. At 100 ticks a second it was
	 * charged some 30 ticks: ask for a third of that, emulators are slow. */
	fflush(stdout);
	long pid = CALL1(P, SYS_fork, 0);
	if (pid == 0) {
		spin_ms(300);
		_exit(0);
	}
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, &status, 0, &waited) == pid && status == 0);
	EXPECT(t, P, usec(waited.ru_utime) >= 100000);
	EXPECT(t, P, CALL2(P, SYS_getrusage, RUSAGE_CHILDREN, &kids) == 0);
	EXPECT(t, P, usec(kids.ru_utime) == usec(kids0.ru_utime) + usec(waited.ru_utime));
	EXPECT(t, P, usec(kids.ru_stime) == usec(kids0.ru_stime) + usec(waited.ru_stime));
	long t1 = CALL1(P, SYS_times, &tm1);
	EXPECT(t, P, t1 - t0 >= 10);                     /* the clock ticks moved too */
	EXPECT(t, P, tm1.tms_cutime * 10000 == usec(kids.ru_utime));
	/* Our own time: we spin too, and it is ours. */
	spin_ms(100);
	EXPECT(t, P, CALL2(P, SYS_getrusage, RUSAGE_SELF, &self) == 0 && usec(self.ru_utime) > 0);
	EXPECT(t, P, self.ru_utime.tv_usec < 1000000 && self.ru_maxrss == 0);
	note(t, "ok");
	return 0;
}

int case_sysinfo_fields(const struct path *P, struct transcript *t)
{
	struct sysinfo si;

	memset(&si, 0xff, sizeof(si));
	EXPECT(t, P, CALL1(P, SYS_sysinfo, &si) == 0);
	EXPECT(t, P, si.uptime > 0 && si.mem_unit == 1);
	EXPECT(t, P, si.totalram > si.freeram && si.freeram > 0 && si.totalram >= 64 << 20);
	EXPECT(t, P, si.procs >= 2);                     /* the runner and us at least */
	EXPECT(t, P, si.totalswap == 0 && si.freeswap == 0 && si.totalhigh == 0 && si.freehigh == 0);
	EXPECT(t, P, si.loads[0] < 1000UL << 16);
	note(t, "ok");
	return 0;
}

int case_prctl_name(const struct path *P, struct transcript *t)
{
	char name[TASK_COMM_LEN + 8];

	memset(name, 'x', sizeof(name));
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_GET_NAME, name) == 0);
	EXPECT(t, P, strcmp(name, CONFORM_COMM) == 0 && name[TASK_COMM_LEN] == 'x');   /* 16 bytes written */
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_SET_NAME, "hello") == 0);
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_GET_NAME, name) == 0 && strcmp(name, "hello") == 0);
	/* Longer names are cut to 15 bytes. */
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_SET_NAME, "a-name-of-twenty-chars") == 0);
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_GET_NAME, name) == 0 && strcmp(name, "a-name-of-twent") == 0);
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_SET_NAME, "") == 0);
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_GET_NAME, name) == 0 && name[0] == 0);
	note(t, "errors %ld %ld %ld %ld", CALL2(P, SYS_prctl, 0, 0), CALL2(P, SYS_prctl, 12345, 0),
	     CALL2(P, SYS_prctl, PR_SET_NAME, 0), CALL2(P, SYS_prctl, PR_GET_NAME, 0));
	EXPECT(t, P, CALL2(P, SYS_prctl, 12345, 0) == -EINVAL && CALL2(P, SYS_prctl, -1L, 0) == -EINVAL);
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_SET_NAME, 0) == -EFAULT);
	CALL2(P, SYS_prctl, PR_SET_NAME, CONFORM_COMM);
	return 0;
}

#ifdef __x86_64__      /* conform32 leaves it out (conform.h) */
int case_affinity(const struct path *P, struct transcript *t)
{
	unsigned long mask[16], online;
	long r;

	memset(mask, 0xee, sizeof(mask));
	r = CALL3(P, SYS_sched_getaffinity, 0, sizeof(mask), mask);
	online = mask[0];
	/* Every online CPU, from CPU 0 up (how many the machine has varies). */
	EXPECT(t, P, r == 8 && (online & 1) && (online & (online + 1)) == 0 && mask[1] == 0xeeeeeeeeeeeeeeeeUL);
	EXPECT(t, P, CALL3(P, SYS_sched_getaffinity, CALL0(P, SYS_getpid), 8, mask) == 8);
	long get[] = {
		CALL3(P, SYS_sched_getaffinity, 0, 0, mask), CALL3(P, SYS_sched_getaffinity, 0, 4, mask),
		CALL3(P, SYS_sched_getaffinity, 0, 12, mask), CALL3(P, SYS_sched_getaffinity, NOPID, 8, mask),
		CALL3(P, SYS_sched_getaffinity, 0, 8, 0),
	};
	static const unsigned long bit0 = 1, bit1 = 2, none = 0;
	static const unsigned long big[16] = { 1 };
	static const unsigned char byte = 1;
	long set[] = {
		CALL3(P, SYS_sched_setaffinity, 0, 8, &bit0), CALL3(P, SYS_sched_setaffinity, 0, 8, &bit1),
		CALL3(P, SYS_sched_setaffinity, 0, 8, &none), CALL3(P, SYS_sched_setaffinity, 0, 1, &byte),
		CALL3(P, SYS_sched_setaffinity, 0, 0, &bit0), CALL3(P, SYS_sched_setaffinity, 0, sizeof(big), big),
		CALL3(P, SYS_sched_setaffinity, NOPID, 8, &bit0), CALL3(P, SYS_sched_setaffinity, 0, 8, 0),
		CALL3(P, SYS_sched_setaffinity, NOPID, 8, 0),      /* the mask is read first */
	};
	static const long want_get[] = { -EINVAL, -EINVAL, -EINVAL, -ESRCH, -EFAULT };
	/* CPU 1 alone: fine when it is online, else a mask of no CPU. */
	long want_set[] = { 0, online & 2 ? 0 : -EINVAL, -EINVAL, 0, -EINVAL, 0, -ESRCH, -EFAULT, -EFAULT };

	for (unsigned i = 0; i < sizeof(get) / sizeof(get[0]); i++)
		EXPECT(t, P, get[i] == want_get[i]), note(t, "%ld ", get[i]);
	for (unsigned i = 0; i < sizeof(set) / sizeof(set[0]); i++)
		EXPECT(t, P, set[i] == want_set[i]), note(t, "%ld ", i == 1 ? 0 : set[i]);   /* (the one that varies) */
	/* The last good mask was CPU 0's: the call says so, and libc's wrapper
	 * clears the rest of the set. */
	cpu_set_t cs;
	memset(&cs, 0xff, sizeof(cs));
	EXPECT(t, P, sched_getaffinity(0, sizeof(cs), &cs) == 0 && CPU_COUNT(&cs) == 1 && CPU_ISSET(0, &cs));
	/* Every CPU again, for the cases after this one. */
	EXPECT(t, P, CALL3(P, SYS_sched_setaffinity, 0, 8, &online) == 0);
	memset(&cs, 0, sizeof(cs));
	EXPECT(t, P, sched_getaffinity(0, sizeof(cs), &cs) == 0 && CPU_COUNT(&cs) == __builtin_popcountl(online));
	return 0;
}
#endif

int case_getrandom_works(const struct path *P, struct transcript *t)
{
	static unsigned char a[4096], b[64];
	long bits = 0;

	EXPECT(t, P, CALL3(P, SYS_getrandom, a, sizeof(a), 0) == sizeof(a));
	for (unsigned i = 0; i < sizeof(a); i++)
		bits += __builtin_popcount(a[i]);
	/* 32768 bits: half of them set, give or take 6 standard deviations. */
	EXPECT(t, P, bits > 16384 - 543 && bits < 16384 + 543);
	EXPECT(t, P, CALL3(P, SYS_getrandom, b, sizeof(b), GRND_NONBLOCK) == sizeof(b));
	EXPECT(t, P, memcmp(a, b, sizeof(b)) != 0);       /* never the same bytes again */
	long r[] = {
		CALL3(P, SYS_getrandom, b, 7, GRND_RANDOM), CALL3(P, SYS_getrandom, b, 7, GRND_INSECURE),
		CALL3(P, SYS_getrandom, b, 7, GRND_NONBLOCK | GRND_RANDOM), CALL3(P, SYS_getrandom, b, 0, 0),
		CALL3(P, SYS_getrandom, 0, 0, 0), CALL3(P, SYS_getrandom, b, 7, 8),
		CALL3(P, SYS_getrandom, b, 7, GRND_RANDOM | GRND_INSECURE), CALL3(P, SYS_getrandom, 0, 7, 0),
		CALL3(P, SYS_getrandom, 0, 7, 8),                  /* flags before the pointer */
		CALL3(P, SYS_getrandom, b, 7, (long)(1ULL << 32)), /* flags are an unsigned int */
	};
	static const long want[] = { 7, 7, 7, 0, 0, -EINVAL, -EINVAL, -EFAULT, -EINVAL, 7 };

	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		EXPECT(t, P, r[i] == want[i]), note(t, "%ld ", r[i]);
	return 0;
}
