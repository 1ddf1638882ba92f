/*
 * full.c - /dev/full (1:7): reads zeros, and every write finds the
 * device full (-ENOSPC).
 */
#include "api/errno.h"
#include "dev/dev.h"
#include "fs/vfs.h"

static long full_write(struct file *f, const char *u, size_t n, int64_t *off) { return -ENOSPC; }
static long full_write_k(struct file *f, const char *buf, size_t n, int64_t *off) { return -ENOSPC; }

const struct file_ops full_ops = {
	.read = dev_read_zeros, .write = full_write, .read_k = dev_read_zeros_k, .write_k = full_write_k,
	.lseek = dev_lseek_zero,
};
