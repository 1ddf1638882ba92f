/*
 * sys_fileat.c - opening and asking about names relative to a directory
 * descriptor: openat (and open, creat), faccessat (faccessat2, access),
 * and the umask that open and mkdir apply.
 * Paths are resolved as upath.h says; permissions are fs/perm.c's.
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/mount.h"
#include "api/stat.h"
#include "fs/path.h"
#include "fs/perm.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "upath.h"

/* What an open file keeps of open()'s flags: the access mode and the
 * status flags F_GETFL reports (a 64-bit open is always O_LARGEFILE; a
 * 32-bit one only when asked, as Linux's compat open). */
#define OPEN_KEPT (O_ACCMODE | O_APPEND | O_NONBLOCK)

/*
 * openat(dirfd, path, flags, mode), Linux's way: unknown flags are
 * ignored, O_TRUNC empties a regular file whatever the access mode,
 * O_CREAT with O_DIRECTORY is -EINVAL. The path is copied in, then a
 * descriptor found, before anything is created or truncated, so a full
 * table changes nothing. An existing file needs the rights its access
 * mode and O_TRUNC ask for (perm_open); one this call made needs none,
 * whatever its mode, which is mode less the umask. A link as the last
 * component is followed, but with O_NOFOLLOW it is -ELOOP (-ENOTDIR with
 * O_DIRECTORY). O_PATH keeps only O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC,
 * checks no rights on the file and makes a descriptor that names it
 * (a link itself with O_NOFOLLOW) but cannot read or write it.
 */
/* An O_PATH file's operations: none (the calls refuse it before asking). */
static const struct file_ops path_file_ops;

static long do_openat(uint64_t dirfd, uint64_t upath, uint64_t flags, uint64_t mode)
{
	struct path_result res;
	struct rnode *dir = vfs_root, *n;
	struct file *f;
	int walk = 0;
	long r;
	int fd;

	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	if ((flags & O_CREAT) && (flags & O_DIRECTORY))
		return -EINVAL;
	char *path = path_in(upath, &r);
	if (!path)
		return r;
	if (path[0] == '\0' || (fd = fd_alloc(0)) < 0) {
		r = path[0] == '\0' ? -ENOENT : fd;
		kfree(path);                     /* (after the last look at it) */
		return r;
	}
	if (flags & O_NOFOLLOW)
		walk |= PATH_NOFOLLOW;
	r = path[0] == '/' ? 0 : at_dir(dirfd, &dir);     /* an absolute path ignores dirfd */
	if (r == 0 && (flags & O_CREAT)) {
		mode = (mode & S_IALLUGO) & ~(uint64_t)current()->g->umask;
		r = path_create(vfs_root, dir, path, S_IFREG | mode, walk | (flags & O_EXCL ? PATH_EXCL : 0), &n);
	} else if (r == 0) {
		r = path_walk(vfs_root, dir, path, walk, &res);
		n = res.node;
	}
	kfree(path);
	if (r < 0)
		return r;
	if ((flags & O_DIRECTORY) && !S_ISDIR(n->mode))
		return -ENOTDIR;
	if (flags & O_PATH) {
		if (!(f = file_alloc(n, O_PATH, &path_file_ops)))
			return -ENOMEM;
	} else {
		if (S_ISLNK(n->mode))
			return -ELOOP;
		if (S_ISDIR(n->mode) && ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC)))
			return -EISDIR;
		if (r == 0 && (r = perm_open(n, flags)) < 0)
			return r;
		if ((r = vfs_open(n, (flags & OPEN_KEPT) | (current()->compat ? flags & O_LARGEFILE : O_LARGEFILE), &f)) < 0)
			return r;
	}
	if ((flags & O_TRUNC) && S_ISREG(n->mode) && (r = ramfs_truncate(n, 0)) < 0) {
		file_put(f);
		return r;
	}
	current()->g->fds[fd] = f;
	current()->g->cloexec[fd] = !!(flags & O_CLOEXEC);
	return fd;
}

long sys_openat(struct trap_frame *tf) { return do_openat(arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3)); }
long sys_open(struct trap_frame *tf) { return do_openat(AT_FDCWD, arg(tf, 0), arg(tf, 1), arg(tf, 2)); }

/* creat(path, mode) is open(path, O_CREAT | O_WRONLY | O_TRUNC, mode). */
long sys_creat(struct trap_frame *tf)
{
	return do_openat(AT_FDCWD, arg(tf, 0), O_CREAT | O_WRONLY | O_TRUNC, arg(tf, 1));
}

/*
 * faccessat2(dirfd, path, mode, flags): may the caller read, write or
 * run (mode: R_OK W_OK X_OK, or F_OK for "exists") what path names?
 * The answer is the one open and execve would give (fs/perm.c): there is
 * one user, so the real and effective ids agree and AT_EACCESS changes
 * nothing. Linux's order: -EINVAL for a bad mode or flag, the path, then
 * a noexec mount (-EACCES for X_OK on a file), then the rights (-EROFS
 * for W_OK on a read-only file system, -EACCES).
 */
static long do_faccessat(uint64_t dirfd, uint64_t upath, uint64_t mode, uint64_t flags)
{
	struct rnode *n;
	long r;

	if (mode & ~(uint64_t)(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(uint64_t)(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if ((r = lookup_at(dirfd, upath, flags & (AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW), &n)) < 0)
		return r;
	if ((mode & X_OK) && S_ISREG(n->mode) && (n->fs->flags & MS_NOEXEC))
		return -EACCES;
	return mode ? perm_check(n, (int)mode) : 0;      /* R_OK W_OK X_OK are MAY_READ MAY_WRITE MAY_EXEC */
}

long sys_faccessat2(struct trap_frame *tf)
{
	return do_faccessat(arg(tf, 0), arg(tf, 1), (uint32_t)arg(tf, 2), (uint32_t)arg(tf, 3));
}
long sys_faccessat(struct trap_frame *tf) { return do_faccessat(arg(tf, 0), arg(tf, 1), (uint32_t)arg(tf, 2), 0); }
long sys_access(struct trap_frame *tf) { return do_faccessat(AT_FDCWD, arg(tf, 0), (uint32_t)arg(tf, 1), 0); }

/* umask(mask): set the mask open, creat and mkdir take from new files'
 * modes (only its 0777 bits); the old one. Inherited by fork, kept by execve. */
long sys_umask(struct trap_frame *tf)
{
	uint32_t old = current()->g->umask;

	current()->g->umask = arg(tf, 0) & 0777;
	return old;
}
