/*
 * path.c - resolving path names over ramfs trees (see fs/path.h).
 *
 * The walk touches nodes only through node_lookup() (fs/node.h: the
 * node's own lookup, or ramfs's), ramfs_name_of(), node_get_link() and
 * the parent/mounted/covered pointers, so a file system can put nodes of
 * its own making in their place. The path is never copied or
 * written: components are (pointer, length) slices of it, or of a link's
 * text, and its length is found with a bounded scan, so an unterminated
 * buffer of PATH_MAX bytes is read no further. Links are followed without
 * recursion: the rest of a path a link interrupts waits on a small stack
 * (struct walk) until the link's text has been walked.
 * Permissions are asked of fs/perm.c, in the order Linux asks: search (x)
 * on every directory a component is looked up in, then, for the calls
 * that change a directory, w and x on it once the names have been checked.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/errno.h"
#include "api/fcntl.h"
#include "fs/fs_env.h"
#include "fs/node.h"
#include "fs/path.h"
#include "fs/perm.h"

static bool is_dir(const struct rnode *n)
{
	return S_ISDIR(n->mode);
}

/* What a walk landing on n sees: the root of whatever is mounted there. */
static struct rnode *cross(struct rnode *n)
{
	while (n->mounted)
		n = n->mounted;
	return n;
}

/* The directory ".." names from dir, never above root; NULL when dir was removed. */
static struct rnode *dotdot(struct rnode *root, struct rnode *dir)
{
	for (;;) {
		if (dir == root)
			return dir;
		if (!dir->covered)
			break;
		dir = dir->covered; /* a mounted root: go down to its mount point first */
	}
	if (!dir->parent)
		return NULL;
	return cross(dir->parent); /* the top root's parent is itself */
}

/* 1 when the component is ".", 2 when "..", else 0. */
static int dots(const char *s, size_t len)
{
	if (len == 1 && s[0] == '.')
		return 1;
	if (len == 2 && s[0] == '.' && s[1] == '.')
		return 2;
	return 0;
}

/* Take one step from directory dir along the component s: 0 and *out, or -errno. */
static int step(struct rnode *root, struct rnode *dir, const char *s, size_t len, struct rnode **out)
{
	struct rnode *n;
	int err;

	if (!is_dir(dir))
		return -ENOTDIR;
	switch (dots(s, len)) {
	case 1:
		*out = dir;
		return 0;
	case 2:
		*out = dotdot(root, dir);
		return *out ? 0 : -ENOENT;
	}
	if ((err = node_lookup(dir, s, len, &n)) < 0)
		return err;
	*out = cross(n);
	return 0;
}

int node_get_link(struct rnode *n, const char **text, size_t *len, struct rnode **node)
{
	if (!S_ISLNK(n->mode))
		return -EINVAL;
	if (n->ops && n->ops->follow) {
		/* A magic link (fs/node.h): its node, and no text to walk. */
		*text = "";
		*len = 0;
		return n->ops->follow(n, node);
	}
	/* A ramfs link keeps its text in link, NUL-terminated (ramfs_symlink). */
	*text = n->link;
	*len = n->size;
	*node = NULL;
	return 0;
}

long node_readlink(struct rnode *n, char *buf, size_t size)
{
	if (!S_ISLNK(n->mode))
		return -EINVAL;
	if (n->ops && n->ops->readlink)
		return n->ops->readlink(n, buf, size);
	size = n->size < size ? n->size : size;
	memcpy(buf, n->link, size);
	return (long)size;
}

/*
 * One resolution: the root absolute paths (and absolute link targets)
 * start from, the links followed so far (all count toward MAXSYMLINKS),
 * and the rests of the paths that links interrupted, resumed once a
 * link's text has been walked (Linux's nd->stack). A link is only pushed
 * when something follows it, so depth <= links.
 */
struct walk {
	struct rnode *root;
	int links;
	int depth;
	const char *rest[MAXSYMLINKS];
};

/*
 * Walk p from base (from w->root when p is absolute) into *res, following
 * links: every one met before the last component, and the last one too
 * unless flags has PATH_NOFOLLOW (or PATH_PARENT, which stops before it),
 * but a trailing slash after a link always follows it and asks for a
 * directory at the end, as Linux does. p is not empty.
 */
static int walk(struct walk *w, struct rnode *base, const char *p, int flags, struct path_result *res)
{
	struct rnode *cur = p[0] == '/' ? w->root : base, *next;
	bool follow_last = !(flags & PATH_NOFOLLOW), must_dir = false, last, slash;
	const char *s, *text;
	size_t len;
	int err;

	res->last = NULL;
	res->lastlen = 0;
	res->lasttype = PATH_LAST_NORM;
	res->slash = false;
	for (;;) {
		while (*p == '/')
			p++;
		if (*p == '\0') {
			if (w->depth > 0) {
				p = w->rest[--w->depth];   /* a link's text is done: back to what followed it */
				continue;
			}
			/* Only slashes: the path names root (every other end is caught below). */
			res->node = cur;
			res->lasttype = PATH_LAST_ROOT;
			return 0;
		}
		/* Looking anything up in cur, even "." or "..", needs search permission. */
		if (is_dir(cur) && (err = perm_check(cur, MAY_EXEC)) < 0)
			return err;
		s = p;
		while (*p != '\0' && *p != '/')
			p++;
		len = (size_t)(p - s);
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		slash = *p == '/';
		while (*p == '/')
			p++;
		last = *p == '\0' && w->depth == 0;

		if (last && (flags & PATH_PARENT)) {
			if (!is_dir(cur))
				return -ENOTDIR;
			res->node = cur;
			res->last = s;
			res->lastlen = len;
			res->lasttype = dots(s, len) == 1 ? PATH_LAST_DOT :
					dots(s, len) == 2 ? PATH_LAST_DOTDOT : PATH_LAST_NORM;
			res->slash = slash;
			return 0;
		}
		if ((err = step(w->root, cur, s, len, &next)) < 0)
			return err;
		if (S_ISLNK(next->mode) && (!last || slash || follow_last)) {
			struct rnode *direct;

			if (++w->links > MAXSYMLINKS)
				return -ELOOP;
			if ((err = node_get_link(next, &text, &len, &direct)) < 0)
				return err;
			if (direct) {
				next = cross(direct);      /* a link that names its node: no text to walk */
			} else {
				if (text[0] == '\0')
					return -ENOENT;
				if (*p != '\0')
					w->rest[w->depth++] = p;
				if (last && slash)
					must_dir = follow_last = true; /* "link/": follow to the end, a directory */
				if (text[0] == '/')
					cur = w->root;
				p = text;                  /* relative: from the link's directory, cur */
				continue;
			}
		}
		if (last) {
			if ((slash || must_dir) && !is_dir(next))
				return -ENOTDIR;
			res->node = next;
			res->slash = slash || must_dir;
			return 0;
		}
		cur = next;
	}
}

int path_walk(struct rnode *root, struct rnode *cwd, const char *path, int flags,
	      struct path_result *res)
{
	struct walk w = { .root = root };
	size_t n = 0;

	while (n < PATH_MAX && path[n] != '\0')
		n++;
	if (n == PATH_MAX)
		return -ENAMETOOLONG;
	if (n == 0)
		return -ENOENT;
	return walk(&w, cwd, path, flags, res);
}

long path_getcwd(struct rnode *root, struct rnode *dir, char *buf, size_t size)
{
	size_t pos = size, len;
	const char *name;

	if (size == 0)
		return -ERANGE;
	buf[--pos] = '\0';
	/* Build the path backwards from the end of buf, one "/name" at a time. */
	for (;;) {
		while (dir != root && dir->covered)
			dir = dir->covered;
		/* The top root counts as root: a directory outside root has its full path. */
		if (dir == root || dir->parent == dir)
			break;
		if (!dir->parent || ramfs_name_of(dir->parent, dir, &name, &len) < 0)
			return -ENOENT;
		if (len + 1 > pos)
			return -ERANGE;
		pos -= len;
		memcpy(buf + pos, name, len);
		buf[--pos] = '/';
		dir = dir->parent;
	}
	if (pos == size - 1) {
		if (pos == 0)
			return -ERANGE;
		buf[--pos] = '/';
	}
	memmove(buf, buf + pos, size - pos);
	return (long)(size - pos);
}

/* True when dir is in fs or in a filesystem mounted somewhere below fs's root. */
static bool inside(const struct ramfs *fs, const struct rnode *dir)
{
	while (dir) {
		if (dir->fs == fs)
			return true;
		if (dir->covered)
			dir = dir->covered;
		else
			dir = dir->parent != dir ? dir->parent : NULL;
	}
	return false;
}

/* May entries be added to or removed from dir? A removed one takes none (-ENOENT), then w and x. */
static int may_change(const struct rnode *dir)
{
	if (dir->nlink == 0)
		return -ENOENT;
	return perm_check(dir, MAY_WRITE | MAY_EXEC);
}

int path_mount(struct rnode *dir, struct ramfs *fs)
{
	if (!is_dir(dir))
		return -ENOTDIR;
	if (dir->nlink == 0)
		return -ENOENT;
	if (dir->mounted || fs->root->covered)
		return -EBUSY;
	if (inside(fs, dir))
		return -EINVAL;
	dir->mounted = fs->root;
	fs->root->covered = dir;
	return 0;
}

int path_umount(struct ramfs *fs)
{
	struct rnode *root = fs->root;

	if (!root->covered)
		return -EINVAL;
	for (struct rnode *n = fs->all; n; n = n->next)
		if (n->mounted || n->refs)
			return -EBUSY;
	root->covered->mounted = NULL;
	root->covered = NULL;
	return 0;
}

int path_mkdir(struct rnode *root, struct rnode *cwd, const char *path, uint32_t perm)
{
	struct path_result r;
	struct rnode *n;
	int err;

	if ((err = path_walk(root, cwd, path, PATH_PARENT, &r)) < 0)
		return err;
	if (r.lasttype != PATH_LAST_NORM || ramfs_lookup(r.node, r.last, r.lastlen, &n) == 0)
		return -EEXIST;
	if ((err = may_change(r.node)) < 0)
		return err;
	return ramfs_mkdir(r.node, r.last, r.lastlen, perm, NULL);
}

int path_rmdir(struct rnode *root, struct rnode *cwd, const char *path)
{
	struct path_result r;
	struct rnode *n;
	int err;

	if ((err = path_walk(root, cwd, path, PATH_PARENT, &r)) < 0)
		return err;
	switch (r.lasttype) {
	case PATH_LAST_ROOT:
		return -EBUSY;
	case PATH_LAST_DOT:
		return -EINVAL;
	case PATH_LAST_DOTDOT:
		return -ENOTEMPTY;
	}
	if ((err = ramfs_lookup(r.node, r.last, r.lastlen, &n)) < 0 || (err = may_change(r.node)) < 0)
		return err;
	return ramfs_rmdir(r.node, r.last, r.lastlen);
}

int path_unlink(struct rnode *root, struct rnode *cwd, const char *path)
{
	struct path_result r;
	struct rnode *n;
	int err;

	if ((err = path_walk(root, cwd, path, PATH_PARENT, &r)) < 0)
		return err;
	if (r.lasttype != PATH_LAST_NORM)
		return -EISDIR;
	if (r.slash) {
		/* "name/": whatever it names, it is not a file to unlink. */
		if ((err = ramfs_lookup(r.node, r.last, r.lastlen, &n)) < 0)
			return err;
		return is_dir(n) ? -EISDIR : -ENOTDIR;
	}
	if ((err = ramfs_lookup(r.node, r.last, r.lastlen, &n)) < 0 || (err = may_change(r.node)) < 0)
		return err;
	return ramfs_unlink(r.node, r.last, r.lastlen);
}

int path_link(struct rnode *root, struct rnode *cwd, const char *oldpath, int oldflags, const char *newpath)
{
	struct path_result o;
	int err;

	if ((err = path_walk(root, cwd, oldpath, oldflags & PATH_NOFOLLOW, &o)) < 0)
		return err;
	return path_link_node(root, cwd, o.node, newpath);
}

int path_link_node(struct rnode *root, struct rnode *cwd, struct rnode *old, const char *newpath)
{
	struct path_result r;
	struct rnode *n;
	int err;

	if ((err = path_walk(root, cwd, newpath, PATH_PARENT, &r)) < 0)
		return err;
	if (r.lasttype != PATH_LAST_NORM)
		return -EEXIST;
	if ((err = ramfs_lookup(r.node, r.last, r.lastlen, &n)) == 0)
		return -EEXIST;
	if (err != -ENOENT)
		return err;
	if (r.slash)
		return -ENOENT; /* "new/" asks for a directory, which link cannot make */
	if (old->fs != r.node->fs)
		return -EXDEV;
	if ((err = may_change(r.node)) < 0)
		return err;
	return ramfs_link(r.node, r.last, r.lastlen, old);
}

/* The parent of a name symlink or mknod is to make, into *r, with their
 * checks in Linux's order: an existing name (or "/", ".", "..") -EEXIST,
 * a trailing slash -ENOENT (it asks for a directory), then the rights to
 * change the parent. A last link is not followed. 0 or -errno. */
static int new_nondir_name(struct rnode *root, struct rnode *cwd, const char *path, struct path_result *r)
{
	struct rnode *n;
	int err;

	if ((err = path_walk(root, cwd, path, PATH_PARENT, r)) < 0)
		return err;
	if (r->lasttype != PATH_LAST_NORM || ramfs_lookup(r->node, r->last, r->lastlen, &n) == 0)
		return -EEXIST;
	if (r->slash)
		return -ENOENT;
	return may_change(r->node);
}

int path_symlink(struct rnode *root, struct rnode *cwd, const char *target, const char *newpath)
{
	struct path_result r;
	int err;

	if ((err = new_nondir_name(root, cwd, newpath, &r)) < 0)
		return err;
	return ramfs_symlink(r.node, r.last, r.lastlen, target, strlen(target), NULL);
}

int path_mknod(struct rnode *root, struct rnode *cwd, const char *path, uint32_t mode, uint64_t rdev)
{
	struct path_result r;
	struct rnode *n;
	int err;

	if ((err = new_nondir_name(root, cwd, path, &r)) < 0)
		return err;
	if ((err = ramfs_create(r.node, r.last, r.lastlen, mode, &n)) < 0)
		return err;
	n->rdev = rdev;
	return 0;
}

int path_rename(struct rnode *root, struct rnode *oldcwd, const char *oldpath, struct rnode *newcwd,
		const char *newpath, unsigned flags)
{
	struct path_result o, r;
	struct rnode *src, *dst = NULL;
	int err;

	if (flags & ~(unsigned)(RENAME_NOREPLACE | RENAME_EXCHANGE) ||
	    ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE)))
		return -EINVAL;
	if ((err = path_walk(root, oldcwd, oldpath, PATH_PARENT, &o)) < 0)
		return err;
	if ((err = path_walk(root, newcwd, newpath, PATH_PARENT, &r)) < 0)
		return err;
	if (o.lasttype != PATH_LAST_NORM || r.lasttype != PATH_LAST_NORM)
		return -EBUSY;
	if (o.node->fs != r.node->fs)
		return -EXDEV;
	if ((err = ramfs_lookup(o.node, o.last, o.lastlen, &src)) < 0)
		return err;
	if ((err = ramfs_lookup(r.node, r.last, r.lastlen, &dst)) < 0) {
		if (err != -ENOENT)
			return err;
		dst = NULL;
	}
	if ((flags & RENAME_NOREPLACE) && dst)
		return -EEXIST;
	if (flags & RENAME_EXCHANGE) {
		if (!dst)
			return -ENOENT;
		if (!is_dir(dst) && r.slash)
			return -ENOTDIR;
	}
	if (!is_dir(src) && (o.slash || (!(flags & RENAME_EXCHANGE) && r.slash)))
		return -ENOTDIR;
	if (dst == src)
		return 0; /* two names of one node: nothing to do, nothing to check */
	/* Both directories change; a directory that changes parent rewrites its "..". */
	if ((err = may_change(o.node)) < 0 || (err = may_change(r.node)) < 0)
		return err;
	if (o.node != r.node && ((is_dir(src) && (err = perm_check(src, MAY_WRITE)) < 0) ||
				 ((flags & RENAME_EXCHANGE) && is_dir(dst) && (err = perm_check(dst, MAY_WRITE)) < 0)))
		return err;
	if (flags & RENAME_EXCHANGE)
		return ramfs_exchange(o.node, o.last, o.lastlen, r.node, r.last, r.lastlen);
	return ramfs_rename(o.node, o.last, o.lastlen, r.node, r.last, r.lastlen);
}

int path_create(struct rnode *root, struct rnode *cwd, const char *path, uint32_t mode, int flags,
		struct rnode **out)
{
	struct walk w = { .root = root };
	struct path_result r;
	struct rnode *n, *direct;
	bool excl = flags & PATH_EXCL;
	const char *text;
	size_t len;
	int err;

	if ((err = path_walk(root, cwd, path, PATH_PARENT, &r)) < 0)
		return err;
	for (;;) {
		if (r.lasttype != PATH_LAST_NORM)
			return excl ? -EEXIST : -EISDIR; /* "/", ".", "..": existing directories */
		if (r.slash)
			return -EISDIR;
		err = node_lookup(r.node, r.last, r.lastlen, &n);
		if (err < 0 || !S_ISLNK(n->mode) || (flags & (PATH_EXCL | PATH_NOFOLLOW)))
			break;
		/* A link, to be followed: where it points is made if missing (a dangling link too). */
		if (++w.links > MAXSYMLINKS)
			return -ELOOP;
		if ((err = node_get_link(n, &text, &len, &direct)) < 0)
			return err;
		if (direct) {
			n = direct;
			break;
		}
		if (text[0] == '\0')
			return -ENOENT;
		if ((err = walk(&w, r.node, text, PATH_PARENT, &r)) < 0)
			return err;
	}
	if (err == 0) {
		n = cross(n);
		if (excl)
			return -EEXIST;
		if (S_ISLNK(n->mode))
			return -ELOOP;           /* O_NOFOLLOW on a link */
		if (is_dir(n))
			return -EISDIR;
		*out = n;
		return 0;
	}
	if (err != -ENOENT)
		return err;
	if ((err = may_change(r.node)) < 0 || (err = ramfs_create(r.node, r.last, r.lastlen, mode, out)) < 0)
		return err;
	return 1;
}
