/*
 * cases_poll.c - poll, ppoll, select and pselect6 on pipes, files and
 * devices, and the device table's nodes (/dev/full, random, urandom, tty,
 * ttyS0), through each entry path. Nothing here waits for long: timeouts
 * are zero or a few milliseconds (waiting with signals is usertests').
 */
#include <api/fcntl.h>
#include <api/poll.h>
#include <api/stat.h>
#include <api/termios.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>

#include "conform.h"

#define CALL6(P, n, a, b, c, d, e, f) (P)->call(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#define OPEN(P, path, flags, mode) CALL3(P, SYS_open, path, flags, mode)
#define BIT(fd) (1ULL << (fd))

int case_poll_pipes(const struct path *P, struct transcript *t)
{
	int p[2], q[2];
	struct pollfd f[4];
	char c;

	CALL1(P, SYS_pipe, p);
	CALL1(P, SYS_pipe, q);
	/* Empty: the write end is writable, the read end nothing. */
	f[0] = (struct pollfd){ p[0], POLLIN, 77 };
	f[1] = (struct pollfd){ p[1], POLLOUT, 77 };
	EXPECT(t, P, CALL3(P, SYS_poll, f, 2, 0) == 1 && f[0].revents == 0 && f[1].revents == POLLOUT);
	EXPECT(t, P, CALL3(P, SYS_poll, f, 2, 5) == 1);                   /* a timeout: still 1 at once */
	/* A byte in it: readable; only the events asked for come back. The
	 * write end is writable again when a PIPE_BUF write would land whole
	 * (the ring is PIPE_BUF bytes: when it is empty). */
	CALL3(P, SYS_write, p[1], "x", 1);
	f[0].events = POLLIN | POLLRDNORM | POLLPRI;
	EXPECT(t, P, CALL3(P, SYS_poll, f, 2, 0) == 1 && f[0].revents == (POLLIN | POLLRDNORM) && f[1].revents == 0);
	f[0].events = POLLOUT;                                            /* a read end never writes */
	EXPECT(t, P, CALL3(P, SYS_poll, f, 1, 0) == 0 && f[0].revents == 0);
	/* No writer: POLLHUP, asked for or not, with the byte still there. */
	CALL1(P, SYS_close, p[1]);
	f[0].events = POLLIN;
	EXPECT(t, P, CALL3(P, SYS_poll, f, 1, 0) == 1 && f[0].revents == (POLLIN | POLLHUP));
	CALL3(P, SYS_read, p[0], &c, 1);
	f[0].events = 0;
	EXPECT(t, P, CALL3(P, SYS_poll, f, 1, -1) == 1 && f[0].revents == POLLHUP);   /* no wait, even "forever" */
	/* No reader: POLLERR with POLLOUT. */
	CALL1(P, SYS_close, q[0]);
	f[0] = (struct pollfd){ q[1], POLLOUT, 0 };
	EXPECT(t, P, CALL3(P, SYS_poll, f, 1, 0) == 1 && f[0].revents == (POLLOUT | POLLERR));
	/* Negative descriptors are skipped; closed ones are POLLNVAL. */
	f[0] = (struct pollfd){ -1, POLLIN, 77 };
	f[1] = (struct pollfd){ 55, POLLIN, 77 };
	f[2] = (struct pollfd){ p[0], POLLIN, 77 };
	EXPECT(t, P, CALL3(P, SYS_poll, f, 3, 0) == 2 && f[0].revents == 0 && f[1].revents == POLLNVAL &&
		     f[2].revents == POLLHUP);
	/* Nothing ready: a short timeout runs out. */
	CALL1(P, SYS_close, q[1]);
	CALL1(P, SYS_pipe, q);
	f[0] = (struct pollfd){ q[0], POLLIN, 77 };
	EXPECT(t, P, CALL3(P, SYS_poll, f, 1, 3) == 0 && f[0].revents == 0);
	EXPECT(t, P, CALL3(P, SYS_poll, 0, 0, 1) == 0);                   /* no descriptors: a sleep */
	/* Files and devices are always ready. */
	long null = OPEN(P, "/dev/null", O_RDWR, 0), bin = OPEN(P, CONFORM_BIN, O_RDONLY, 0);
	f[0] = (struct pollfd){ (int)null, POLLIN | POLLOUT, 0 };
	f[1] = (struct pollfd){ (int)bin, POLLIN | POLLOUT | POLLPRI, 0 };
	EXPECT(t, P, CALL3(P, SYS_poll, f, 2, 0) == 2 && f[0].revents == (POLLIN | POLLOUT) &&
		     f[1].revents == (POLLIN | POLLOUT));
	CALL1(P, SYS_close, null);
	CALL1(P, SYS_close, bin);
	CALL1(P, SYS_close, p[0]);
	CALL1(P, SYS_close, q[0]);
	CALL1(P, SYS_close, q[1]);
	note(t, "ok");
	return 0;
}

int case_poll_errors(const struct path *P, struct transcript *t)
{
	int p[2];
	struct pollfd f[1];
	struct timespec ts;
	uint64_t mask = 0;

	CALL1(P, SYS_pipe, p);
	f[0] = (struct pollfd){ p[1], POLLOUT, 0 };
	EXPECT(t, P, CALL3(P, SYS_poll, f, 100000, 0) == -EINVAL);        /* past RLIMIT_NOFILE */
	EXPECT(t, P, CALL3(P, SYS_poll, 0, 1, 0) == -EFAULT);
	/* ppoll: the timeout first, then the mask, then the array. */
	ts = (struct timespec){ 0, 1000000000 };
	EXPECT(t, P, CALL5(P, SYS_ppoll, f, 1, &ts, 0, 8) == -EINVAL);
	ts = (struct timespec){ -1, 0 };
	EXPECT(t, P, CALL5(P, SYS_ppoll, 0, 1, &ts, &mask, 4) == -EINVAL);
	EXPECT(t, P, CALL5(P, SYS_ppoll, f, 1, 1, 0, 8) == -EFAULT);
	ts = (struct timespec){ 0, 0 };
	EXPECT(t, P, CALL5(P, SYS_ppoll, f, 1, &ts, &mask, 4) == -EINVAL);
	EXPECT(t, P, CALL5(P, SYS_ppoll, f, 1, &ts, 1, 8) == -EFAULT);
	EXPECT(t, P, CALL5(P, SYS_ppoll, 0, 1, &ts, &mask, 8) == -EFAULT);
	EXPECT(t, P, CALL5(P, SYS_ppoll, f, 1, &ts, 0, 4) == 1);          /* no mask: its size is not looked at */
	/* The time left is written back, not for a zero timeout. */
	EXPECT(t, P, CALL5(P, SYS_ppoll, f, 1, &ts, &mask, 8) == 1 && ts.tv_sec == 0 && ts.tv_nsec == 0);
	ts = (struct timespec){ 5, 0 };
	EXPECT(t, P, CALL5(P, SYS_ppoll, f, 1, &ts, 0, 0) == 1 && ts.tv_sec <= 5 && ts.tv_sec >= 3 &&
		     ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	EXPECT(t, P, CALL5(P, SYS_ppoll, f, 1, 0, 0, 0) == 1);            /* NULL: no timeout */
	/* A read-only timeout still works: the write back is dropped. */
	static const struct timespec ro = { 1, 0 };
	EXPECT(t, P, CALL5(P, SYS_ppoll, f, 1, &ro, 0, 0) == 1);
	CALL1(P, SYS_close, p[0]);
	CALL1(P, SYS_close, p[1]);
	note(t, "ok");
	return 0;
}

int case_select_pipes(const struct path *P, struct transcript *t)
{
	int p[2];
	uint64_t rd, wr, ex;
	struct timeval tv = { 0, 0 };

	CALL1(P, SYS_pipe, p);
	rd = BIT(p[0]), wr = BIT(p[1]), ex = BIT(p[0]) | BIT(p[1]);
	EXPECT(t, P, CALL5(P, SYS_select, p[1] + 1, &rd, &wr, &ex, &tv) == 1 && rd == 0 && wr == BIT(p[1]) && ex == 0);
	CALL3(P, SYS_write, p[1], "x", 1);
	rd = BIT(p[0]), wr = BIT(p[1]);
	EXPECT(t, P, CALL5(P, SYS_select, p[1] + 1, &rd, &wr, 0, &tv) == 1 && rd == BIT(p[0]) && wr == 0);
	/* Bits at and past n are neither looked at nor kept (in the words the
	 * kernel writes back: longs, so under -m32 bit 40's word stays). */
	rd = BIT(p[0]) | BIT(p[1]) | BIT(40);
	EXPECT(t, P, CALL5(P, SYS_select, p[1], &rd, 0, 0, &tv) == 1 &&
		     rd == (BIT(p[0]) | (sizeof(long) == 4 ? BIT(40) : 0)));
	/* A closed descriptor in a set is -EBADF, and the sets stay. */
	rd = BIT(40) | BIT(p[0]);
	EXPECT(t, P, CALL5(P, SYS_select, 41, &rd, 0, 0, &tv) == -EBADF && rd == (BIT(40) | BIT(p[0])));
	/* Past the descriptor table: looked at as far as it goes. */
	rd = BIT(p[0]);
	EXPECT(t, P, CALL5(P, SYS_select, 1 << 20, &rd, 0, 0, &tv) == 1 && rd == BIT(p[0]));
	/* Errors: n, the timeout, the sets. */
	tv = (struct timeval){ 0, -1 };
	EXPECT(t, P, CALL5(P, SYS_select, 1, 0, 0, 0, &tv) == -EINVAL);
	EXPECT(t, P, CALL5(P, SYS_select, -1, 0, 0, 0, 1) == -EFAULT);     /* the timeout first */
	tv = (struct timeval){ 0, 0 };
	EXPECT(t, P, CALL5(P, SYS_select, -1, 0, 0, 0, &tv) == -EINVAL);
	EXPECT(t, P, CALL5(P, SYS_select, 1, 0, 0, 0, 1) == -EFAULT);
	EXPECT(t, P, CALL5(P, SYS_select, 1, 1, 0, 0, &tv) == -EFAULT);
	EXPECT(t, P, CALL5(P, SYS_select, 0, 1, 1, 1, &tv) == 0);          /* n = 0 reads no set */
	/* tv_usec past a second carries over; the time left comes back. */
	tv = (struct timeval){ 0, 2500000 };
	rd = BIT(p[0]);
	EXPECT(t, P, CALL5(P, SYS_select, p[0] + 1, &rd, 0, 0, &tv) == 1 && tv.tv_sec <= 2 && tv.tv_sec >= 1 &&
		     tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	/* Nothing ready: a short timeout runs out, the sets come back empty, no time left. */
	char c;
	CALL3(P, SYS_read, p[0], &c, 1);
	rd = BIT(p[0]);
	tv = (struct timeval){ 0, 3000 };
	EXPECT(t, P, CALL5(P, SYS_select, p[0] + 1, &rd, 0, 0, &tv) == 0 && rd == 0 && tv.tv_sec == 0 && tv.tv_usec == 0);
	CALL1(P, SYS_close, p[0]);
	CALL1(P, SYS_close, p[1]);
	note(t, "ok");
	return 0;
}

int case_pselect6_mask(const struct path *P, struct transcript *t)
{
	int p[2];
	uint64_t wr, mask = 0, cur, before;
	struct timespec ts = { 0, 0 };
	struct { unsigned long mask, size; } sig = { (unsigned long)&mask, 8 };   /* longs, as the kernel reads */

	CALL1(P, SYS_pipe, p);
	wr = BIT(p[1]);
	EXPECT(t, P, CALL6(P, SYS_pselect6, p[1] + 1, 0, &wr, 0, &ts, &sig) == 1 && wr == BIT(p[1]));
	sig.size = 4;
	EXPECT(t, P, CALL6(P, SYS_pselect6, p[1] + 1, 0, &wr, 0, &ts, &sig) == -EINVAL);
	sig.mask = 0;                                                     /* no mask: its size is not looked at */
	EXPECT(t, P, CALL6(P, SYS_pselect6, p[1] + 1, 0, &wr, 0, &ts, &sig) == 1);
	EXPECT(t, P, CALL6(P, SYS_pselect6, p[1] + 1, 0, &wr, 0, &ts, 1) == -EFAULT);
	sig = (typeof(sig)){ 1, 8 };
	EXPECT(t, P, CALL6(P, SYS_pselect6, p[1] + 1, 0, &wr, 0, &ts, &sig) == -EFAULT);
	ts.tv_nsec = -1;
	EXPECT(t, P, CALL6(P, SYS_pselect6, p[1] + 1, 0, &wr, 0, &ts, 0) == -EINVAL);
	ts = (struct timespec){ 7, 0 };
	EXPECT(t, P, CALL6(P, SYS_pselect6, p[1] + 1, 0, &wr, 0, &ts, 0) == 1 && ts.tv_sec <= 7 && ts.tv_sec >= 5);
	/* The mask is the caller's again afterwards. */
	CALL4(P, SYS_rt_sigprocmask, SIG_BLOCK, 0, &before, 8);
	mask = BIT(SIGUSR1 - 1) | BIT(SIGKILL - 1);
	sig = (typeof(sig)){ (unsigned long)&mask, 8 };
	ts = (struct timespec){ 0, 0 };
	EXPECT(t, P, CALL6(P, SYS_pselect6, p[1] + 1, 0, &wr, 0, &ts, &sig) == 1);
	EXPECT(t, P, CALL4(P, SYS_rt_sigprocmask, SIG_BLOCK, 0, &cur, 8) == 0 && cur == before);
	EXPECT(t, P, CALL5(P, SYS_ppoll, 0, 0, &ts, &mask, 8) == 0);
	EXPECT(t, P, CALL4(P, SYS_rt_sigprocmask, SIG_BLOCK, 0, &cur, 8) == 0 && cur == before);
	CALL1(P, SYS_close, p[0]);
	CALL1(P, SYS_close, p[1]);
	note(t, "ok");
	return 0;
}

int case_devices_table(const struct path *P, struct transcript *t)
{
	static const struct { const char *path; unsigned long rdev; } nodes[] = {
		{ "/dev/null", 0x103 }, { "/dev/zero", 0x105 }, { "/dev/full", 0x107 }, { "/dev/random", 0x108 },
		{ "/dev/urandom", 0x109 }, { "/dev/tty", 0x500 }, { "/dev/console", 0x501 }, { "/dev/ttyS0", 0x440 },
	};
	struct stat st;
	char buf[32], zeros[32] = { 0 };
	struct termios tio;

	for (unsigned i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++)
		EXPECT(t, P, CALL2(P, SYS_stat, nodes[i].path, &st) == 0 && S_ISCHR(st.st_mode) &&
			     st.st_rdev == nodes[i].rdev);
	/* /dev/full: zeros to read, no room to write. */
	long full = OPEN(P, "/dev/full", O_RDWR, 0);
	memset(buf, 7, sizeof(buf));
	EXPECT(t, P, CALL3(P, SYS_read, full, buf, sizeof(buf)) == sizeof(buf) && memcmp(buf, zeros, sizeof(buf)) == 0);
	EXPECT(t, P, CALL3(P, SYS_write, full, "x", 1) == -ENOSPC);
	EXPECT(t, P, CALL3(P, SYS_lseek, full, 5, SEEK_SET) == 0);
	CALL1(P, SYS_close, full);
	/* random and urandom: as many bytes as asked, not all zero. */
	long ur = OPEN(P, "/dev/urandom", O_RDONLY, 0), rnd = OPEN(P, "/dev/random", O_RDWR, 0);
	EXPECT(t, P, CALL3(P, SYS_read, ur, buf, sizeof(buf)) == sizeof(buf) && memcmp(buf, zeros, sizeof(buf)) != 0);
	EXPECT(t, P, CALL3(P, SYS_read, rnd, buf, 16) == 16 && CALL3(P, SYS_write, rnd, "seed", 4) == 4);
	EXPECT(t, P, CALL3(P, SYS_read, ur, 0, 16) == -EFAULT);
	CALL1(P, SYS_close, ur);
	CALL1(P, SYS_close, rnd);
	/* /dev/tty and /dev/ttyS0 are terminals (streams that take termios requests). */
	long tty = OPEN(P, "/dev/tty", O_RDWR, 0), s0 = OPEN(P, "/dev/ttyS0", O_WRONLY, 0);
	EXPECT(t, P, tty >= 0 && s0 >= 0);
	EXPECT(t, P, CALL3(P, SYS_ioctl, tty, TCGETS, &tio) == 0 && CALL3(P, SYS_ioctl, s0, TCGETS, &tio) == 0);
	EXPECT(t, P, CALL3(P, SYS_lseek, tty, 0, SEEK_CUR) == -ESPIPE);
	EXPECT(t, P, CALL3(P, SYS_write, tty, "# /dev/tty\n", 11) == 11);
	EXPECT(t, P, CALL2(P, SYS_fstat, tty, &st) == 0 && st.st_rdev == 0x500);
	struct pollfd f = { (int)s0, POLLOUT, 0 };
	EXPECT(t, P, CALL3(P, SYS_poll, &f, 1, 0) == 1 && f.revents == POLLOUT);
	CALL1(P, SYS_close, tty);
	CALL1(P, SYS_close, s0);
	note(t, "ok");
	return 0;
}
