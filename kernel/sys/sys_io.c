/*
 * sys_io.c - moving bytes through any open file: read, write, readv,
 * writev, and pread64, pwrite64, preadv, pwritev at an offset of their
 * own. A file is the console (serial + framebuffer; descriptors 0, 1 and
 * 2 of init), a pipe, or a node of the ramfs (a regular file, a directory,
 * /dev/null or /dev/zero).
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
#define GATHER_MAX 4096                  /* readv of a pipe or the console: bytes per call */

/* Write n user bytes to a file at *off (at its end with O_APPEND, as
 * Linux's pwrite too), advancing *off. */
static long node_write_user(struct file *f, const char *u, size_t n, int64_t *off)
{
	char buf[CHUNK];
	size_t done = 0;

	if (f->flags & O_APPEND)
		*off = f->node->size;
	if (n && vfs_may_grow(f->node, (uint64_t)*off + n) < 0)
		return -ENOSPC;
	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		size_t got = copy_from_user_upto(buf, u + done, c);
		if (got == 0)
			return done ? (long)done : -EFAULT;
		long w = ramfs_write(f->node, *off, buf, got);
		if (w <= 0)
			return done ? (long)done : (w < 0 ? w : -ENOSPC);
		*off += w;
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

/* Write to any open file (a node at *off); the count or -errno. */
static long file_write_at(struct file *f, const char *u, size_t n, int64_t *off)
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
	return node_write_user(f, u, n, off);
}

long sys_write(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	return f ? file_write_at(f, (const char *)arg(tf, 1), arg(tf, 2), &f->off) : -EBADF;
}

/* Read up to n bytes of a file from *off, advancing it; 0 at the end. */
static long node_read_user(struct file *f, char *u, size_t n, int64_t *off)
{
	char buf[CHUNK];
	size_t done = 0;

	if (S_ISDIR(f->node->mode))
		return -EISDIR;
	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		long r = ramfs_read(f->node, *off, buf, c);
		if (r <= 0)
			return done ? (long)done : r;
		size_t got = copy_to_user_upto(u + done, buf, r);
		*off += got;                         /* what got through counts */
		done += got;
		if (got < (size_t)r)
			return done ? (long)done : -EFAULT;
		if ((size_t)r < c)
			break;
	}
	return done;
}

/* Read from any open file (a node from *off); the count or -errno. */
static long file_read_at(struct file *f, char *u, size_t n, int64_t *off)
{
	if (!file_readable(f))
		return -EBADF;
	if (f->kind == FILE_NODE && S_ISDIR(f->node->mode))
		return -EISDIR;
	if (n == 0)
		return 0;
	if (!user_range_ok((uint64_t)u, n))
		return -EFAULT;
	if (n > MAX_RW)
		n = MAX_RW;
	if (f->kind == FILE_CONSOLE)
		return f->flags & O_NONBLOCK ? tty_read_user_nonblock(u, n) : tty_read_user(u, n);
	if (f->kind == FILE_PIPE)
		return pipe_read_user(f, u, n);
	if (S_ISCHR(f->node->mode))
		return device_read_user(f, u, n);
	return node_read_user(f, u, n, off);
}

long sys_read(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	return f ? file_read_at(f, (char *)arg(tf, 1), arg(tf, 2), &f->off) : -EBADF;
}

/* --- at an offset of their own --------------------------------------------- */

/*
 * The checks pread64 and pwrite64 (and preadv, pwritev) make before any
 * others, in Linux's order: a negative offset (-EINVAL), the descriptor
 * (-EBADF), a file with no offsets (-ESPIPE: the console, a pipe). The
 * file, or NULL and *err.
 */
static struct file *positioned(uint64_t fd, int64_t pos, long *err)
{
	struct file *f;

	*err = pos < 0 ? -EINVAL : !(f = fd_file(fd)) ? -EBADF : f->kind != FILE_NODE ? -ESPIPE : 0;
	return *err ? NULL : f;
}

/* pos + n must stay an offset (Linux's rw_verify_area), n already in the user half. */
static bool past_offsets(int64_t pos, uint64_t n) { return (uint64_t)pos > (uint64_t)INT64_MAX - n; }

/* pread64(fd, buf, n, pos): read at pos; the file's offset stays. */
long sys_pread64(struct trap_frame *tf)
{
	int64_t pos = arg(tf, 3);
	uint64_t u = arg(tf, 1), n = arg(tf, 2);
	long r;
	struct file *f = positioned(arg(tf, 0), pos, &r);

	if (!f)
		return r;
	if (file_readable(f) && user_range_ok(u, n) && past_offsets(pos, n))
		return -EINVAL;
	return file_read_at(f, (char *)u, n, &pos);
}

/* pwrite64(fd, buf, n, pos): write at pos (at the end with O_APPEND, as
 * Linux does); the file's offset stays. */
long sys_pwrite64(struct trap_frame *tf)
{
	int64_t pos = arg(tf, 3);
	uint64_t u = arg(tf, 1), n = arg(tf, 2);
	long r;
	struct file *f = positioned(arg(tf, 0), pos, &r);

	if (!f)
		return r;
	if (file_writable(f) && user_range_ok(u, n) && past_offsets(pos, n))
		return -EINVAL;
	return file_write_at(f, (const char *)u, n, &pos);
}

/* --- vectors ------------------------------------------------------------------ */

/*
 * Copy in and check the iovec array at u: at most IOV_MAX entries
 * (-EINVAL), the array readable (-EFAULT), the lengths together at most
 * MAX_RW (-EINVAL), every element inside the user half (-EFAULT). The
 * array (kfree it) and *total, or NULL and *err. The copy is what is used.
 */
static struct iovec *iov_in(uint64_t u, uint64_t cnt, size_t *total, long *err)
{
	struct iovec *iov;

	*total = 0;
	*err = 0;
	if (cnt > IOV_MAX) {
		*err = -EINVAL;
		return NULL;
	}
	if (!(iov = kmalloc(cnt ? cnt * sizeof(*iov) : 1))) {
		*err = -ENOMEM;
		return NULL;
	}
	if (copy_from_user(iov, (const void *)u, cnt * sizeof(*iov)) < 0)
		*err = -EFAULT;
	for (uint64_t i = 0; i < cnt && *err == 0; i++) {
		if (iov[i].iov_len > MAX_RW - *total)
			*err = -EINVAL;
		else if (!user_range_ok((uint64_t)iov[i].iov_base, iov[i].iov_len))
			*err = -EFAULT;
		*total += iov[i].iov_len;
	}
	if (*err) {
		kfree(iov);
		return NULL;
	}
	return iov;
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

/* A pipe or console read fills several iovecs from one read, as Linux's
 * does (a second read could wait, or take the console's next line): read
 * into a buffer, then scatter. The iovecs the bytes may land in are
 * checked first, so none are lost to a bad page. */
static long gather_readv(struct file *f, const struct iovec *iov, uint64_t cnt, size_t total)
{
	size_t n = total < GATHER_MAX ? total : GATHER_MAX, pos = 0;
	long r;
	char *buf;

	for (uint64_t i = 0; i < cnt && pos < n; pos += iov[i].iov_len, i++) {
		size_t c = n - pos < iov[i].iov_len ? n - pos : iov[i].iov_len;
		if (!user_writable((uint64_t)iov[i].iov_base, c))
			return -EFAULT;
	}
	if (n == 0)
		return 0;
	if (!(buf = kmalloc(n)))
		return -ENOMEM;
	r = f->kind == FILE_PIPE ? pipe_read_kernel(f, buf, n) : tty_read_kernel(buf, n, f->flags & O_NONBLOCK);
	pos = 0;
	for (uint64_t i = 0; r > 0 && i < cnt && pos < (size_t)r; i++) {
		size_t c = (size_t)r - pos < iov[i].iov_len ? (size_t)r - pos : iov[i].iov_len;
		if (copy_to_user(iov[i].iov_base, buf + pos, c) < 0) {
			r = pos ? (long)pos : -EFAULT;
			break;
		}
		pos += c;
	}
	kfree(buf);
	return r;
}

/*
 * The vector calls: readv, writev, preadv, pwritev. off is NULL for the
 * file's own offset. The array is copied in and checked whole before
 * anything moves, as Linux does; the elements then go one by one until
 * one comes up short.
 */
static long do_rwv(struct file *f, uint64_t uiov, uint64_t cnt, int64_t *off, bool write)
{
	size_t total;
	long done = 0, r;
	struct iovec *iov;

	if (!f || !(write ? file_writable(f) : file_readable(f)))
		return -EBADF;
	if (!(iov = iov_in(uiov, cnt, &total, &r)))
		return r;
	if (!off)
		off = &f->off;
	if (write && f->kind == FILE_PIPE && total <= PIPE_BUF) {
		r = pipe_writev(f, iov, cnt, total);
		goto out;
	}
	if (!write && f->kind == FILE_NODE && S_ISDIR(f->node->mode)) {
		r = -EISDIR;
		goto out;
	}
	if (!write && f->kind != FILE_NODE) {
		r = gather_readv(f, iov, cnt, total);
		goto out;
	}
	for (uint64_t i = 0; i < cnt; i++) {
		long c = write ? file_write_at(f, iov[i].iov_base, iov[i].iov_len, off)
			       : file_read_at(f, iov[i].iov_base, iov[i].iov_len, off);
		if (c < 0) {
			r = done ? done : c;
			goto out;
		}
		done += c;
		if ((size_t)c < iov[i].iov_len)
			break;
	}
	r = done;
out:
	kfree(iov);
	return r;
}

long sys_readv(struct trap_frame *tf) { return do_rwv(fd_file(arg(tf, 0)), arg(tf, 1), arg(tf, 2), NULL, false); }
long sys_writev(struct trap_frame *tf) { return do_rwv(fd_file(arg(tf, 0)), arg(tf, 1), arg(tf, 2), NULL, true); }

/* preadv(fd, iov, cnt, pos_l, pos_h) and pwritev: on x86-64 pos_l is the
 * whole offset and pos_h is ignored, as in Linux's pos_from_hilo. */
long sys_preadv(struct trap_frame *tf)
{
	int64_t pos = arg(tf, 3);
	long r;
	struct file *f = positioned(arg(tf, 0), pos, &r);

	return f ? do_rwv(f, arg(tf, 1), arg(tf, 2), &pos, false) : r;
}

long sys_pwritev(struct trap_frame *tf)
{
	int64_t pos = arg(tf, 3);
	long r;
	struct file *f = positioned(arg(tf, 0), pos, &r);

	return f ? do_rwv(f, arg(tf, 1), arg(tf, 2), &pos, true) : r;
}
