/*
 * dev.h - the character devices: one table (dev/devices.c, as xv6's
 * devsw) of name, Linux's device number and file operations. /dev is made
 * from it at boot (fs/vfs.c), and opening an S_IFCHR node finds its row
 * by the node's rdev (vfs_open); a number with no row is -ENXIO. Each
 * device's operations live in a file of their own under kernel/dev/.
 */
#ifndef DEV_DEV_H
#define DEV_DEV_H

#include <stddef.h>
#include <stdint.h>

struct file;
struct file_ops;

/* A device number as st_rdev holds it (Linux's encoding, for majors and minors below 256). */
#define MKDEV(major, minor) ((uint64_t)(major) << 8 | (minor))

#define DEV_CONSOLE MKDEV(5, 1)

struct device {
	const char *name;                /* under /dev */
	uint64_t rdev;
	uint32_t perm;                   /* the node's permission bits */
	const struct file_ops *ops;      /* what an open file of it does */
	/* Set up the open file instead of taking ops (/dev/tty: the caller's
	 * terminal): 0 or -errno. NULL: f->ops = ops. */
	int (*open)(struct file *f);
};

extern const struct device devices[];
extern const int ndevices;

/* The row for device number rdev, or NULL. */
const struct device *dev_find(uint64_t rdev);

/* Each device's operations (dev/<name>.c). */
extern const struct file_ops null_ops, zero_ops, full_ops, random_ops, console_ops;

/* What several devices share: offset always 0 (null.c); n zeros (zero.c). */
int64_t dev_lseek_zero(struct file *f, int64_t off, int whence);
long dev_read_zeros(struct file *f, char *u, size_t n, int64_t *off);
long dev_read_zeros_k(struct file *f, char *buf, size_t n, int64_t *off);

/* /dev/tty: point f at the caller's controlling terminal (dev/console.c). */
int tty_open_ctty(struct file *f);

#endif
