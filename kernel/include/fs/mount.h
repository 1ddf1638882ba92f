/*
 * mount.h - file systems mounted on directories of the tree.
 *
 * A mount is a fresh instance of one of the types in fs/mount.c's table
 * (tmpfs and ramfs: an empty ramfs, its root mode 01777 as Linux's tmpfs;
 * proc: the process file system, fs/procfs.h), with a device number of
 * its own (3, 4, ... in mount order, never reused: 1 is the root
 * filesystem, 2 the pipes'). Walks cross into it and back out through ".."
 * (fs/path.c); unmounting frees all of it. The same table is what
 * /proc/filesystems lists, and the mounts, in mount order, /proc/mounts.
 */
#ifndef FS_MOUNT_H
#define FS_MOUNT_H

#include <stdbool.h>
#include <stdint.h>

#include "fs/ramfs.h"

/* The type named name: its index in the table, or -ENODEV. */
int mount_type(const char *name);

/* The name of type i, and whether it needs no device (all do here): NULL past the end. */
const char *mount_type_name(int i);

/*
 * Mount a new instance of type (mount_type's index) with flags
 * (MS_RDONLY, MS_NOEXEC) on directory dir: 0, -ENOTDIR, -EBUSY ("/" or
 * already a mount root), -EPERM (a directory in procfs), -ENOENT (dir was
 * removed), -ENOMEM.
 */
int mount_new(struct rnode *dir, int type, uint32_t flags);

/*
 * Unmount the filesystem whose root is root and free it: 0, -EINVAL (not
 * the root of a mount), -EBUSY ("/", or something in it is open, a working
 * directory or a mount point).
 */
int mount_remove(struct rnode *root);

/* Call fn for each mounted instance, oldest first, with its type's name. */
void mount_each(void (*fn)(void *ctx, struct ramfs *fs, const char *type), void *ctx);

/* Give every mounted instance the time to stamp changed nodes with. */
void mount_set_time(const struct timespec *now);

#endif
