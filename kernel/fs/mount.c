/*
 * mount.c - file systems mounted on directories (see fs/mount.h).
 *
 * The list of mounted instances is kept so the clock reaches each of them
 * (ramfs stamps nodes with its own fs->now) and /proc/mounts can list them.
 * Whether an instance is in use needs no bookkeeping of its own: whatever
 * keeps a node beyond one call (an open file, a working directory) holds a
 * reference to it, and path_umount() refuses while any node has one.
 */
#include "api/errno.h"
#include "api/stat.h"
#include "fs/mount.h"
#include "fs/path.h"
#include "fs/procfs.h"
#include "fs/vfs.h"
#include "kernel.h"

/* An empty ramfs whose root is world-writable and sticky, as Linux's tmpfs. */
static struct ramfs *tmpfs_new(uint64_t dev)
{
	return ramfs_new(dev, S_ISVTX | 0777);
}

/* The types mount(2) knows, and how to make an instance of each. */
static const struct {
	const char *name;
	struct ramfs *(*make)(uint64_t dev);
} types[] = {
	{ "tmpfs", tmpfs_new },
	{ "ramfs", tmpfs_new },
	{ "proc", procfs_new },
};
#define NTYPES (int)(sizeof(types) / sizeof(types[0]))

struct mount {
	struct ramfs *fs;
	int type;
	struct mount *next;
};

static struct mount *mounts;              /* in mount order */
static uint64_t next_dev = 3;             /* 1 is the root filesystem, 2 the pipes' */

int mount_type(const char *name)
{
	for (int i = 0; i < NTYPES; i++)
		if (strcmp(name, types[i].name) == 0)
			return i;
	return -ENODEV;
}

const char *mount_type_name(int i)
{
	return i >= 0 && i < NTYPES ? types[i].name : NULL;
}

int mount_new(struct rnode *dir, int type, uint32_t flags)
{
	struct mount *m, **pp;
	struct ramfs *fs;
	int r;

	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (dir == vfs_root || dir->covered)
		return -EBUSY;                    /* the root, or a mount root already */
	if (procfs_owns(dir->fs))
		return -EPERM;                    /* its directories come and go with processes */
	if (!(m = kmalloc(sizeof(*m))))
		return -ENOMEM;
	if (!(fs = types[type].make(next_dev))) {
		kfree(m);
		return -ENOMEM;
	}
	/* The root was made before the instance knew the time: stamp it now. */
	fs->now = vfs_root->fs->now;
	fs->root->atime = fs->root->mtime = fs->root->ctime = fs->now;
	fs->flags = flags;
	if ((r = path_mount(dir, fs)) < 0) {
		ramfs_destroy(fs);
		kfree(m);
		return r;
	}
	next_dev++;
	*m = (struct mount){ fs, type, NULL };
	for (pp = &mounts; *pp; pp = &(*pp)->next)
		;
	*pp = m;
	return 0;
}

int mount_remove(struct rnode *root)
{
	struct ramfs *fs = root->fs;
	struct mount **pp, *m;
	int r;

	if (root == vfs_root)
		return -EBUSY;                    /* the root filesystem stays */
	if (root != fs->root || !root->covered)
		return -EINVAL;
	if ((r = path_umount(fs)) < 0)
		return r;
	for (pp = &mounts; *pp; pp = &(*pp)->next) {
		if ((*pp)->fs == fs) {
			m = *pp;
			*pp = m->next;
			kfree(m);
			break;
		}
	}
	ramfs_destroy(fs);
	return 0;
}

void mount_each(void (*fn)(void *ctx, struct ramfs *fs, const char *type), void *ctx)
{
	for (struct mount *m = mounts; m; m = m->next)
		fn(ctx, m->fs, types[m->type].name);
}

void mount_set_time(const struct timespec *now)
{
	for (struct mount *m = mounts; m; m = m->next)
		m->fs->now = *now;
}
