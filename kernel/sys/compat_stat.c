/*
 * compat_stat.c - the i386 ABI's stat64 family: stat64, lstat64, fstat64
 * and fstatat64 fill i386's struct stat64 (api/compat.h) from the same
 * node_getattr the 64-bit calls use (sys_file.c). Its 64-bit st_ino,
 * st_size and st_blocks hold every value; the old truncated __st_ino
 * gets the low half, as Linux's. (stat, lstat and fstat with i386's
 * older struct stat are not offered: 32-bit libcs use these.)
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/stat.h"
#include "compat.h"
#include "kernel.h"
#include "syscall.h"
#include "uaccess.h"

/* Copy st out as i386's struct stat64: 0 or -EFAULT. */
static long stat64_out(uint64_t ubuf, const struct stat *st)
{
	struct compat_stat64 c = {
		.st_dev = st->st_dev, .__st_ino = (uint32_t)st->st_ino,
		.st_mode = st->st_mode, .st_nlink = (uint32_t)st->st_nlink,
		.st_uid = st->st_uid, .st_gid = st->st_gid, .st_rdev = st->st_rdev,
		.st_size = st->st_size, .st_blksize = (uint32_t)st->st_blksize,
		.st_blocks = (uint64_t)st->st_blocks,
		.st_atime = (uint32_t)st->st_atim.tv_sec, .st_atime_nsec = (uint32_t)st->st_atim.tv_nsec,
		.st_mtime = (uint32_t)st->st_mtim.tv_sec, .st_mtime_nsec = (uint32_t)st->st_mtim.tv_nsec,
		.st_ctime = (uint32_t)st->st_ctim.tv_sec, .st_ctime_nsec = (uint32_t)st->st_ctim.tv_nsec,
		.st_ino = st->st_ino,
	};

	return copy_to_user((void *)ubuf, &c, sizeof(c));
}

static long stat64_at(uint64_t dirfd, uint64_t upath, uint64_t flags, uint64_t ubuf)
{
	struct stat st;
	long r = stat_lookup(dirfd, upath, flags, &st);

	return r < 0 ? r : stat64_out(ubuf, &st);
}

/* stat64(path, buf) */
long compat_sys_stat64(struct trap_frame *tf) { return stat64_at(AT_FDCWD, arg(tf, 0), 0, arg(tf, 1)); }

/* lstat64(path, buf): a link as the last component is described itself. */
long compat_sys_lstat64(struct trap_frame *tf)
{
	return stat64_at(AT_FDCWD, arg(tf, 0), AT_SYMLINK_NOFOLLOW, arg(tf, 1));
}

/* fstat64(fd, buf) */
long compat_sys_fstat64(struct trap_frame *tf)
{
	struct stat st;
	long r = stat_fd(arg(tf, 0), &st);

	return r < 0 ? r : stat64_out(arg(tf, 1), &st);
}

/* fstatat64(dirfd, path, buf, flags): newfstatat's rules; dirfd is an
 * int (AT_FDCWD is -100 in ebx). */
long compat_sys_fstatat64(struct trap_frame *tf)
{
	return stat64_at((uint64_t)(int64_t)(int32_t)arg(tf, 0), arg(tf, 1), (uint32_t)arg(tf, 3), arg(tf, 2));
}
