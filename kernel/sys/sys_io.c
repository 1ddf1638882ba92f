/*
 * sys_io.c - moving bytes through any open file: read, write, readv,
 * writev, and pread64, pwrite64, preadv, pwritev at an offset of their
 * own. What is common to every file is checked here (the access mode,
 * the user range, the counts, the order of errors); the bytes move through
 * the file's operations (f->ops, fs/vfs.h).
 */
#include "api/abi.h"
#include "api/errno.h"
#include "api/fcntl.h"
#include "fs/pipe.h"
#include "fs/vfs.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

#define GATHER_MAX 4096                  /* readv of a pipe or the console: bytes per call */

/* Write to any open file (a node at *off); the count or -errno. */
static long file_write_at(struct file *f, const char *u, size_t n, int64_t *off)
{
	if (!file_writable(f))
		return -EBADF;
	if (!user_range_ok((uint64_t)u, n))
		return -EFAULT;
	if (n > MAX_RW)
		n = MAX_RW;
	return f->ops->write ? f->ops->write(f, u, n, off) : -EINVAL;
}

long sys_write(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	return f ? file_write_at(f, (const char *)arg(tf, 1), arg(tf, 2), &f->off) : -EBADF;
}

/* Read from any open file (a node from *off); the count or -errno. */
static long file_read_at(struct file *f, char *u, size_t n, int64_t *off)
{
	if (!file_readable(f))
		return -EBADF;
	if (!f->ops->read)
		return -EISDIR;                      /* a directory */
	if (n == 0)
		return 0;
	if (!user_range_ok((uint64_t)u, n))
		return -EFAULT;
	if (n > MAX_RW)
		n = MAX_RW;
	return f->ops->read(f, u, n, off);
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
 * (-EBADF), a file with no offsets (-ESPIPE: no lseek, a stream). The
 * file, or NULL and *err.
 */
static struct file *positioned(uint64_t fd, int64_t pos, long *err)
{
	struct file *f;

	*err = pos < 0 ? -EINVAL : !(f = fd_file(fd)) ? -EBADF : !f->ops->lseek ? -ESPIPE : 0;
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

/* Widen cnt i386 iovecs (struct compat_iovec), read into the front of
 * iov, in place: 0 or -EFAULT. */
static long iov_in32(struct iovec *iov, uint64_t u, uint64_t cnt)
{
	struct compat_iovec *c = (struct compat_iovec *)iov;

	if (copy_from_user(c, (const void *)u, cnt * sizeof(*c)) < 0)
		return -EFAULT;
	for (uint64_t i = cnt; i-- > 0;)          /* from the end: each widened slot lies past its source */
		iov[i] = (struct iovec){ (void *)(uint64_t)c[i].iov_base, c[i].iov_len };
	return 0;
}

/*
 * Copy in and check the iovec array at u (i386's struct compat_iovec for
 * iov32): at most IOV_MAX entries (-EINVAL), the array readable
 * (-EFAULT), the lengths together at most MAX_RW (-EINVAL), every element
 * inside the user half (-EFAULT). The array (kfree it) and *total, or
 * NULL and *err. The copy is what is used.
 */
static struct iovec *iov_in(uint64_t u, uint64_t cnt, bool iov32, size_t *total, long *err)
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
	if ((iov32 ? iov_in32(iov, u, cnt) : copy_from_user(iov, (const void *)u, cnt * sizeof(*iov))) < 0)
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
 * iovecs (FOP_WRITEV_GATHER): gather them first. The count or -errno. */
static long gather_writev(struct file *f, const struct iovec *iov, uint64_t cnt, size_t total, int64_t *off)
{
	char *buf = kmalloc(total ? total : 1);
	size_t pos = 0;
	long r = -EFAULT;

	if (!buf)
		return -ENOMEM;
	for (uint64_t i = 0; i < cnt; pos += iov[i].iov_len, i++)
		if (copy_from_user(buf + pos, iov[i].iov_base, iov[i].iov_len) < 0)
			goto out;
	r = f->ops->write_k(f, buf, total, off);
out:
	kfree(buf);
	return r;
}

/* A pipe or terminal read fills several iovecs from one read
 * (FOP_READV_GATHER), as Linux's does (a second read could wait, or take
 * the terminal's next line): read
 * into a buffer, then scatter. The iovecs the bytes may land in are
 * checked first, so none are lost to a bad page. */
static long gather_readv(struct file *f, const struct iovec *iov, uint64_t cnt, size_t total, int64_t *off)
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
	r = f->ops->read_k(f, buf, n, off);
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
static long do_rwv(struct file *f, uint64_t uiov, uint64_t cnt, int64_t *off, bool write, bool iov32)
{
	size_t total;
	long done = 0, r;
	struct iovec *iov;

	if (!f || !(write ? file_writable(f) : file_readable(f)))
		return -EBADF;
	if (!(iov = iov_in(uiov, cnt, iov32, &total, &r)))
		return r;
	if (!off)
		off = &f->off;
	if (write && (f->ops->flags & FOP_WRITEV_GATHER) && total <= PIPE_BUF) {
		r = gather_writev(f, iov, cnt, total, off);
		goto out;
	}
	if (!write && !f->ops->read) {
		r = -EISDIR;                     /* a directory */
		goto out;
	}
	if (!write && (f->ops->flags & FOP_READV_GATHER)) {
		r = gather_readv(f, iov, cnt, total, off);
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

long rw_vector(uint64_t fd, uint64_t uiov, uint64_t cnt, const int64_t *pos, bool write, bool iov32)
{
	int64_t at;
	long r;

	if (!pos)
		return do_rwv(fd_file(fd), uiov, cnt, NULL, write, iov32);
	at = *pos;
	struct file *f = positioned(fd, at, &r);
	return f ? do_rwv(f, uiov, cnt, &at, write, iov32) : r;
}

long sys_readv(struct trap_frame *tf) { return rw_vector(arg(tf, 0), arg(tf, 1), arg(tf, 2), NULL, false, false); }
long sys_writev(struct trap_frame *tf) { return rw_vector(arg(tf, 0), arg(tf, 1), arg(tf, 2), NULL, true, false); }

/* preadv(fd, iov, cnt, pos_l, pos_h) and pwritev: on x86-64 pos_l is the
 * whole offset and pos_h is ignored, as in Linux's pos_from_hilo. */
long sys_preadv(struct trap_frame *tf)
{
	int64_t pos = arg(tf, 3);

	return rw_vector(arg(tf, 0), arg(tf, 1), arg(tf, 2), &pos, false, false);
}

long sys_pwritev(struct trap_frame *tf)
{
	int64_t pos = arg(tf, 3);

	return rw_vector(arg(tf, 0), arg(tf, 1), arg(tf, 2), &pos, true, false);
}
