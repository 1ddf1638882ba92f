/*
 * t_poll.c - waiting in poll, ppoll, select and pselect6: woken by another
 * process's pipe write or close, timeouts that run their time, signals
 * that end the wait (-EINTR), and ppoll's and pselect6's temporary mask;
 * libc's wrappers.
 */
#include <poll.h>
#include <sys/select.h>

#include "usertests.h"

/* Monotonic ms now. */
static long now_ms(void)
{
	struct timespec ts;

	sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* For spawn: sleep 30 ms, then write a byte to the pipe end arg. */
static void write_later(void *fd)
{
	sleep_ms(30);
	sys_write((long)fd, "x", 1);
}

/* For spawn: sleep 30 ms, then exit (closing the inherited write end). */
static void close_later(void *unused)
{
	sleep_ms(30);
}

USERTEST(poll_woken_by_pipe)
{
	int p[2];
	struct pollfd f;
	char c;

	EXPECT_EQ(sys_pipe(p), 0);
	pid_t w = spawn(write_later, (void *)(long)p[1]);
	f = (struct pollfd){ p[0], POLLIN, 0 };
	EXPECT_EQ(sys_poll(&f, 1, -1), 1);                    /* sleeps until the child writes */
	EXPECT_EQ(f.revents, POLLIN);
	EXPECT_EQ(sys_read(p[0], &c, 1), 1);
	EXPECT_EQ(reap(w), 0);
	/* The last writer goes: POLLHUP wakes the reader. */
	pid_t h = spawn(close_later, 0);
	sys_close(p[1]);
	f.revents = 0;
	EXPECT_EQ(sys_poll(&f, 1, 5000), 1);
	EXPECT_EQ(f.revents, POLLHUP);
	EXPECT_EQ(reap(h), 0);
	sys_close(p[0]);
}

USERTEST(select_woken_by_pipe)
{
	int p[2];
	uint64_t rd;
	struct timeval tv = { 10, 0 };

	EXPECT_EQ(sys_pipe(p), 0);
	pid_t w = spawn(write_later, (void *)(long)p[1]);
	rd = 1ULL << p[0];
	EXPECT_EQ(sys_select(p[0] + 1, &rd, 0, 0, &tv), 1);
	EXPECT(rd == 1ULL << p[0]);
	EXPECT(tv.tv_sec >= 8 && tv.tv_sec <= 9);              /* the time left, written back */
	EXPECT_EQ(reap(w), 0);
	/* pselect6 too, with a full pipe's write end waiting for room. */
	char buf[4096] = { 0 };
	EXPECT_EQ(sys_read(p[0], buf, 1), 1);
	EXPECT_EQ(sys_write(p[1], buf, sizeof(buf)), 4096);
	uint64_t wr = 1ULL << p[1];
	struct timespec ts = { 0, 20 * 1000000 };
	EXPECT_EQ(sys_pselect6(p[1] + 1, 0, &wr, 0, &ts, 0), 0);   /* full: times out */
	EXPECT(wr == 0 && ts.tv_sec == 0 && ts.tv_nsec == 0);
	sys_close(p[0]);
	sys_close(p[1]);
}

USERTEST(poll_timeouts)
{
	int p[2];
	struct pollfd f;
	long t0;

	EXPECT_EQ(sys_pipe(p), 0);
	f = (struct pollfd){ p[0], POLLIN, 0 };
	t0 = now_ms();
	EXPECT_EQ(sys_poll(&f, 1, 50), 0);
	EXPECT(now_ms() - t0 >= 50);
	t0 = now_ms();
	EXPECT_EQ(sys_poll(0, 0, 30), 0);                     /* no files: a sleep */
	EXPECT(now_ms() - t0 >= 30);
	struct timespec ts = { 0, 40 * 1000000 };
	t0 = now_ms();
	EXPECT_EQ(sys_ppoll(&f, 1, &ts, 0, 0), 0);
	EXPECT(now_ms() - t0 >= 40);
	EXPECT(ts.tv_sec == 0 && ts.tv_nsec == 0);
	struct timeval tv = { 0, 30000 };
	uint64_t rd = 1ULL << p[0];
	t0 = now_ms();
	EXPECT_EQ(sys_select(p[0] + 1, &rd, 0, 0, &tv), 0);
	EXPECT(now_ms() - t0 >= 30);
	EXPECT(rd == 0 && tv.tv_sec == 0 && tv.tv_usec == 0);
	sys_close(p[0]);
	sys_close(p[1]);
}

static void send_usr1_later(void *a)
{
	sleep_ms(30);
	sys_kill(sys_getppid(), SIGUSR1);
}

USERTEST(poll_interrupted_by_signal)
{
	int p[2];
	struct pollfd f;
	uint64_t rd;

	EXPECT_EQ(sys_pipe(p), 0);
	seen_reset();
	sigact(SIGUSR1, record, 0, 0);
	f = (struct pollfd){ p[0], POLLIN, 0 };
	pid_t c = spawn(send_usr1_later, 0);
	EXPECT_EQ(sys_poll(&f, 1, -1), -EINTR);
	EXPECT_EQ(seen.hits, 1);
	EXPECT_EQ(reap(c), 0);
	c = spawn(send_usr1_later, 0);
	rd = 1ULL << p[0];
	EXPECT_EQ(sys_select(p[0] + 1, &rd, 0, 0, 0), -EINTR);
	EXPECT(rd == 1ULL << p[0]);                           /* the sets stay as they were */
	EXPECT_EQ(seen.hits, 2);
	EXPECT_EQ(reap(c), 0);
	/* A blocked signal, pending, ends no wait. */
	sigmask_set(SIG_SETMASK, SIGBIT(SIGUSR1));
	sys_kill(sys_getpid(), SIGUSR1);
	EXPECT_EQ(seen.hits, 2);                              /* blocked: still pending */
	EXPECT_EQ(sys_poll(&f, 1, 0), 0);                     /* blocked does not count */
	sigmask_set(SIG_SETMASK, 0);                          /* runs the handler */
	EXPECT_EQ(seen.hits, 3);
	sigdfl(SIGUSR1);
	sys_close(p[0]);
	sys_close(p[1]);
}

USERTEST(ppoll_pselect6_mask)
{
	int p[2];
	struct pollfd f;
	uint64_t none = 0, rd;
	struct timespec ts = { 5, 0 };

	EXPECT_EQ(sys_pipe(p), 0);
	seen_reset();
	sigact(SIGUSR1, record, 0, 0);
	/* Blocked and pending: a mask that lets it in ends the wait at once,
	 * the handler runs with that mask, and the old one comes back. */
	sigmask_set(SIG_SETMASK, SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2));
	sys_kill(sys_getpid(), SIGUSR1);
	f = (struct pollfd){ p[0], POLLIN, 0 };
	EXPECT_EQ(sys_ppoll(&f, 1, &ts, &none, SIGSET_SIZE), -EINTR);
	EXPECT_EQ(seen.hits, 1);
	EXPECT_EQ(seen.saved_mask, SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2));   /* the frame keeps the old mask */
	EXPECT_EQ(sigmask_now(), SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2));     /* and it is back */
	sys_kill(sys_getpid(), SIGUSR1);
	struct { uint64_t mask, size; } sig = { (uint64_t)&none, SIGSET_SIZE };
	rd = 1ULL << p[0];
	EXPECT_EQ(sys_pselect6(p[0] + 1, &rd, 0, 0, &ts, &sig), -EINTR);
	EXPECT_EQ(seen.hits, 2);
	EXPECT_EQ(sigmask_now(), SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2));
	/* A mask that keeps a signal out: it stays pending through the wait. */
	uint64_t usr1 = SIGBIT(SIGUSR1);
	sigmask_set(SIG_SETMASK, 0);
	pid_t c = spawn(send_usr1_later, 0);
	struct timespec short_ts = { 0, 100 * 1000000 };
	EXPECT_EQ(sys_ppoll(&f, 1, &short_ts, &usr1, SIGSET_SIZE), 0);   /* it came while masked: a time-out */
	EXPECT_EQ(seen.hits, 3);                              /* then delivered, under the old mask, on the way out */
	EXPECT_EQ(reap(c), 0);
	EXPECT_EQ(sigmask_now(), 0);
	sigdfl(SIGUSR1);
	sys_close(p[0]);
	sys_close(p[1]);
}

/* libc's poll, ppoll, select and pselect, and the FD_* macros. */
USERTEST(libc_poll_select)
{
	int p[2];
	struct pollfd f[2];
	fd_set rd, wr;
	struct timeval tv = { 0, 0 };
	const struct timespec ts = { 0, 0 };
	sigset_t none = 0;

	EXPECT_EQ(sys_pipe(p), 0);
	f[0] = (struct pollfd){ p[0], POLLIN, 0 };
	f[1] = (struct pollfd){ p[1], POLLOUT, 0 };
	EXPECT_EQ(poll(f, 2, 0), 1);
	EXPECT(f[1].revents == POLLOUT);
	EXPECT_EQ(ppoll(f, 2, &ts, &none), 1);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	EXPECT_EQ(select(p[1] + 1, &rd, &wr, 0, &tv), 1);
	EXPECT(!FD_ISSET(p[0], &rd) && FD_ISSET(p[1], &wr));
	FD_SET(p[0], &rd);
	FD_CLR(p[1], &wr);
	sys_write(p[1], "x", 1);
	EXPECT_EQ(pselect(p[1] + 1, &rd, &wr, 0, &ts, &none), 1);
	EXPECT(FD_ISSET(p[0], &rd));
	EXPECT(poll(f, 100000, 0) == -1 && errno == EINVAL);
	sys_close(p[0]);
	sys_close(p[1]);
}
