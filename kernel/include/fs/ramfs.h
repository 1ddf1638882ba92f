/*
 * ramfs.h - a filesystem kept entirely in memory (host-tested).
 *
 * A struct ramfs is one filesystem instance: a tree of struct rnode (inodes)
 * under fs->root, plus a list of every live node so ramfs_destroy() can free
 * them all, including unlinked files that were still open.
 *
 * Directories hold an array of entries (name, node) in the order they were
 * made; each entry carries a cookie, increasing along the array, that
 * ramfs_getdents() uses as its position, so a directory read in several
 * calls returns every entry not removed meanwhile exactly once. Each
 * directory knows its parent ("..": the root's is itself). There are no
 * hard links to directories, so a directory's nlink is 2 + subdirectories.
 *
 * Regular files keep their bytes in a page cache: page i of the file holds
 * bytes [i*RAMFS_PAGE, (i+1)*RAMFS_PAGE), and a slot with no page (never
 * written, or cut off by a truncate) is a hole that reads as zeros. The
 * bytes of a page past the end of the file are always zero, and no page
 * lies wholly past the end. Pages come from fs_env.h's fpage_* hooks: in
 * the kernel they are reference-counted frames, which ramfs_page_frame()
 * hands to whoever maps them (exec). The cache holds one reference to each
 * page. Before writing into a page that someone else also holds (a process
 * maps it), the cache puts a private copy in its place and drops its
 * reference to the old one: the holder keeps the bytes it saw, so the text
 * of a running program never changes under it. (That is copy-on-write from
 * the cache's side: right for MAP_PRIVATE and for program text; a shared
 * file mapping, were there one, would need the page written in place.)
 * A symbolic link keeps its target text in a small heap buffer (size is
 * its length).
 *
 * Lifetime: a node is freed when it has no names (nlink == 0) and no
 * references (refs == 0). Whoever keeps a node beyond the current call (an
 * open file, a cwd) holds a reference with rnode_get()/rnode_put(), so an
 * unlinked file lives until its last close. Nodes returned through `out`
 * arguments are borrowed. Nothing here locks: the caller serialises calls.
 *
 * Names are byte strings of 1..RAMFS_NAME_MAX bytes without '/' or NUL,
 * passed as (pointer, length). All functions returning int or long give 0
 * or a count on success and -errno on failure; a failed call changes
 * nothing. Permissions are stored, not checked (fs/perm.c checks them).
 */
#ifndef FS_RAMFS_H
#define FS_RAMFS_H

#include <stddef.h>
#include <stdint.h>

#include "fs/fs_env.h"   /* first: in host tests it stands in for api/abi.h */
#include "api/abi.h"
#include "api/stat.h"

#define RAMFS_NAME_MAX 255
#define RAMFS_FILE_MAX (64LL << 20)  /* bytes in one file: larger is EFBIG */
#define RAMFS_LINK_MAX 65000         /* nlink: more is EMLINK */
#define RAMFS_BLKSIZE 4096           /* st_blksize */
#define RAMFS_PAGE 4096              /* bytes in a page of the page cache: a frame */

struct rnode;
struct node_ops;

struct ramfs {
	struct rnode *root;
	struct rnode *all;       /* every live node, linked through next/prev */
	uint64_t dev;            /* st_dev of every node */
	uint64_t next_ino;
	uint64_t nnodes;         /* live nodes */
	struct timespec now;     /* stamped into changed nodes; the caller keeps it current */
	uint32_t flags;          /* MS_RDONLY, MS_NOEXEC as mounted: obeyed by fs/perm.c, not here */
	struct ramfs *next;      /* fs/mount.c's list of mounted instances */
};

/* A directory entry: one allocation, the name stored inline. */
struct rdirent {
	struct rnode *node;
	uint64_t cookie;         /* getdents position; increases along dir->ents */
	uint16_t len;
	char name[];             /* len bytes and a NUL */
};

struct rnode {
	struct ramfs *fs;
	struct rnode *next, *prev;   /* on fs->all */
	uint64_t ino;
	uint32_t mode;               /* S_IF* type and permission bits */
	uint32_t nlink;
	uint32_t refs;               /* rnode_get() minus rnode_put() */
	uint32_t uid, gid;
	uint64_t rdev;               /* device nodes */
	const struct node_ops *ops;  /* NULL: a plain ramfs node; else another filesystem's (fs/node.h) */
	void *priv;                  /* that filesystem's own data */
	struct timespec atime, mtime, ctime;

	/* Directories. */
	struct rnode *parent;        /* what ".." names; the root's is itself; NULL once removed */
	struct rnode *mounted;       /* the root of a filesystem mounted on this directory */
	struct rnode *covered;       /* a mounted root: the directory it is mounted on */
	struct rdirent **ents;
	size_t nents, entcap;
	uint64_t next_cookie;        /* 0 is ".", 1 is "..", entries from 2 */

	/* Regular files: pages[i] holds bytes [i*RAMFS_PAGE, +RAMFS_PAGE), NULL
	 * for a hole; nslots slots in all, resident of them non-NULL. */
	unsigned char **pages;
	size_t nslots, resident;
	size_t size;                 /* regular files: bytes; links: the target's length */

	/* Symbolic links: the target text and a NUL after it. */
	char *link;
};

/* A new filesystem: an empty root directory with permissions perm; NULL when out of memory. */
struct ramfs *ramfs_new(uint64_t dev, uint32_t perm);

/* Free fs and every node in it, whatever their links and references. */
void ramfs_destroy(struct ramfs *fs);

/* Take a reference to n. */
void rnode_get(struct rnode *n);

/* Drop a reference; n is freed when it has neither references nor names. */
void rnode_put(struct rnode *n);

/* Find name in dir: 0 and *out; -ENOENT, -ENOTDIR, -ENAMETOOLONG, -EINVAL. "." and ".." work (within this fs). */
int ramfs_lookup(struct rnode *dir, const char *name, size_t len, struct rnode **out);

/* Make a non-directory (S_IFREG when mode has no type; S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK) named name in dir. */
int ramfs_create(struct rnode *dir, const char *name, size_t len, uint32_t mode, struct rnode **out);

/* Make an empty directory named name in dir; out may be NULL. */
int ramfs_mkdir(struct rnode *dir, const char *name, size_t len, uint32_t perm, struct rnode **out);

/*
 * Make a symbolic link named name in dir holding target (tlen bytes, not
 * NUL-terminated; -ENOENT when empty): mode S_IFLNK | 0777, its text in
 * link[0..size) with a NUL at link[size]; out may be NULL.
 */
int ramfs_symlink(struct rnode *dir, const char *name, size_t len, const char *target, size_t tlen,
		  struct rnode **out);

/* Give node (not a directory: -EPERM) one more name, in dir. */
int ramfs_link(struct rnode *dir, const char *name, size_t len, struct rnode *node);

/* Remove the name of a non-directory (-EISDIR for directories). */
int ramfs_unlink(struct rnode *dir, const char *name, size_t len);

/* Remove the name of an empty directory: -ENOTEMPTY, -ENOTDIR, -EBUSY (mount point), -EINVAL for ".". */
int ramfs_rmdir(struct rnode *dir, const char *name, size_t len);

/*
 * Move olddir/oldname to newdir/newname with POSIX rename() semantics:
 * replace an existing non-directory, or an empty directory by a directory;
 * -EINVAL when moving a directory under itself; -ENOTDIR/-EISDIR when the
 * types disagree; -EXDEV across filesystems; nothing done when both names
 * are links to the same node.
 */
int ramfs_rename(struct rnode *olddir, const char *oldname, size_t oldlen,
		 struct rnode *newdir, const char *newname, size_t newlen);

/*
 * Swap the nodes olddir/oldname and newdir/newname name (renameat2's
 * RENAME_EXCHANGE): both must exist (-ENOENT); -EINVAL when a directory
 * would land inside itself; -EBUSY for ".", ".." or a mount point; -EXDEV.
 */
int ramfs_exchange(struct rnode *olddir, const char *oldname, size_t oldlen,
		   struct rnode *newdir, const char *newname, size_t newlen);

/* Copy up to len bytes from offset off of regular file n into buf: the count, 0 at or after the end. */
long ramfs_read(struct rnode *n, int64_t off, void *buf, size_t len);

/*
 * Write len bytes at off, extending the file (holes read as zeros): the
 * count, short at RAMFS_FILE_MAX, or short when a page cannot be had
 * part-way (as Linux's write: -ENOMEM only when not a byte went in).
 */
long ramfs_write(struct rnode *n, int64_t off, const void *buf, size_t len);

/* The pages a write of len bytes at off into n may take: one for each hole
 * or shared page it touches, and the page array's growth (in pages). */
uint64_t ramfs_write_cost(const struct rnode *n, int64_t off, size_t len);

/*
 * Set the size of regular file n. Growing makes a hole (no pages); cutting
 * drops the pages wholly past the new end and zeroes the rest of the last
 * one (a copy of it first when it is shared: -ENOMEM when none can be had).
 */
int ramfs_truncate(struct rnode *n, int64_t size);

#ifndef HOST_TEST
/* The frame holding bytes [index*4096, +4096) of regular file n, or 0 when that page is a hole
 * or past the end. The caller that maps it takes its own reference (frame_get). */
uint64_t ramfs_page_frame(struct rnode *n, uint64_t index);
#endif

/* Set n's permission bits (S_IALLUGO) to mode's, keeping its type; ctime changes. */
void ramfs_chmod(struct rnode *n, uint32_t mode);

/* Fill *st for n. */
void ramfs_stat(const struct rnode *n, struct stat *st);

/*
 * Fill buf with struct linux_dirent64 records of dir from position *pos
 * (start at 0; "." and ".." come first) and advance *pos: the bytes filled,
 * 0 at the end, -EINVAL when buf cannot hold the next record.
 */
long ramfs_getdents(struct rnode *dir, uint64_t *pos, void *buf, size_t len);

/* The name of child in dir (for getcwd): 0 and *name, *len; -ENOENT when it has none there. */
int ramfs_name_of(const struct rnode *dir, const struct rnode *child, const char **name, size_t *len);

#endif
