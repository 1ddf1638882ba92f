/*
 * node.h - node operations: how a filesystem other than ramfs supplies the
 * nodes a path walk, open, stat and readlink see (host-tested with path.c).
 *
 * The VFS has one node type, struct rnode (fs/ramfs.h). A ramfs node's
 * `ops` is NULL and every call below does the ramfs thing. Another
 * filesystem (procfs) keeps its nodes as rnodes too -- typically in a
 * struct ramfs instance of its own, so ino, dev, lifetime (refs, nlink)
 * and "..": all work as for ramfs -- and points their `ops` at a table
 * whose non-NULL slots replace the ramfs behaviour:
 *
 *   lookup    find name in directory dir (not "." or "..": the walk does
 *             those). A synthetic directory may make the child on the fly
 *             (e.g. /proc/<pid>: ramfs_mkdir in its own tree, then fill it);
 *             the node returned is borrowed, as ramfs_lookup's.
 *   open      choose the open file's operations: set f->ops (fs/vfs.h), and
 *             f->priv if it needs state (a text generated now, at open, to
 *             be read later: file_set_text() in fs/vfs.h does exactly that).
 *             0 or -errno (-ENXIO: no such device, -ENOMEM), and then
 *             nothing left to release (the file is freed without its
 *             release operation). Without it,
 *             vfs_open() picks by the node's type: ramfs regular files and
 *             directories, the device table for S_IFCHR (dev/dev.h).
 *   getattr   fill struct stat (NULL: ramfs_stat of the stored fields).
 *   readlink  a symbolic link's text into buf (at most size bytes, no NUL):
 *             the length, or -errno (-EINVAL: not a link).
 *   follow    a "magic" link (/proc/<pid>/exe, cwd, fd/N): the node the
 *             link leads to, directly (borrowed: keep it alive yourself,
 *             e.g. it is an open file's node or a process's cwd), instead
 *             of walking readlink's text. 0 and *out, or -errno. NULL for
 *             ordinary links, which the walk follows by their text.
 *   evict     the node is about to be freed (no names, no references):
 *             drop what the filesystem hung on n->priv.
 *
 * Nothing here knows about files or processes: procfs brings those.
 */
#ifndef FS_NODE_H
#define FS_NODE_H

#include "fs/ramfs.h"

struct file;

struct node_ops {
	int (*lookup)(struct rnode *dir, const char *name, size_t len, struct rnode **out);
	int (*open)(struct rnode *n, struct file *f);
	void (*getattr)(const struct rnode *n, struct stat *st);
	long (*readlink)(struct rnode *n, char *buf, size_t size);
	int (*follow)(struct rnode *n, struct rnode **out);
	void (*evict)(struct rnode *n);
};

/* Look name up in dir through its operations (ramfs_lookup when it has none). */
static inline int node_lookup(struct rnode *dir, const char *name, size_t len, struct rnode **out)
{
	if (dir->ops && dir->ops->lookup)
		return dir->ops->lookup(dir, name, len, out);
	return ramfs_lookup(dir, name, len, out);
}

/* Fill *st for n through its operations (ramfs_stat when it has none). */
static inline void node_getattr(const struct rnode *n, struct stat *st)
{
	if (n->ops && n->ops->getattr)
		n->ops->getattr(n, st);
	else
		ramfs_stat(n, st);
}

#endif
