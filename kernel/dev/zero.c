/*
 * zero.c - /dev/zero (1:5): endless zeros; writes are swallowed.
 */
#include "api/errno.h"
#include "dev/dev.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "uaccess.h"

#define CHUNK 256

/* n zero bytes to user memory: the count, short at a bad page. (Also /dev/full's.) */
long dev_read_zeros(struct file *f, char *u, size_t n, int64_t *off)
{
	static const char zeros[CHUNK];
	size_t done = 0;

	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		size_t got = copy_to_user_upto(u + done, zeros, c);
		done += got;
		if (got < c)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

/* n zero bytes into kernel memory (sendfile). */
long dev_read_zeros_k(struct file *f, char *buf, size_t n, int64_t *off)
{
	memset(buf, 0, n);
	return n;
}

static long zero_write(struct file *f, const char *u, size_t n, int64_t *off) { return n; }
static long zero_write_k(struct file *f, const char *buf, size_t n, int64_t *off) { return n; }

const struct file_ops zero_ops = {
	.read = dev_read_zeros, .write = zero_write, .read_k = dev_read_zeros_k, .write_k = zero_write_k,
	.lseek = dev_lseek_zero,
};
