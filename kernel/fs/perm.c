/*
 * perm.c - the permission rule (see fs/perm.h): the owner's bits, a
 * read-only or noexec mount, nothing else; and no chmod of procfs.
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/mount.h"
#include "fs/fs_env.h"
#include "fs/node.h"
#include "fs/perm.h"

int perm_check(const struct rnode *n, int want)
{
	uint32_t type = n->mode & S_IFMT;

	/* Linux refuses writes on a read-only mount first, but only for what lives in it. */
	if ((want & MAY_WRITE) && (n->fs->flags & MS_RDONLY) && (type == S_IFREG || type == S_IFDIR))
		return -EROFS;
	if ((want & MAY_EXEC) && (n->fs->flags & MS_NOEXEC) && type == S_IFREG)
		return -EACCES;
	/* The owner's bits (0700) are the MAY_* bits shifted left by 6: any wanted one missing refuses. */
	if ((uint32_t)want & ~(n->mode >> 6) & 7)
		return -EACCES;
	return 0;
}

int perm_open(const struct rnode *n, uint32_t flags)
{
	/* O_RDONLY, O_WRONLY, O_RDWR, and 3, which Linux checks as both. */
	static const int rights[4] = { MAY_READ, MAY_WRITE, MAY_READ | MAY_WRITE, MAY_READ | MAY_WRITE };
	int want = rights[flags & O_ACCMODE];

	if (flags & O_TRUNC)
		want |= MAY_WRITE;
	return perm_check(n, want);
}

int perm_setattr(const struct rnode *n)
{
	if (n->fs->flags & MS_RDONLY)
		return -EROFS;
	return n->ops ? -EPERM : 0;          /* procfs's nodes keep their modes, as Linux's /proc/<pid> */
}
