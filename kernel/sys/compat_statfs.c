/*
 * compat_statfs.c - the i386 ABI's statfs calls: statfs64 and fstatfs64
 * fill i386's packed struct statfs64, the older statfs and fstatfs its
 * struct statfs of 32-bit words (api/compat.h), both from the cores the
 * 64-bit calls use (sys_mount.c), as Linux's fs/statfs.c compat forms.
 */
#include "api/errno.h"
#include "api/statfs.h"
#include "compat.h"
#include "kernel.h"
#include "syscall.h"
#include "uaccess.h"

/* i386's struct statfs64 from the kernel's statfs. */
static long statfs64_out(uint64_t u, const struct statfs *st)
{
	struct compat_statfs64 c = {
		.f_type = (uint32_t)st->f_type, .f_bsize = (uint32_t)st->f_bsize,
		.f_blocks = st->f_blocks, .f_bfree = st->f_bfree, .f_bavail = st->f_bavail,
		.f_files = st->f_files, .f_ffree = st->f_ffree,
		.f_fsid = { st->f_fsid.val[0], st->f_fsid.val[1] },
		.f_namelen = (uint32_t)st->f_namelen, .f_frsize = (uint32_t)st->f_frsize,
		.f_flags = (uint32_t)st->f_flags,
	};

	return copy_to_user((void *)u, &c, sizeof(c));
}

/* A count fits a 32-bit word (f_files and f_ffree may also be "unknown", ~0). */
static bool fits32(uint64_t v) { return v <= 0xffffffffULL; }

/* i386's struct statfs from the kernel's: -EOVERFLOW when a block count or
 * a size needs more than 32 bits (then nothing is written), as Linux's. */
static long statfs_out(uint64_t u, const struct statfs *st)
{
	if (!fits32(st->f_blocks | st->f_bfree | st->f_bavail | (uint64_t)st->f_bsize | (uint64_t)st->f_frsize) ||
	    (st->f_files != ~0ULL && !fits32(st->f_files)) || (st->f_ffree != ~0ULL && !fits32(st->f_ffree)))
		return -EOVERFLOW;

	struct compat_statfs c = {
		.f_type = (uint32_t)st->f_type, .f_bsize = (uint32_t)st->f_bsize,
		.f_blocks = (uint32_t)st->f_blocks, .f_bfree = (uint32_t)st->f_bfree,
		.f_bavail = (uint32_t)st->f_bavail, .f_files = (uint32_t)st->f_files,
		.f_ffree = (uint32_t)st->f_ffree,
		.f_fsid = { st->f_fsid.val[0], st->f_fsid.val[1] },
		.f_namelen = (uint32_t)st->f_namelen, .f_frsize = (uint32_t)st->f_frsize,
		.f_flags = (uint32_t)st->f_flags,
	};

	return copy_to_user((void *)u, &c, sizeof(c));
}

/* statfs64(path, size, buf): size must be sizeof(struct statfs64), 84. */
long compat_sys_statfs64(struct trap_frame *tf)
{
	struct statfs st;
	long r;

	if (arg(tf, 1) != sizeof(struct compat_statfs64))
		return -EINVAL;
	r = statfs_lookup(arg(tf, 0), &st);
	return r < 0 ? r : statfs64_out(arg(tf, 2), &st);
}

/* fstatfs64(fd, size, buf) */
long compat_sys_fstatfs64(struct trap_frame *tf)
{
	struct statfs st;
	long r;

	if (arg(tf, 1) != sizeof(struct compat_statfs64))
		return -EINVAL;
	r = statfs_fd(arg(tf, 0), &st);
	return r < 0 ? r : statfs64_out(arg(tf, 2), &st);
}

/* statfs(path, buf): the old 64-byte struct statfs. */
long compat_sys_statfs(struct trap_frame *tf)
{
	struct statfs st;
	long r = statfs_lookup(arg(tf, 0), &st);

	return r < 0 ? r : statfs_out(arg(tf, 1), &st);
}

/* fstatfs(fd, buf) */
long compat_sys_fstatfs(struct trap_frame *tf)
{
	struct statfs st;
	long r = statfs_fd(arg(tf, 0), &st);

	return r < 0 ? r : statfs_out(arg(tf, 1), &st);
}
