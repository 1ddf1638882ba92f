/*
 * mount.c - tmpfs instances mounted on directories (see fs/mount.h).
 *
 * The list of mounted instances is kept only so the clock reaches each of
 * them (ramfs stamps nodes with its own fs->now). Whether an instance is
 * in use needs no bookkeeping of its own: whatever keeps a node beyond one
 * call (an open file, a working directory) holds a reference to it, and
 * path_umount() refuses while any node has one.
 */
#include "api/errno.h"
#include "api/stat.h"
#include "fs/mount.h"
#include "fs/path.h"
#include "fs/vfs.h"
#include "kernel.h"

static struct ramfs *mounts;              /* mounted instances, through ->next */
static uint64_t next_dev = 3;             /* 1 is the root filesystem, 2 the pipes' */

int mount_tmpfs(struct rnode *dir, uint32_t flags)
{
	struct ramfs *fs;
	int r;

	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (dir == vfs_root || dir->covered)
		return -EBUSY;                    /* the root, or a mount root already */
	if (!(fs = ramfs_new(next_dev, S_ISVTX | 0777)))
		return -ENOMEM;
	/* The root was made before the instance knew the time: stamp it now. */
	fs->now = vfs_root->fs->now;
	fs->root->atime = fs->root->mtime = fs->root->ctime = fs->now;
	fs->flags = flags;
	if ((r = path_mount(dir, fs)) < 0) {
		ramfs_destroy(fs);
		return r;
	}
	next_dev++;
	fs->next = mounts;
	mounts = fs;
	return 0;
}

int mount_remove(struct rnode *root)
{
	struct ramfs *fs = root->fs, **pp;
	int r;

	if (root == vfs_root)
		return -EBUSY;                    /* the root filesystem stays */
	if (root != fs->root || !root->covered)
		return -EINVAL;
	if ((r = path_umount(fs)) < 0)
		return r;
	for (pp = &mounts; *pp; pp = &(*pp)->next) {
		if (*pp == fs) {
			*pp = fs->next;
			break;
		}
	}
	ramfs_destroy(fs);
	return 0;
}

void mount_set_time(const struct timespec *now)
{
	for (struct ramfs *fs = mounts; fs; fs = fs->next)
		fs->now = *now;
}
