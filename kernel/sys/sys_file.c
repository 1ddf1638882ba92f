/*
 * sys_file.c - the file calls: descriptors (close, lseek, fstat,
 * getdents64, ftruncate, fchmod) and names (stat, lstat, newfstatat,
 * truncate, chdir, getcwd, chmod, fchmodat), over fs/vfs.c and fs/path.c;
 * permissions are fs/perm.c's. Every path is copied in once (path_in,
 * upath.h) and only the copy is used. open and the other *at calls are in
 * sys_fileat.c, the calls that make, remove and rename names in
 * sys_names.c, dup and fcntl in sys_fd.c.
 */
#include "api/dirent.h"
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/stat.h"
#include "compat.h"
#include "fs/path.h"
#include "fs/perm.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "upath.h"

/* The node a user path names (borrowed): 0, or -errno. */
static long lookup(uint64_t upath, struct rnode **out) { return lookup_at(AT_FDCWD, upath, 0, out); }

long sys_close(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	if (!f)
		return -EBADF;
	current()->g->fds[index_nospec((uint32_t)arg(tf, 0), NOFILE)] = NULL;
	file_put(f);
	return 0;
}

long do_lseek(uint64_t fd, int64_t off, uint64_t whence)
{
	struct file *f = fd_file(fd);

	if (!f || file_is_path(f))
		return -EBADF;
	if (!f->ops->lseek)
		return -ESPIPE;                     /* a stream: a pipe, a terminal */
	return f->ops->lseek(f, off, whence);
}

long sys_lseek(struct trap_frame *tf) { return do_lseek(arg(tf, 0), arg(tf, 1), arg(tf, 2)); }

/* struct stat for a node (every open file has one), from its operations. */
static long stat_out(struct rnode *n, uint64_t ubuf)
{
	struct stat st;

	node_getattr(n, &st);
	return copy_to_user((void *)ubuf, &st, sizeof(st));
}

long stat_fd(uint64_t fd, struct stat *st)
{
	struct file *f = fd_file(fd);

	if (!f)
		return -EBADF;
	node_getattr(f->node, st);
	return 0;
}

long stat_lookup(uint64_t dirfd, uint64_t upath, uint64_t flags, struct stat *st)
{
	struct rnode *n;
	long r;

	if (flags & ~(uint64_t)(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	r = lookup_at(dirfd, upath, flags & (AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW), &n);
	if (r == 0)
		node_getattr(n, st);
	return r;
}

long sys_fstat(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	if (!f)
		return -EBADF;
	return stat_out(f->node, arg(tf, 1));
}

long sys_stat(struct trap_frame *tf)
{
	struct rnode *n;
	long r = lookup(arg(tf, 0), &n);

	return r < 0 ? r : stat_out(n, arg(tf, 1));
}

/* lstat: stat, but a link as the last component is described itself. */
long sys_lstat(struct trap_frame *tf)
{
	struct rnode *n;
	long r = lookup_at(AT_FDCWD, arg(tf, 0), AT_SYMLINK_NOFOLLOW, &n);

	return r < 0 ? r : stat_out(n, arg(tf, 1));
}

/*
 * newfstatat(dirfd, path, buf, flags): stat relative to dirfd; with
 * AT_EMPTY_PATH, "" is dirfd's own file (fstat, for any kind of file).
 * with AT_SYMLINK_NOFOLLOW a link is described itself (lstat). Unknown
 * flags are -EINVAL before the path is looked at, as in Linux.
 */
long sys_newfstatat(struct trap_frame *tf)
{
	uint64_t flags = (uint32_t)arg(tf, 3);
	struct rnode *n;
	long r;

	if (flags & ~(uint64_t)(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	r = lookup_at(arg(tf, 0), arg(tf, 1), flags & (AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW), &n);
	return r < 0 ? r : stat_out(n, arg(tf, 2));
}

long do_getdents64(uint64_t fd, uint64_t ubuf, uint64_t len, long (*conv)(char *buf, long n))
{
	struct file *f = fd_file(fd);
	uint64_t pos;
	long r;

	if (!f || file_is_path(f))
		return -EBADF;
	if (!f->ops->getdents)
		return -ENOTDIR;
	if (!user_range_ok(ubuf, len))
		return -EFAULT;
	if (len > 4096)
		len = 4096;                         /* one page of records per call */
	char *kbuf = kmalloc(len ? len : 1);
	if (!kbuf)
		return -ENOMEM;
	pos = f->off;
	r = f->ops->getdents(f, &pos, kbuf, len);
	if (r > 0 && conv)
		r = conv(kbuf, r);
	if (r > 0 && copy_to_user((void *)ubuf, kbuf, r) < 0)
		r = -EFAULT;
	else if (r >= 0)
		f->off = pos;
	kfree(kbuf);
	return r;
}

long sys_getdents64(struct trap_frame *tf) { return do_getdents64(arg(tf, 0), arg(tf, 1), arg(tf, 2), NULL); }

/* Set n's size, in Linux's order of errors: -EINVAL (negative), then
 * -EFBIG (over the file size limit). No -ENOSPC, as on tmpfs: growing
 * makes a hole, which takes no pages, and a cut takes at most the copy of
 * a last page someone maps (-ENOMEM when even that is not there). */
static long truncate_node(struct rnode *n, uint64_t len)
{
	if ((int64_t)len < 0)
		return -EINVAL;
	if (len > RAMFS_FILE_MAX)
		return -EFBIG;
	return ramfs_truncate(n, (int64_t)len);
}

long sys_ftruncate(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	if (!f || file_is_path(f))
		return -EBADF;
	if (!S_ISREG(f->node->mode) || !file_writable(f))
		return -EINVAL;                     /* pipes are S_IFIFO, devices S_IFCHR */
	return truncate_node(f->node, arg(tf, 1));
}

long sys_truncate(struct trap_frame *tf)
{
	struct rnode *n;
	long r = lookup(arg(tf, 0), &n);

	if (r < 0)
		return r;
	if (S_ISDIR(n->mode))
		return -EISDIR;
	if (S_ISREG(n->mode) && (r = perm_check(n, MAY_WRITE)) < 0)
		return r;
	return truncate_node(n, arg(tf, 1));
}

long sys_chdir(struct trap_frame *tf)
{
	struct rnode *n;
	long r = lookup(arg(tf, 0), &n);

	if (r < 0)
		return r;
	if (!S_ISDIR(n->mode))
		return -ENOTDIR;
	if ((r = perm_check(n, MAY_EXEC)) < 0)
		return r;
	rnode_get(n);
	if (current()->g->cwd)
		rnode_put(current()->g->cwd);
	current()->g->cwd = n;
	return 0;
}

/* getcwd(buf, size): the length with the NUL, as Linux's system call returns. */
long sys_getcwd(struct trap_frame *tf)
{
	uint64_t ubuf = arg(tf, 0), size = arg(tf, 1);
	char *k;
	long r;

	if (size == 0)
		return -ERANGE;
	if (size > PATH_MAX)
		size = PATH_MAX;
	if (!(k = kmalloc(size)))
		return -ENOMEM;
	r = path_getcwd(vfs_root, cwd(), k, size);
	if (r > 0 && copy_to_user((void *)ubuf, k, r) < 0)
		r = -EFAULT;
	kfree(k);
	return r;
}

/* Set n's permission bits: the owner (every process) may, unless the filesystem is read-only. */
static long chmod_node(struct rnode *n, uint64_t mode)
{
	long r = perm_setattr(n);

	if (r == 0)
		ramfs_chmod(n, (uint32_t)mode & S_IALLUGO);
	return r;
}

long sys_chmod(struct trap_frame *tf)
{
	struct rnode *n;
	long r = lookup(arg(tf, 0), &n);

	return r < 0 ? r : chmod_node(n, arg(tf, 1));
}

/* fchmodat(dirfd, path, mode): chmod relative to dirfd (the system call has no flags). */
long sys_fchmodat(struct trap_frame *tf)
{
	struct rnode *n;
	long r = lookup_at(arg(tf, 0), arg(tf, 1), 0, &n);

	return r < 0 ? r : chmod_node(n, arg(tf, 2));
}

/* fchmod works on any open file, as on Linux: a pipe's or the console's node too. */
long sys_fchmod(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	return f && !file_is_path(f) ? chmod_node(f->node, arg(tf, 1)) : -EBADF;
}
