/*
 * t_sleep.c - sleeping and the clocks: nanosleep takes at least what was
 * asked (TCG is slow, so only loose upper bounds), its errors, -EINTR with
 * the time left, sched_yield, and a sleeper that does not run.
 */
#include <stdio.h>
#include <string.h>

#include "usertests.h"

static long mono_us(void)
{
	struct timespec ts;

	sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

USERTEST(nanosleep_duration)
{
	struct timespec req = { 0, 50000000 }, rem = { 77, 77 };
	long t0 = mono_us();

	EXPECT_EQ(sys_nanosleep(&req, &rem), 0);
	long took = mono_us() - t0;
	EXPECT(took >= 50000);                       /* at least 50 ms */
	EXPECT(took < 5000000);                      /* and not for ever */
	EXPECT(rem.tv_sec == 77 && rem.tv_nsec == 77);   /* rem is for interrupted sleeps only */

	/* Whole seconds and nanoseconds add up. */
	req = (struct timespec){ 1, 0 };
	t0 = mono_us();
	EXPECT_EQ(sys_nanosleep(&req, 0), 0);
	EXPECT(mono_us() - t0 >= 1000000);

	/* Zero: returns at once (well, soon). */
	req = (struct timespec){ 0, 0 };
	t0 = mono_us();
	EXPECT_EQ(sys_nanosleep(&req, 0), 0);
	EXPECT(mono_us() - t0 < 2000000);
	req = (struct timespec){ 0, 1 };
	EXPECT_EQ(sys_nanosleep(&req, 0), 0);
}

USERTEST(nanosleep_errors)
{
	struct timespec bad[] = { { 0, 1000000000 }, { 0, -1 }, { -1, 0 }, { -1, 999999999 },
				  { 0, 0x7fffffffffffffffL } };
	struct timespec rem;

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		EXPECT_EQ(sys_nanosleep(&bad[i], &rem), -EINVAL);
	EXPECT_EQ(sys_nanosleep(0, 0), -EFAULT);
	EXPECT_EQ(sys_nanosleep((void *)KERNEL_ADDR, 0), -EFAULT);
	EXPECT_EQ(sys_nanosleep((void *)UNMAPPED, 0), -EFAULT);
	/* rem is written only when interrupted: a bad one is fine otherwise. */
	struct timespec ok = { 0, 1000 };
	EXPECT_EQ(sys_nanosleep(&ok, (void *)KERNEL_ADDR), 0);
}

static volatile int woke;
static void on_usr1(int sig, struct k_siginfo *info, void *uc) { woke++; }

/* In a child: sleep 10 s; a signal must end it early, with what is left. */
static void long_sleep(void *a)
{
	struct timespec req = { 10, 500000000 }, rem = { -1, -1 };

	sigact(SIGUSR1, on_usr1, 0, 0);
	long t0 = mono_us();
	long r = sys_nanosleep(&req, &rem);
	long took = mono_us() - t0, left = rem.tv_sec * 1000000 + rem.tv_nsec / 1000;
	EXPECT_EQ(r, -EINTR);
	EXPECT_EQ(woke, 1);
	EXPECT(rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000);
	EXPECT(left > 0 && left < 10500000);
	EXPECT(took < 10000000);
	EXPECT(took + left >= 10000000);            /* requested = slept + left, roughly */
	/* An unwritable rem: the sleep still ends, with -EFAULT. */
	r = sys_nanosleep(&req, (void *)ro_page);
	EXPECT_EQ(r, -EFAULT);
	EXPECT_EQ(woke, 2);
}

/* In a child: a sleep too long to end by itself (its deadline would overflow). */
static void endless_sleep(void *a)
{
	struct timespec req = { 0x7fffffffffffffffL, 999999999 }, rem = { -1, -1 };

	sigact(SIGUSR1, on_usr1, 0, 0);
	EXPECT_EQ(sys_nanosleep(&req, &rem), -EINTR);
	EXPECT(rem.tv_sec > 1000000000L && rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000);
}

USERTEST(nanosleep_interrupted)
{
	pid_t pid = spawn(endless_sleep, 0);

	EXPECT(wait_blocked(pid));
	sleep_ms(30);
	EXPECT_EQ(proc_state(pid), 'S');                       /* not over by overflow */
	EXPECT_EQ(sys_kill(pid, SIGUSR1), 0);
	EXPECT_EQ(reap(pid), 0);

	pid = spawn(long_sleep, 0);

	EXPECT(wait_blocked(pid));
	EXPECT_EQ(sys_kill(pid, SIGUSR1), 0);
	for (int i = 0; i < 3000 && proc_state(pid) != 'R'; i++)
		sys_sched_yield();                     /* let it run up to its next sleep */
	EXPECT(wait_blocked(pid));
	EXPECT_EQ(sys_kill(pid, SIGUSR1), 0);
	EXPECT_EQ(reap(pid), 0);
}

USERTEST(sched_yield_returns)
{
	for (int i = 0; i < 1000; i++)
		if (sys_sched_yield() != 0) {
			EXPECT(0);
			break;
		}
	note("ok");
}

/* Spin in user mode until killed: always runnable, never asleep. */
static void spin(void *unused)
{
	for (volatile long n = 0;; n++)
		;
}

static void nap(void *ms)
{
	struct timespec ts = { (long)ms / 1000, (long)ms % 1000 * 1000000 };

	sys_nanosleep(&ts, 0);
	quit(0);
}

/* A sleeper is blocked (S) every time we look, never runnable; a spinner
 * is runnable every time; and sleepers wake in the order of their
 * deadlines. Nothing here depends on how fast the machine is: the sleeper
 * and the spinner run until they are killed. */
USERTEST(sleep_does_not_run)
{
	pid_t sleeper = spawn(nap, (void *)600000), spinner = spawn(spin, 0);
	int asleep = 0, runnable = 0;

	EXPECT(wait_blocked(sleeper));
	for (int i = 0; i < 20; i++) {
		struct timespec ts = { 0, 5000000 };
		asleep += proc_state(sleeper) == 'S';
		runnable += proc_state(spinner) == 'R';
		sys_nanosleep(&ts, 0);
	}
	EXPECT_EQ(asleep, 20);
	EXPECT_EQ(runnable, 20);
	EXPECT_EQ(sys_kill(spinner, SIGKILL), 0);
	EXPECT_EQ(sys_kill(sleeper, SIGKILL), 0);
	EXPECT_EQ(reap(spinner), SIGKILL);
	EXPECT_EQ(reap(sleeper), SIGKILL);

	/* Deadlines far apart, longest first, so that even a slow spawn
	 * cannot change the order. */
	pid_t p[3];
	for (int i = 0; i < 3; i++)
		p[i] = spawn(nap, (void *)(long)(2100 - 1000 * i));    /* 2100, 1100, 100 ms */
	for (int i = 2; i >= 0; i--) {
		int status;
		long r = sys_wait4(-1, &status, 0, 0);
		EXPECT(r == p[i]);                          /* the shortest first */
	}
}

USERTEST(clocks)
{
	struct timespec a, b, rt;
	struct timeval tv;
	long t;

	int back = 0, bad = 0;

	EXPECT_EQ(sys_clock_gettime(CLOCK_MONOTONIC, &a), 0);
	for (int i = 0; i < 1000; i++) {
		bad += sys_clock_gettime(CLOCK_MONOTONIC, &b) != 0;
		back += b.tv_sec < a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec < a.tv_nsec);
		a = b;
	}
	EXPECT_EQ(bad, 0);
	EXPECT_EQ(back, 0);                          /* CLOCK_MONOTONIC never goes back */
	/* time() is the coarse wall clock, the last tick's value, so it may be
	 * up to a tick behind a fine reading taken just before it (and so a
	 * second behind across a second's edge): read it first. */
	t = sys_time(0);
	EXPECT_EQ(sys_clock_gettime(CLOCK_REALTIME, &rt), 0);
	EXPECT_EQ(sys_gettimeofday(&tv, 0), 0);
	EXPECT(rt.tv_sec > 1600000000);              /* after 2020 */
	EXPECT(rt.tv_sec - t >= 0 && rt.tv_sec - t < 3);
	EXPECT(tv.tv_sec - rt.tv_sec >= 0 && tv.tv_sec - rt.tv_sec < 3);
	EXPECT_EQ(sys_clock_gettime(99, &a), -EINVAL);
	EXPECT_EQ(sys_clock_gettime(CLOCK_MONOTONIC, 0), -EFAULT);
	EXPECT_EQ(sys_clock_gettime(CLOCK_MONOTONIC, (void *)ro_page), -EFAULT);
	EXPECT_EQ(sys_gettimeofday((void *)KERNEL_ADDR, 0), -EFAULT);
	EXPECT_EQ(sys_time((void *)KERNEL_ADDR), -EFAULT);
}
