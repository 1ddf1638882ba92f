/*
 * t_restart.c - system calls a signal interrupts, as Linux restarts them
 * (docs/abi.md, "Restarting system calls"): a pipe read and wait4 go on
 * under SA_RESTART and end with -EINTR without it; pause, rt_sigsuspend,
 * nanosleep and poll end with -EINTR after a handler whatever its flags;
 * an ignored signal or a stop and SIGCONT interrupt nothing; and
 * restart_syscall goes on with an interrupted nanosleep or poll from
 * inside the handler, where its restart block is still set (as Linux's).
 */
#include <poll.h>

#include "usertests.h"

static volatile int hits;
static void on_usr1(int sig, struct k_siginfo *info, void *uc) { hits++; }

static long mono_ms(void)
{
	struct timespec ts;

	sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* In a child: SIGUSR1 the parent once it sleeps, then (it sleeps again
 * or has returned) write one byte to the pipe at fdp, if there is one. */
static void poke_then_write(void *fdp)
{
	pid_t pp = sys_getppid();
	int *fds = fdp;

	if (!wait_blocked(pp))
		quit(2);
	sys_kill(pp, SIGUSR1);
	sleep_ms(50);
	wait_blocked(pp);                         /* restarted: asleep again (or gone on: no matter) */
	if (fds)
		sys_write(fds[1], "x", 1);
	quit(0);
}

/* A read of an empty pipe that SIGUSR1 interrupts: its result, hits. */
static long interrupted_read(unsigned long flags)
{
	int fds[2];
	char c = 0;

	hits = 0;
	sigact(SIGUSR1, on_usr1, flags, 0);
	EXPECT_EQ(sys_pipe(fds), 0);
	pid_t pid = spawn(poke_then_write, fds);
	long r = sys_read(fds[0], &c, 1);
	EXPECT_EQ(reap(pid), 0);
	if (r == 1)
		EXPECT_EQ(c, 'x');
	sys_close(fds[0]);
	sys_close(fds[1]);
	sigdfl(SIGUSR1);
	return r;
}

USERTEST(restart_pipe_read)
{
	EXPECT_EQ(interrupted_read(SA_RESTART), 1);   /* went on, and got the later byte */
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(interrupted_read(0), -EINTR);
	EXPECT_EQ(hits, 1);
}

USERTEST(restart_wait4)
{
	int status = -1;

	hits = 0;
	sigact(SIGUSR1, on_usr1, SA_RESTART, 0);
	pid_t pid = spawn(poke_then_write, 0);    /* pokes, then exits */
	EXPECT(sys_wait4(pid, &status, 0, 0) == pid);     /* (no pid in the transcript) */
	EXPECT_EQ(status, 0);
	EXPECT_EQ(hits, 1);

	sigact(SIGUSR1, on_usr1, 0, 0);
	pid = spawn(poke_then_write, 0);
	EXPECT_EQ(sys_wait4(pid, &status, 0, 0), -EINTR);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(hits, 2);
	sigdfl(SIGUSR1);
}

USERTEST(restart_never_pause_sigsuspend)
{
	uint64_t none = 0;

	hits = 0;
	sigact(SIGUSR1, on_usr1, SA_RESTART, 0);  /* even so: -EINTR (ERESTARTNOHAND) */
	pid_t pid = spawn(poke_then_write, 0);
	EXPECT_EQ(sys_pause(), -EINTR);
	EXPECT_EQ(reap(pid), 0);
	pid = spawn(poke_then_write, 0);
	EXPECT_EQ(sys_sigsuspend(&none, SIGSET_SIZE), -EINTR);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(hits, 2);
	sigdfl(SIGUSR1);
}

/* What restart_syscall said inside the handler, and when. */
static volatile long again_r, again_ms;
static void restart_in_handler(int sig, struct k_siginfo *info, void *uc)
{
	hits++;
	again_r = RAW(SYS_restart_syscall, 0, 0, 0, 0, 0, 0);
	again_ms = mono_ms();
}

USERTEST(restart_nanosleep_handled)
{
	struct timespec req = { 0, 400000000 }, rem = { -1, -1 };

	/* SA_RESTART or not: -EINTR with the time left (ERESTART_RESTARTBLOCK). */
	hits = 0;
	sigact(SIGUSR1, on_usr1, SA_RESTART, 0);
	pid_t pid = spawn(poke_then_write, 0);
	long t0 = mono_ms();
	EXPECT_EQ(sys_nanosleep(&req, &rem), -EINTR);
	long took = mono_ms() - t0, left = rem.tv_sec * 1000 + rem.tv_nsec / 1000000;
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(hits, 1);
	EXPECT(left > 0 && left <= 400);
	EXPECT(took < 400 && took + left >= 390);

	/* The handler's restart_syscall sleeps the rest, to the first deadline. */
	hits = 0;
	sigact(SIGUSR1, restart_in_handler, 0, 0);
	pid = spawn(poke_then_write, 0);
	t0 = mono_ms();
	EXPECT_EQ(sys_nanosleep(&req, 0), -EINTR);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(again_r, 0);
	EXPECT(again_ms - t0 >= 390);
	/* After the handler returned, nothing is left to restart: -EINTR. */
	EXPECT_EQ(RAW(SYS_restart_syscall, 0, 0, 0, 0, 0, 0), -EINTR);
	sigdfl(SIGUSR1);
}

/* In a child: nanosleep 300 ms through a stop and SIGCONT: all of it, 0. */
static void sleep_through_stop(void *a)
{
	struct timespec req = { 0, 300000000 };
	long t0 = mono_ms();

	EXPECT_EQ(sys_nanosleep(&req, 0), 0);
	EXPECT(mono_ms() - t0 >= 290);
}

USERTEST(restart_nanosleep_stop_cont)
{
	pid_t pid = spawn(sleep_through_stop, 0);

	EXPECT(wait_blocked(pid));
	EXPECT_EQ(sys_kill(pid, SIGSTOP), 0);
	sleep_ms(20);
	EXPECT_EQ(sys_kill(pid, SIGCONT), 0);
	EXPECT_EQ(reap(pid), 0);
}

USERTEST(restart_poll_timeout)
{
	int fds[2];

	EXPECT_EQ(sys_pipe(fds), 0);
	struct pollfd pfd = { .fd = fds[0], .events = POLLIN };
	/* A handled signal: -EINTR, SA_RESTART or not. */
	hits = 0;
	sigact(SIGUSR1, on_usr1, SA_RESTART, 0);
	pid_t pid = spawn(poke_then_write, 0);
	EXPECT_EQ(sys_poll(&pfd, 1, 5000), -EINTR);
	EXPECT_EQ(reap(pid), 0);
	/* restart_syscall in the handler polls on to the first deadline: 0. */
	sigact(SIGUSR1, restart_in_handler, 0, 0);
	pid = spawn(poke_then_write, 0);
	long t0 = mono_ms();
	EXPECT_EQ(sys_poll(&pfd, 1, 300), -EINTR);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(again_r, 0);
	EXPECT(again_ms - t0 >= 290);
	EXPECT_EQ(hits, 2);
	/* ... or the byte, when it comes first. */
	pid = spawn(poke_then_write, fds);
	EXPECT_EQ(sys_poll(&pfd, 1, 5000), -EINTR);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(again_r, 1);
	sigdfl(SIGUSR1);
	sys_close(fds[0]);
	sys_close(fds[1]);
}

USERTEST(restart_ignored_never_interrupts)
{
	struct timespec req = { 0, 200000000 };
	int fds[2];
	char c;

	sigign(SIGUSR1);
	EXPECT_EQ(sys_pipe(fds), 0);
	pid_t pid = spawn(poke_then_write, fds);
	EXPECT_EQ(sys_read(fds[0], &c, 1), 1);
	EXPECT_EQ(reap(pid), 0);
	pid = spawn(poke_then_write, 0);
	long t0 = mono_ms();
	EXPECT_EQ(sys_nanosleep(&req, 0), 0);
	EXPECT(mono_ms() - t0 >= 190);
	EXPECT_EQ(reap(pid), 0);
	sigdfl(SIGUSR1);
	sys_close(fds[0]);
	sys_close(fds[1]);
}

/* A default-ignored signal, pending while blocked, that ppoll's mask lets
 * in: it wakes the wait, no handler runs, and ppoll starts again with the
 * time left (ERESTARTNOHAND): no -EINTR, the whole timeout. */
USERTEST(restart_ppoll_no_handler)
{
	uint64_t none = 0;
	struct timespec ts = { 0, 200000000 };

	sigmask_set(SIG_BLOCK, SIGBIT(SIGWINCH));
	EXPECT_EQ(sys_kill(sys_getpid(), SIGWINCH), 0);
	long t0 = mono_ms();
	EXPECT_EQ(sys_ppoll(0, 0, &ts, &none, SIGSET_SIZE), 0);
	EXPECT(mono_ms() - t0 >= 190);
	EXPECT_EQ(sigmask_now(), SIGBIT(SIGWINCH));
	sigmask_set(SIG_UNBLOCK, SIGBIT(SIGWINCH));
}
