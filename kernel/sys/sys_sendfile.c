/*
 * sys_sendfile.c - sendfile(out_fd, in_fd, offset, count): copy between
 * two open files without the bytes passing through user space.
 *
 * As in Linux: in_fd is read from *offset when offset is given (the
 * kernel reads it first and writes the new one back last; in_fd's own
 * offset stays), else from and advancing its own offset. It must be a
 * file that can be read at an offset, into kernel memory (lseek and
 * read_k operations: a regular file, a device): -EINVAL for a directory,
 * a terminal or a pipe, -ESPIPE for the latter two (streams) when offset
 * is given. out_fd may be any file open for writing, but not with
 * O_APPEND (-EINVAL) unless it is a pipe. At most MAX_RW bytes move; the
 * count, short when out_fd takes no more.
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

#define SF_CHUNK 4096

/* Linux's do_sendfile, in its order of checks. */
static long do_sendfile(uint64_t out_fd, uint64_t in_fd, int64_t *ppos, uint64_t count)
{
	struct file *in = fd_file(in_fd), *out;
	int64_t pos;
	long done = 0;
	char *buf;

	if (!in || !file_readable(in))
		return -EBADF;
	if (ppos && !in->ops->lseek)
		return -ESPIPE;
	pos = ppos ? *ppos : in->off;
	if ((int64_t)count < 0 || pos < 0 || (int64_t)((uint64_t)pos + count) < 0)   /* Linux's rw_verify_area */
		return -EINVAL;
	if (count > MAX_RW)
		count = MAX_RW;
	if (!(out = fd_file(out_fd)) || !file_writable(out))
		return -EBADF;
	if (!(out->ops->flags & FOP_PIPE) && (out->flags & O_APPEND))
		return -EINVAL;
	if (!in->ops->lseek || !in->ops->read_k || !out->ops->write_k)
		return -EINVAL;
	if (!(buf = kmalloc(SF_CHUNK)))
		return -ENOMEM;
	while ((uint64_t)done < count) {
		size_t c = count - done < SF_CHUNK ? count - done : SF_CHUNK;
		int64_t rpos = pos;
		long n = in->ops->read_k(in, buf, c, &rpos);
		if (n <= 0)
			break;
		long w = out->ops->write_k(out, buf, n, &out->off);
		if (w < 0) {
			if (done == 0)
				done = w;
			break;
		}
		pos += w;                            /* what was not written was not sent */
		done += w;
		if (w < n)
			break;
	}
	kfree(buf);
	if (ppos)
		*ppos = pos;
	else
		in->off = pos;
	return done;
}

long sys_sendfile(struct trap_frame *tf)
{
	uint64_t uoff = arg(tf, 2);
	int64_t pos;
	long r;

	if (!uoff)
		return do_sendfile(arg(tf, 0), arg(tf, 1), NULL, arg(tf, 3));
	if (copy_from_user(&pos, (const void *)uoff, sizeof(pos)) < 0)
		return -EFAULT;
	r = do_sendfile(arg(tf, 0), arg(tf, 1), &pos, arg(tf, 3));
	if (copy_to_user((void *)uoff, &pos, sizeof(pos)) < 0)
		return -EFAULT;
	return r;
}
