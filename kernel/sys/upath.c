/*
 * upath.c - user paths for the system calls (see upath.h).
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/stat.h"
#include "fs/path.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "proc.h"
#include "upath.h"
#include "uaccess.h"

char *path_in(uint64_t u, long *err)
{
	char *p = kmalloc(PATH_MAX);
	long r;

	if (!p) {
		*err = -ENOMEM;
		return NULL;
	}
	if ((r = strncpy_from_user(p, (const char *)u, PATH_MAX)) < 0) {
		kfree(p);
		*err = r;
		return NULL;
	}
	return p;
}

struct rnode *cwd(void) { return current()->g->cwd ? current()->g->cwd : vfs_root; }

long at_dir(uint64_t dirfd, struct rnode **dir)
{
	struct file *f;

	if ((int)dirfd == AT_FDCWD) {            /* dirfd is an int, as in Linux */
		*dir = cwd();
		return 0;
	}
	if (!(f = fd_file(dirfd)))
		return -EBADF;
	if (!S_ISDIR(f->node->mode))
		return -ENOTDIR;
	*dir = f->node;
	return 0;
}

long lookup_at_k(uint64_t dirfd, const char *path, int atflags, struct rnode **out)
{
	struct path_result res;
	struct rnode *dir = vfs_root;
	struct file *f;
	long r;

	if (path[0] == '\0') {
		if (!(atflags & AT_EMPTY_PATH))
			return -ENOENT;
		if ((int)dirfd == AT_FDCWD) {
			*out = cwd();
			return 0;
		}
		if (!(f = fd_file(dirfd)))
			return -EBADF;
		*out = f->node;
		return 0;
	}
	if (path[0] != '/' && (r = at_dir(dirfd, &dir)) < 0)
		return r;                            /* an absolute path ignores dirfd */
	if ((r = path_walk(vfs_root, dir, path, atflags & AT_SYMLINK_NOFOLLOW ? PATH_NOFOLLOW : 0, &res)) == 0)
		*out = res.node;
	return r;
}

long lookup_at(uint64_t dirfd, uint64_t upath, int atflags, struct rnode **out)
{
	long r;
	char *path = path_in(upath, &r);

	if (!path)
		return r;
	r = lookup_at_k(dirfd, path, atflags, out);
	kfree(path);
	return r;
}
