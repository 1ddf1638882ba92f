/*
 * path.h - resolving path names over ramfs trees (host-tested).
 *
 * A walk starts at root for an absolute path and at cwd otherwise, and takes
 * one component at a time: slashes repeat freely, "." stays, ".." goes to
 * the parent except at root (a process's root is a ceiling, as after
 * chroot).
 *
 * Symbolic links (path_resolution(7)): a link met before the last
 * component is always followed; the last one is followed unless the
 * caller says PATH_NOFOLLOW, but a trailing slash after it always follows
 * and asks for a directory. A relative target resolves from the link's
 * directory, an absolute one from root. One resolution follows at most
 * MAXSYMLINKS links: the next is -ELOOP. node_get_link() is the one place
 * a link is read, so a filesystem whose links name a node directly
 * (procfs's "magic" links) plugs in there.
 *
 * Mounts: a directory whose `mounted` is set is covered by another ramfs's
 * root, and every step that lands on it goes on to that root. ".." from a
 * mounted root first drops back to the directory it covers, so it leaves
 * the mounted filesystem. path_mount()/path_umount() set and clear the pair.
 *
 * The path_* operations at the end are the system calls' rules for the last
 * component ("/", ".", "..", a trailing slash) on top of the ramfs ones;
 * each comment names what Linux returns, which is what they return.
 *
 * Permissions (fs/perm.h): a walk needs search (x) on every directory it
 * looks a component up in, so -EACCES can come from any call here. The
 * calls that add or remove a name also need w and x on that directory
 * (-EACCES, or -EROFS on a read-only mount), asked after the name's own
 * checks, so an existing name is still -EEXIST and a missing one -ENOENT.
 */
#ifndef FS_PATH_H
#define FS_PATH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fs/ramfs.h"

#define PATH_MAX 4096   /* bytes in a path, its NUL included */
#define NAME_MAX 255    /* bytes in one component */

/* path_walk() flags. */
#define PATH_PARENT   1 /* stop at the directory holding the last component */
#define PATH_NOFOLLOW 2 /* a link as the last component is the result (without a trailing slash) */
#define PATH_EXCL     4 /* path_create: O_EXCL */

#define MAXSYMLINKS 40  /* links one resolution may follow (Linux's) */

/* What the last component is (PATH_PARENT). */
enum path_last {
	PATH_LAST_NORM,     /* a name */
	PATH_LAST_DOT,      /* "." */
	PATH_LAST_DOTDOT,   /* ".." */
	PATH_LAST_ROOT,     /* none: the path is only slashes */
};

struct path_result {
	struct rnode *node;     /* the node; with PATH_PARENT the directory holding last */
	const char *last;       /* PATH_PARENT: the last component, in the path; not NUL-terminated */
	size_t lastlen;         /* 0 for PATH_LAST_ROOT */
	int lasttype;           /* enum path_last */
	bool slash;             /* the path ends in '/' after a component */
};

/*
 * Resolve path from root (absolute) or cwd (relative) into *res: 0, or
 * -ENOENT (empty path, a missing component, a removed directory),
 * -ENOTDIR (a file used as a directory, or followed by '/'),
 * -ENAMETOOLONG (a component over NAME_MAX, a path of PATH_MAX or more),
 * -EACCES (a directory to look a component up in lacks x),
 * -ELOOP (more than MAXSYMLINKS links).
 * With PATH_PARENT every component but the last is resolved and the last
 * is returned unresolved (its length is still checked).
 */
int path_walk(struct rnode *root, struct rnode *cwd, const char *path, int flags,
	      struct path_result *res);

/*
 * What link n holds: 0 with its target text in *text (NUL-terminated,
 * *len bytes: what readlink shows), and *node NULL when the walk is to
 * resolve that text, or the node the link names directly (a "magic" link,
 * one whose node has a follow operation, fs/node.h: the walk takes it and
 * the text is ""). -EINVAL when n is not a link; a magic link's follow
 * may fail (-ENOENT: what it named is gone).
 */
int node_get_link(struct rnode *n, const char **text, size_t *len, struct rnode **node);

/* What readlink(2) shows of link n: up to size bytes of its text into buf
 * (no NUL), through its readlink operation when it has one. The length,
 * or -EINVAL (not a link) or the operation's error. */
long node_readlink(struct rnode *n, char *buf, size_t size);

/*
 * Write the absolute path of directory dir as seen from root into buf:
 * the length with the NUL (as the getcwd system call returns), -ERANGE when
 * size is too small, -ENOENT when dir has been removed.
 */
long path_getcwd(struct rnode *root, struct rnode *dir, char *buf, size_t size);

/* Mount fs's root on directory dir: -ENOTDIR, -ENOENT (removed), -EBUSY (either is mounted), -EINVAL (fs holds dir). */
int path_mount(struct rnode *dir, struct ramfs *fs);

/*
 * Take fs off its mount point: -EINVAL when not mounted, -EBUSY while
 * something is mounted inside it or any of its nodes is held (rnode_get:
 * an open file, a working directory).
 */
int path_umount(struct ramfs *fs);

/* mkdir(2): "/", "." and ".." exist (-EEXIST); a trailing slash is allowed. */
int path_mkdir(struct rnode *root, struct rnode *cwd, const char *path, uint32_t perm);

/* rmdir(2): "/" is -EBUSY, "." -EINVAL, ".." -ENOTEMPTY. */
int path_rmdir(struct rnode *root, struct rnode *cwd, const char *path);

/* unlink(2): "/", ".", ".." are -EISDIR; "file/" is -ENOTDIR, "dir/" -EISDIR. */
int path_unlink(struct rnode *root, struct rnode *cwd, const char *path);

/*
 * link(2)/linkat(2): oldpath resolved with oldflags (PATH_NOFOLLOW: a link
 * gets the new name itself, as link(2) does), then path_link_node().
 */
int path_link(struct rnode *root, struct rnode *cwd, const char *oldpath, int oldflags, const char *newpath);

/* Give old a new name: one that exists (or is "/", ".", "..") is -EEXIST; "new/" that does not is -ENOENT; then -EXDEV across filesystems. */
int path_link_node(struct rnode *root, struct rnode *cwd, struct rnode *old, const char *newpath);

/* symlink(2): a link newpath holding target (not empty); newpath existing (or "/", ".", "..") is -EEXIST, "new/" -ENOENT. */
int path_symlink(struct rnode *root, struct rnode *cwd, const char *target, const char *newpath);

/*
 * mknod(2): a node of mode (a type ramfs_create takes) and device number
 * rdev named path; path existing (or "/", ".", "..") is -EEXIST, "new/"
 * -ENOENT, as for symlink. A link as the last name is not followed.
 */
int path_mknod(struct rnode *root, struct rnode *cwd, const char *path, uint32_t mode, uint64_t rdev);

/*
 * renameat2(2) with flags (0 for rename(2)), oldpath from oldcwd and
 * newpath from newcwd when relative: unknown flags, or
 * RENAME_NOREPLACE with RENAME_EXCHANGE, are -EINVAL; "/", "." or ".." on
 * either side is -EBUSY; -EXDEV across filesystems; -ENOENT for a missing
 * source; RENAME_NOREPLACE with an existing target is -EEXIST,
 * RENAME_EXCHANGE with a missing one -ENOENT (and swaps the two); a
 * trailing slash needs a directory. Links are renamed, not followed. Both
 * directories need w and x, and a directory moving to a new parent needs w itself.
 */
int path_rename(struct rnode *root, struct rnode *oldcwd, const char *oldpath, struct rnode *newcwd,
		const char *newpath, unsigned flags);

/*
 * open(2) with O_CREAT; flags PATH_EXCL (O_EXCL), PATH_NOFOLLOW
 * (O_NOFOLLOW): 0 and the existing node, or 1 and a new one of mode, in
 * *out (borrowed). -EEXIST (PATH_EXCL and it exists, a link too),
 * -EISDIR (a directory, or any path ending in '/'), -ELOOP (PATH_NOFOLLOW
 * and a link). A link otherwise is followed, and a dangling one makes
 * its target, as Linux does. Only making
 * one asks for permission (w and x on its directory); what may be done
 * to an existing one is for the caller to ask (perm_open).
 */
int path_create(struct rnode *root, struct rnode *cwd, const char *path, uint32_t mode, int flags,
		struct rnode **out);

#endif
