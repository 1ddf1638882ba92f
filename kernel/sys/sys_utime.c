/*
 * sys_utime.c - utimensat: setting a file's access and modification
 * times, Linux's way (utimensat(2)), for touch and tar.
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/stat.h"
#include "fs/perm.h"
#include "fs/vfs.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "upath.h"

/* A tv_nsec utimensat takes: 0..999999999, UTIME_NOW or UTIME_OMIT. */
static bool nsec_ok(int64_t ns)
{
	return (ns >= 0 && ns <= 999999999) || ns == UTIME_NOW || ns == UTIME_OMIT;
}

/* Set one of n's times from t (UTIME_NOW: now, UTIME_OMIT: leave it). */
static void set_time(struct timespec *field, const struct timespec *t, const struct timespec *now)
{
	if (t->tv_nsec == UTIME_OMIT)
		return;
	*field = t->tv_nsec == UTIME_NOW ? *now : *t;
}

/*
 * utimensat(dirfd, path, times, flags): times[0] is the access time,
 * times[1] the modification time; NULL sets both to now. Linux's order:
 * the times are copied (-EFAULT), both UTIME_OMIT does nothing (the path
 * is not even looked at), a bad tv_nsec is -EINVAL; then a NULL path
 * with a descriptor is futimens (flags must be 0), else flags other than
 * AT_SYMLINK_NOFOLLOW (a link's own times) and AT_EMPTY_PATH are -EINVAL,
 * then the path. Every process owns every file, so only a read-only
 * filesystem refuses (-EROFS); the change time becomes now.
 */
static long do_utimensat(struct trap_frame *tf, bool ts32)
{
	uint64_t dirfd = arg(tf, 0), upath = arg(tf, 1), utimes = arg(tf, 2), flags = (uint32_t)arg(tf, 3);
	struct timespec t[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	struct file *f;
	struct rnode *n;
	long r;

	if (utimes) {
		if (ts32 ? get_compat_timespec(utimes, &t[0]) < 0 ||
			   get_compat_timespec(utimes + sizeof(struct compat_timespec), &t[1]) < 0
			 : copy_from_user(t, (const void *)utimes, sizeof(t)) < 0)
			return -EFAULT;
		if (t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
			return 0;
		if (!nsec_ok(t[0].tv_nsec) || !nsec_ok(t[1].tv_nsec))
			return -EINVAL;
	}
	if (!upath && (int)dirfd != AT_FDCWD) {
		if (flags)
			return -EINVAL;
		if (!(f = fd_file(dirfd)) || file_is_path(f))
			return -EBADF;                   /* futimens takes a file: not O_PATH (Linux's fdget) */
		n = f->node;
	} else {
		if (flags & ~(uint64_t)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
			return -EINVAL;
		if ((r = lookup_at(dirfd, upath, (int)flags, &n)) < 0)
			return r;
	}
	if ((r = perm_setattr(n)) < 0)
		return r;
	set_time(&n->atime, &t[0], &n->fs->now);
	set_time(&n->mtime, &t[1], &n->fs->now);
	n->ctime = n->fs->now;
	return 0;
}

long sys_utimensat(struct trap_frame *tf) { return do_utimensat(tf, false); }

/* utimensat for the i386 ABI: two 32-bit timespecs (utimensat_time64
 * shares sys_utimensat). */
long compat_sys_utimensat(struct trap_frame *tf) { return do_utimensat(tf, true); }
