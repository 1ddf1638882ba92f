/*
 * sys_io.c - read, write and writev on the console. Until there are files,
 * descriptors 0, 1 and 2 are the console (serial + framebuffer), both ways.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

#define CHUNK 256
#define MAX_RW (0x7fffffffUL & ~4095UL)  /* the most one call moves, as on Linux */

static bool is_console(uint64_t fd) { return fd <= 2; }

/* Write n user bytes to the console; the count, or -EFAULT when the first
 * chunk is unreadable (a later bad chunk ends the write short). */
static long console_write_user(const char *u, size_t n)
{
	char buf[CHUNK];
	size_t done = 0;

	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		if (copy_from_user(buf, u + done, c) < 0)
			return done ? (long)done : -EFAULT;
		console_write(buf, c);
		done += c;
	}
	return done;
}

long sys_write(struct trap_frame *tf)
{
	uint64_t fd = arg(tf, 0), buf = arg(tf, 1), n = arg(tf, 2);

	if (!is_console(fd))
		return -EBADF;
	if (!user_range_ok(buf, n))
		return -EFAULT;
	return console_write_user((const char *)buf, n < MAX_RW ? n : MAX_RW);
}

long sys_writev(struct trap_frame *tf)
{
	uint64_t fd = arg(tf, 0), uiov = arg(tf, 1), cnt = arg(tf, 2), total = 0;
	struct iovec iov;
	long done = 0;

	if (!is_console(fd))
		return -EBADF;
	if (cnt > IOV_MAX)
		return -EINVAL;
	/* Check every element before writing anything, as Linux does. */
	for (uint64_t i = 0; i < cnt; i++) {
		if (copy_from_user(&iov, (struct iovec *)uiov + i, sizeof(iov)) < 0)
			return -EFAULT;
		if (iov.iov_len > MAX_RW - total)
			return -EINVAL;
		total += iov.iov_len;
		if (!user_range_ok((uint64_t)iov.iov_base, iov.iov_len))
			return -EFAULT;
	}
	for (uint64_t i = 0; i < cnt; i++) {
		if (copy_from_user(&iov, (struct iovec *)uiov + i, sizeof(iov)) < 0)
			return done ? done : -EFAULT;
		long r = console_write_user(iov.iov_base, iov.iov_len);
		if (r < 0)
			return done ? done : r;
		done += r;
		if ((size_t)r < iov.iov_len)
			break;
	}
	return done;
}

/* Read what the console has, at least one byte, at most n, up to a newline. */
long sys_read(struct trap_frame *tf)
{
	uint64_t fd = arg(tf, 0), buf = arg(tf, 1), n = arg(tf, 2);
	char kbuf[CHUNK];
	size_t got = 0;
	int c;

	if (!is_console(fd))
		return -EBADF;
	if (n == 0)
		return 0;
	if (n > CHUNK)
		n = CHUNK;
	/* Fail before waiting: nobody should block on a read that cannot land. */
	if (!user_writable(buf, n))
		return -EFAULT;
	while ((c = serial_getc()) < 0) {
		current()->state = P_BLOCKED;
		current()->waiting = W_INPUT;    /* the timer wakes us to look again */
		sched();
	}
	do {
		kbuf[got++] = c == '\r' ? '\n' : c;
	} while (got < n && kbuf[got - 1] != '\n' && (c = serial_getc()) >= 0);
	return copy_to_user((void *)buf, kbuf, got) < 0 ? -EFAULT : (long)got;
}
