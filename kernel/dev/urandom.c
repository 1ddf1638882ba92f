/*
 * urandom.c - /dev/random (1:8) and /dev/urandom (1:9): bytes from the
 * kernel's ChaCha20 generator (dev/random.c), which is seeded before init
 * runs, so neither ever blocks (as Linux's once its pool is ready).
 * Writes are taken and dropped (Linux mixes them into its pool; a
 * program cannot tell the difference). Seeking does nothing.
 */
#include "api/errno.h"
#include "dev/dev.h"
#include "dev/random.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "uaccess.h"

static long random_read(struct file *f, char *u, size_t n, int64_t *off)
{
	size_t done = random_to_user(u, n);

	return done ? (long)done : -EFAULT;
}

static long random_read_k(struct file *f, char *buf, size_t n, int64_t *off)
{
	random_bytes(buf, n);
	return n;
}

static long random_write(struct file *f, const char *u, size_t n, int64_t *off) { return n; }
static long random_write_k(struct file *f, const char *buf, size_t n, int64_t *off) { return n; }

/* Linux's noop_llseek: the offset stays what it is. */
static int64_t random_lseek(struct file *f, int64_t off, int whence) { return f->off; }

const struct file_ops random_ops = {
	.read = random_read, .write = random_write, .read_k = random_read_k, .write_k = random_write_k,
	.lseek = random_lseek,
};
