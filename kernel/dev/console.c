/*
 * console.c - the terminal's file operations: /dev/console (5:1), /dev/ttyS0
 * (4:64: COM1, which today is the console's own line), and /dev/tty (5:0)
 * through tty_open_ctty. They wrap dev/tty.c's functions; the line
 * discipline (dev/ldisc.c) says when input is ready.
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/poll.h"
#include "dev/dev.h"
#include "dev/tty.h"
#include "fs/vfs.h"

static long con_read(struct file *f, char *u, size_t n, int64_t *off)
{
	return f->flags & O_NONBLOCK ? tty_read_user_nonblock(u, n) : tty_read_user(u, n);
}

static long con_write(struct file *f, const char *u, size_t n, int64_t *off) { return tty_write_user(u, n); }

static long con_read_k(struct file *f, char *buf, size_t n, int64_t *off)
{
	return tty_read_kernel(buf, n, f->flags & O_NONBLOCK);
}

static long con_write_k(struct file *f, const char *buf, size_t n, int64_t *off) { return tty_write_kernel(buf, n); }
static long con_ioctl(struct file *f, uint32_t cmd, uint64_t arg) { return tty_ioctl(cmd, arg); }

/* Readable when a read would not wait (a line, or whatever raw mode takes); always writable. */
static unsigned con_poll(struct file *f)
{
	return (ldisc_ready() ? POLLIN | POLLRDNORM : 0) | POLLOUT | POLLWRNORM;
}

/* No lseek: a terminal is a stream. */
const struct file_ops console_ops = {
	.read = con_read, .write = con_write, .read_k = con_read_k, .write_k = con_write_k,
	.ioctl = con_ioctl, .poll = con_poll, .flags = FOP_READV_GATHER,
};

/*
 * /dev/tty: the caller's controlling terminal, which is the console for a
 * process of its session (dev/tty_job.c), and -ENXIO for one that has none.
 */
int tty_open_ctty(struct file *f)
{
	long r = tty_has_ctty();

	if (r < 0)
		return r;
	f->ops = &console_ops;
	return 0;
}
