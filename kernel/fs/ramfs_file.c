/*
 * ramfs_file.c - the operations of open ramfs regular files and
 * directories (fs/vfs.h): bytes at an offset, lseek, getdents64, fsync.
 * Another node type with no open operation of its own (a FIFO made by
 * mknod, a block device) opens as a regular file: it reads as empty.
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "uaccess.h"

#define CHUNK 256

/* Read up to n bytes from *off into user memory, advancing it; 0 at the end. */
static long file_read(struct file *f, char *u, size_t n, int64_t *off)
{
	char buf[CHUNK];
	size_t done = 0;

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

/* Write n user bytes at *off (at the end with O_APPEND, as Linux's pwrite
 * too), advancing *off, chunk by chunk as Linux's generic_perform_write:
 * the bytes the user's pages gave until one faults (-EFAULT if none), or
 * until the frames would run short (-ENOSPC if none got in). So a count
 * far larger than the buffer's mapping writes what the mapping holds. */
static long file_write(struct file *f, const char *u, size_t n, int64_t *off)
{
	char buf[CHUNK];
	size_t done = 0;

	if (f->flags & O_APPEND)
		*off = f->node->size;
	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		size_t got = copy_from_user_upto(buf, u + done, c);
		if (got == 0)
			return done ? (long)done : -EFAULT;
		if (vfs_may_write(f->node, *off, got) < 0)
			return done ? (long)done : -ENOSPC;
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

/* sendfile's input: kernel bytes from *off. */
static long file_read_k(struct file *f, char *buf, size_t n, int64_t *off)
{
	long r = ramfs_read(f->node, *off, buf, n);

	if (r > 0)
		*off += r;
	return r;
}

/* sendfile's output: -EFBIG when nothing fits under the file size limit. */
static long file_write_k(struct file *f, const char *buf, size_t n, int64_t *off)
{
	long w;

	if (vfs_may_write(f->node, *off, n) < 0)
		return -ENOSPC;
	if ((w = ramfs_write(f->node, *off, buf, n)) > 0)
		*off += w;
	return w ? w : -EFBIG;
}

static int64_t file_lseek(struct file *f, int64_t off, int whence)
{
	return file_seek(f, off, whence, f->node->size);
}

/* The stored data is all there is: nothing to sync. */
static int ramfs_fsync(struct file *f) { return 0; }

const struct file_ops ramfs_file_ops = {
	.read = file_read, .write = file_write, .read_k = file_read_k, .write_k = file_write_k,
	.lseek = file_lseek, .fsync = ramfs_fsync,
};

/* A directory's offset is a getdents cookie: it has no end to seek from. */
static int64_t dir_lseek(struct file *f, int64_t off, int whence)
{
	return whence == SEEK_END ? -EINVAL : file_seek(f, off, whence, 0);
}

static long dir_getdents(struct file *f, uint64_t *pos, void *buf, size_t len)
{
	return ramfs_getdents(f->node, pos, buf, len);
}

/* read is NULL: -EISDIR. */
const struct file_ops ramfs_dir_ops = {
	.lseek = dir_lseek, .getdents = dir_getdents, .fsync = ramfs_fsync,
};
