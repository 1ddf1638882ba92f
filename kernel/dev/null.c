/*
 * null.c - /dev/null (1:3): takes everything, gives nothing.
 */
#include "dev/dev.h"
#include "fs/vfs.h"

static long null_read(struct file *f, char *u, size_t n, int64_t *off) { return 0; }
static long null_write(struct file *f, const char *u, size_t n, int64_t *off) { return n; }
static long null_read_k(struct file *f, char *buf, size_t n, int64_t *off) { return 0; }
static long null_write_k(struct file *f, const char *buf, size_t n, int64_t *off) { return n; }

/* Nothing to seek in: always offset 0, whatever the request (Linux's null_lseek). */
int64_t dev_lseek_zero(struct file *f, int64_t off, int whence) { return f->off = 0; }

const struct file_ops null_ops = {
	.read = null_read, .write = null_write, .read_k = null_read_k, .write_k = null_write_k,
	.lseek = dev_lseek_zero,
};
