/*
 * mount.h - tmpfs instances mounted on directories of the tree.
 *
 * Every mount is a fresh, empty ramfs with a device number of its own
 * (3, 4, ... in mount order, never reused: 1 is the root filesystem, 2 the
 * pipes'), its root mode 01777 as Linux's tmpfs. Walks cross into it and
 * back out through ".." (fs/path.c); unmounting frees all of it.
 */
#ifndef FS_MOUNT_H
#define FS_MOUNT_H

#include <stdint.h>

#include "fs/ramfs.h"

/*
 * Mount a new tmpfs with flags (MS_RDONLY, MS_NOEXEC) on directory dir:
 * 0, -ENOTDIR, -EBUSY ("/" or already a mount root), -ENOENT (dir was
 * removed), -ENOMEM.
 */
int mount_tmpfs(struct rnode *dir, uint32_t flags);

/*
 * Unmount the filesystem whose root is root and free it: 0, -EINVAL (not
 * the root of a mount), -EBUSY ("/", or something in it is open, a working
 * directory or a mount point).
 */
int mount_remove(struct rnode *root);

/* Give every mounted instance the time to stamp changed nodes with. */
void mount_set_time(const struct timespec *now);

#endif
