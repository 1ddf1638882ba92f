/*
 * sys_names.c - the calls that make, remove, rename and read names, each
 * relative to a directory descriptor and in its plain form: mkdirat
 * (mkdir), mknodat (mknod), unlinkat (unlink, rmdir), linkat (link), renameat2 (renameat,
 * rename), symlinkat (symlink), readlinkat (readlink). Paths are copied in
 * once (upath.h) and resolved by fs/path.c, whose comments give the rules
 * for the last component; errors come in Linux's order: flags, the
 * copies, the descriptors, then the walk.
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/stat.h"
#include "fs/path.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "upath.h"

/* Where path starts for dirfd: vfs_root for an absolute one (dirfd is not looked at), else at_dir's answer. */
static long start(uint64_t dirfd, const char *path, struct rnode **dir)
{
	*dir = vfs_root;
	return path[0] == '/' ? 0 : at_dir(dirfd, dir);
}

/* mkdirat(dirfd, path, mode): the mode less the umask. */
static long do_mkdirat(uint64_t dirfd, uint64_t upath, uint64_t mode)
{
	struct rnode *dir;
	long r;
	char *path = path_in(upath, &r);

	if (!path)
		return r;
	if (path[0] == '\0')
		r = -ENOENT;
	else if ((r = start(dirfd, path, &dir)) == 0)
		r = path_mkdir(vfs_root, dir, path, mode & 07777 & ~current()->g->umask);
	kfree(path);
	return r;
}

long sys_mkdirat(struct trap_frame *tf) { return do_mkdirat(arg(tf, 0), arg(tf, 1), arg(tf, 2)); }
long sys_mkdir(struct trap_frame *tf) { return do_mkdirat(AT_FDCWD, arg(tf, 0), arg(tf, 1)); }

/*
 * mknodat(dirfd, path, mode, dev): a FIFO, a regular file (type 0 too),
 * a character or block device node (everyone is root: allowed) or a
 * socket node, its permission bits less the umask. Linux's order: the
 * type first (a directory -EPERM, anything else unknown -EINVAL), then
 * the path. mode is a umode_t and dev an unsigned int (the low bits of
 * the registers); dev is kept only for devices, in st_rdev's encoding.
 */
static long do_mknodat(uint64_t dirfd, uint64_t upath, uint16_t mode, uint32_t dev)
{
	struct rnode *dir;
	long r;
	char *path;

	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	if (!S_ISCHR(mode) && !S_ISBLK(mode))
		dev = 0;
	if (!(path = path_in(upath, &r)))
		return r;
	if (path[0] == '\0')
		r = -ENOENT;
	else if ((r = start(dirfd, path, &dir)) == 0)
		r = path_mknod(vfs_root, dir, path, mode & ~current()->g->umask, dev);
	kfree(path);
	return r;
}

long sys_mknodat(struct trap_frame *tf) { return do_mknodat(arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3)); }
long sys_mknod(struct trap_frame *tf) { return do_mknodat(AT_FDCWD, arg(tf, 0), arg(tf, 1), arg(tf, 2)); }

/* unlinkat(dirfd, path, flags): AT_REMOVEDIR makes it rmdir; any other flag is -EINVAL. */
static long do_unlinkat(uint64_t dirfd, uint64_t upath, uint64_t flags)
{
	struct rnode *dir;
	long r;
	char *path;

	if (flags & ~(uint64_t)AT_REMOVEDIR)
		return -EINVAL;
	if (!(path = path_in(upath, &r)))
		return r;
	if (path[0] == '\0')
		r = -ENOENT;
	else if ((r = start(dirfd, path, &dir)) == 0)
		r = flags & AT_REMOVEDIR ? path_rmdir(vfs_root, dir, path) : path_unlink(vfs_root, dir, path);
	kfree(path);
	return r;
}

long sys_unlinkat(struct trap_frame *tf) { return do_unlinkat(arg(tf, 0), arg(tf, 1), (uint32_t)arg(tf, 2)); }
long sys_unlink(struct trap_frame *tf) { return do_unlinkat(AT_FDCWD, arg(tf, 0), 0); }
long sys_rmdir(struct trap_frame *tf) { return do_unlinkat(AT_FDCWD, arg(tf, 0), AT_REMOVEDIR); }

/* Copy in two user paths; 0, or -errno with nothing left to free. */
static long two_in(uint64_t ua, uint64_t ub, char **a, char **b)
{
	long r;

	if (!(*a = path_in(ua, &r)))
		return r;
	if (!(*b = path_in(ub, &r))) {
		kfree(*a);
		return r;
	}
	return 0;
}

/*
 * linkat(olddirfd, oldpath, newdirfd, newpath, flags): oldpath's last
 * link is given the name itself unless AT_SYMLINK_FOLLOW; with
 * AT_EMPTY_PATH an empty oldpath is olddirfd's own file. Other flags are
 * -EINVAL.
 */
static long do_linkat(uint64_t olddirfd, uint64_t uold, uint64_t newdirfd, uint64_t unew, uint64_t flags)
{
	struct rnode *old, *dir;
	char *a, *b;
	long r;

	if (flags & ~(uint64_t)(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if ((r = two_in(uold, unew, &a, &b)) < 0)
		return r;
	r = lookup_at_k(olddirfd, a, (flags & AT_EMPTY_PATH) | (flags & AT_SYMLINK_FOLLOW ? 0 : AT_SYMLINK_NOFOLLOW), &old);
	if (r == 0 && b[0] == '\0')
		r = -ENOENT;
	if (r == 0 && (r = start(newdirfd, b, &dir)) == 0)
		r = path_link_node(vfs_root, dir, old, b);
	kfree(a);
	kfree(b);
	return r;
}

long sys_linkat(struct trap_frame *tf)
{
	return do_linkat(arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), (uint32_t)arg(tf, 4));
}
long sys_link(struct trap_frame *tf) { return do_linkat(AT_FDCWD, arg(tf, 0), AT_FDCWD, arg(tf, 1), 0); }

/* renameat2(olddirfd, oldpath, newdirfd, newpath, flags): RENAME_NOREPLACE, RENAME_EXCHANGE (fs/path.h). */
static long do_renameat2(uint64_t olddirfd, uint64_t uold, uint64_t newdirfd, uint64_t unew, uint64_t flags)
{
	struct rnode *odir, *ndir;
	char *a, *b;
	long r;

	/* RENAME_WHITEOUT (overlayfs's) is not offered: -EINVAL, like any unknown flag. */
	if (flags & ~(uint64_t)(RENAME_NOREPLACE | RENAME_EXCHANGE) ||
	    ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE)))
		return -EINVAL;
	if ((r = two_in(uold, unew, &a, &b)) < 0)
		return r;
	if (a[0] == '\0' || b[0] == '\0')
		r = -ENOENT;
	else if ((r = start(olddirfd, a, &odir)) == 0 && (r = start(newdirfd, b, &ndir)) == 0)
		r = path_rename(vfs_root, odir, a, ndir, b, (unsigned)flags);
	kfree(a);
	kfree(b);
	return r;
}

long sys_renameat2(struct trap_frame *tf)
{
	return do_renameat2(arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), (uint32_t)arg(tf, 4));
}
long sys_renameat(struct trap_frame *tf) { return do_renameat2(arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), 0); }
long sys_rename(struct trap_frame *tf) { return do_renameat2(AT_FDCWD, arg(tf, 0), AT_FDCWD, arg(tf, 1), 0); }

/* symlinkat(target, newdirfd, linkpath): the target is stored as given, never resolved; an empty one is -ENOENT. */
static long do_symlinkat(uint64_t utarget, uint64_t newdirfd, uint64_t upath)
{
	struct rnode *dir;
	char *target, *path;
	long r;

	if ((r = two_in(utarget, upath, &target, &path)) < 0)
		return r;
	if (target[0] == '\0' || path[0] == '\0')
		r = -ENOENT;
	else if ((r = start(newdirfd, path, &dir)) == 0)
		r = path_symlink(vfs_root, dir, target, path);
	kfree(target);
	kfree(path);
	return r;
}

long sys_symlinkat(struct trap_frame *tf) { return do_symlinkat(arg(tf, 0), arg(tf, 1), arg(tf, 2)); }
long sys_symlink(struct trap_frame *tf) { return do_symlinkat(arg(tf, 0), AT_FDCWD, arg(tf, 1)); }

/*
 * readlinkat(dirfd, path, buf, size): copy the target of the link path
 * names (not followed) into buf, at most size bytes and no NUL: the count.
 * A size <= 0 is -EINVAL before the path; something not a link is
 * -EINVAL, and an empty path (dirfd's own file, a link opened with
 * O_PATH | O_NOFOLLOW) that is not a link -ENOENT, as Linux answers.
 */
static long do_readlinkat(uint64_t dirfd, uint64_t upath, uint64_t ubuf, uint64_t size)
{
	struct rnode *n;
	long r;
	char *path;

	if ((int)size <= 0)
		return -EINVAL;
	if (!(path = path_in(upath, &r)))
		return r;
	r = lookup_at_k(dirfd, path, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, &n);
	if (r == 0 && !S_ISLNK(n->mode))
		r = path[0] ? -EINVAL : -ENOENT;
	if (r == 0) {
		/* The text into path's buffer (PATH_MAX bytes): no link holds more. */
		r = node_readlink(n, path, (uint32_t)size < PATH_MAX ? (uint32_t)size : PATH_MAX);
		if (r >= 0 && copy_to_user((void *)ubuf, path, r) < 0)
			r = -EFAULT;
	}
	kfree(path);
	return r;
}

long sys_readlinkat(struct trap_frame *tf) { return do_readlinkat(arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3)); }
long sys_readlink(struct trap_frame *tf) { return do_readlinkat(AT_FDCWD, arg(tf, 0), arg(tf, 1), arg(tf, 2)); }
