/*
 * sys_owner.c - chown, fchown, lchown and fchownat: a file's owner and
 * group. Every process is root (docs/abi.md, Credentials), so any ids
 * may be given; permissions are still the owner bits whoever owns the
 * file (fs/perm.c), so an owner only shows in stat.
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/stat.h"
#include "fs/perm.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "upath.h"

/*
 * Give n owner uid and group gid, each unchanged when -1 (they are
 * Linux's 32-bit uid_t and gid_t: the low 32 bits count). As Linux does,
 * for root too: a non-directory loses S_ISUID, and S_ISGID when it is
 * group-executable, even when neither id changes; ctime is now. Only a
 * read-only filesystem refuses (-EROFS).
 */
static long chown_node(struct rnode *n, uint64_t uid, uint64_t gid)
{
	uint32_t u = (uint32_t)uid, g = (uint32_t)gid;
	long r = perm_setattr(n);

	if (r < 0)
		return r;
	if (u != (uint32_t)-1)
		n->uid = u;
	if (g != (uint32_t)-1)
		n->gid = g;
	if (!S_ISDIR(n->mode)) {
		n->mode &= ~(uint32_t)S_ISUID;
		if (n->mode & S_IXGRP)
			n->mode &= ~(uint32_t)S_ISGID;
	}
	n->ctime = n->fs->now;
	return 0;
}

/* fchownat(dirfd, path, uid, gid, flags): AT_SYMLINK_NOFOLLOW (a link's own ids), AT_EMPTY_PATH; others -EINVAL first. */
static long do_fchownat(uint64_t dirfd, uint64_t upath, uint64_t uid, uint64_t gid, uint64_t flags)
{
	struct rnode *n;
	long r;

	if (flags & ~(uint64_t)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if ((r = lookup_at(dirfd, upath, (int)flags, &n)) < 0)
		return r;
	return chown_node(n, uid, gid);
}

long sys_fchownat(struct trap_frame *tf)
{
	return do_fchownat(arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), (uint32_t)arg(tf, 4));
}
long sys_chown(struct trap_frame *tf) { return do_fchownat(AT_FDCWD, arg(tf, 0), arg(tf, 1), arg(tf, 2), 0); }
long sys_lchown(struct trap_frame *tf)
{
	return do_fchownat(AT_FDCWD, arg(tf, 0), arg(tf, 1), arg(tf, 2), AT_SYMLINK_NOFOLLOW);
}

/* fchown works on any open file but an O_PATH one (-EBADF), as fchmod. */
long sys_fchown(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	return f && !file_is_path(f) ? chown_node(f->node, arg(tf, 1), arg(tf, 2)) : -EBADF;
}
