/*
 * sys_io.c - read, write and writev on any open file: the console (serial
 * + framebuffer; descriptors 0, 1 and 2 of init), a pipe, or a file of the
 * ramfs.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/stat.h"
#include "dev/tty.h"
#include "fs/pipe.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

#define CHUNK 256
#define MAX_RW (0x7fffffffUL & ~4095UL)  /* the most one call moves, as on Linux */

/* Write n user bytes to a file at its offset (at its end with O_APPEND). */
static long node_write_user(struct file *f, const char *u, size_t n)
{
	char buf[CHUNK];
	size_t done = 0;

	if (f->flags & O_APPEND)
		f->off = f->node->size;
	if (n && vfs_may_grow(f->node, (uint64_t)f->off + n) < 0)
		return -ENOSPC;
	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		size_t got = copy_from_user_upto(buf, u + done, c);
		if (got == 0)
			return done ? (long)done : -EFAULT;
		long w = ramfs_write(f->node, f->off, buf, got);
		if (w <= 0)
			return done ? (long)done : (w < 0 ? w : -ENOSPC);
		f->off += w;
		done += w;
		if ((size_t)w < c)
			break;                       /* a bad page, or the file size limit */
	}
	return done;
}

/* /dev/null takes everything and gives nothing; /dev/zero gives zeros. */
static long device_read_user(struct file *f, char *u, size_t n)
{
	static const char zeros[CHUNK];
	size_t done = 0;

	if (f->node->rdev != DEV_ZERO)
		return 0;
	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		size_t got = copy_to_user_upto(u + done, zeros, c);
		done += got;
		if (got < c)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

/* Write to any open file; the count or -errno. */
static long file_write_user(struct file *f, const char *u, size_t n)
{
	if (!file_writable(f))
		return -EBADF;
	if (!user_range_ok((uint64_t)u, n))
		return -EFAULT;
	if (n > MAX_RW)
		n = MAX_RW;
	if (f->kind == FILE_CONSOLE)
		return tty_write_user(u, n);
	if (f->kind == FILE_PIPE)
		return pipe_write_user(f, u, n);
	if (S_ISCHR(f->node->mode))
		return n;                            /* null and zero swallow writes */
	return node_write_user(f, u, n);
}

long sys_write(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	return f ? file_write_user(f, (const char *)arg(tf, 1), arg(tf, 2)) : -EBADF;
}

/* A pipe write of at most PIPE_BUF bytes lands whole, even from several
 * iovecs: gather them first. The count or -errno. */
static long pipe_writev(struct file *f, const struct iovec *iov, uint64_t cnt, size_t total)
{
	char *buf = kmalloc(total ? total : 1);
	size_t pos = 0;
	long r = -EFAULT;

	if (!buf)
		return -ENOMEM;
	for (uint64_t i = 0; i < cnt; pos += iov[i].iov_len, i++)
		if (copy_from_user(buf + pos, iov[i].iov_base, iov[i].iov_len) < 0)
			goto out;
	r = pipe_write_kernel(f, buf, total);
out:
	kfree(buf);
	return r;
}

/* writev: the iovec array is copied in once and checked whole before
 * anything is written, as Linux does; the copy is what is used. */
long sys_writev(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));
	uint64_t cnt = arg(tf, 2), total = 0;
	struct iovec *iov;
	long done = 0, r = 0;

	if (!f || !file_writable(f))
		return -EBADF;
	if (cnt > IOV_MAX)
		return -EINVAL;
	if (!(iov = kmalloc(cnt ? cnt * sizeof(*iov) : 1)))
		return -ENOMEM;
	if (copy_from_user(iov, (const void *)arg(tf, 1), cnt * sizeof(*iov)) < 0) {
		r = -EFAULT;
		goto out;
	}
	for (uint64_t i = 0; i < cnt && r == 0; i++) {
		if (iov[i].iov_len > MAX_RW - total)
			r = -EINVAL;
		else if (!user_range_ok((uint64_t)iov[i].iov_base, iov[i].iov_len))
			r = -EFAULT;
		total += iov[i].iov_len;
	}
	if (r < 0)
		goto out;
	if (f->kind == FILE_PIPE && total <= PIPE_BUF) {
		r = pipe_writev(f, iov, cnt, total);
		goto out;
	}
	for (uint64_t i = 0; i < cnt; i++) {
		long w = file_write_user(f, iov[i].iov_base, iov[i].iov_len);
		if (w < 0) {
			r = done ? done : w;
			goto out;
		}
		done += w;
		if ((size_t)w < iov[i].iov_len)
			break;
	}
	r = done;
out:
	kfree(iov);
	return r;
}

/* Read up to n bytes of a file from its offset; 0 at the end. */
static long node_read_user(struct file *f, char *u, size_t n)
{
	char buf[CHUNK];
	size_t done = 0;

	if (S_ISDIR(f->node->mode))
		return -EISDIR;
	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		long r = ramfs_read(f->node, f->off, buf, c);
		if (r <= 0)
			return done ? (long)done : r;
		size_t got = copy_to_user_upto(u + done, buf, r);
		f->off += got;                       /* what got through counts */
		done += got;
		if (got < (size_t)r)
			return done ? (long)done : -EFAULT;
		if ((size_t)r < c)
			break;
	}
	return done;
}

long sys_read(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));
	uint64_t buf = arg(tf, 1), n = arg(tf, 2);

	if (!f || !file_readable(f))
		return -EBADF;
	if (f->kind == FILE_NODE && S_ISDIR(f->node->mode))
		return -EISDIR;
	if (n == 0)
		return 0;
	if (!user_range_ok(buf, n))
		return -EFAULT;
	if (n > MAX_RW)
		n = MAX_RW;
	if (f->kind == FILE_CONSOLE)
		return tty_read_user((char *)buf, n);
	if (f->kind == FILE_PIPE)
		return pipe_read_user(f, (char *)buf, n);
	if (S_ISCHR(f->node->mode))
		return device_read_user(f, (char *)buf, n);
	return node_read_user(f, (char *)buf, n);
}
