/*
 * test_path.c - host tests for fs/path.c over ramfs trees: walks, the parent
 * mode, the limits, a chroot-style root, getcwd, mounts (and their use),
 * the permission rule (fs/perm.c) and its place in every call, the system calls'
 * last-component rules, and a fixed-seed sweep of random paths over
 * {a, b, /, .} checked against a separate string-based resolver, then run
 * through the mutating calls with the tree's invariants checked after each.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fs/node.h"
#include "fs/path.h"
#include "fs/perm.h"
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/mount.h"

void *kmalloc(size_t n)
{
	return malloc(n);
}

void *kzalloc(size_t n)
{
	return calloc(1, n);
}

void kfree(void *p)
{
	free(p);
}

/* File pages (fs_env.h): aligned, zeroed, never shared here. */
void *fpage_alloc(void)
{
	void *p = aligned_alloc(RAMFS_PAGE, RAMFS_PAGE);

	return p ? memset(p, 0, RAMFS_PAGE) : NULL;
}

void fpage_put(void *page) { free(page); }
bool fpage_shared(const void *page) { return false; }

#define S(str) str, strlen(str)

static struct ramfs *fs;
static struct rnode *R;   /* fs->root */

/* Resolve path from the real root and cwd; NULL on any error. */
static struct rnode *at(struct rnode *cwd, const char *path)
{
	struct path_result r;

	return path_walk(R, cwd, path, 0, &r) == 0 ? r.node : NULL;
}

/* path_walk's result code alone. */
static int walk(struct rnode *root, struct rnode *cwd, const char *path)
{
	struct path_result r;

	return path_walk(root, cwd, path, 0, &r);
}

/* path_getcwd into a fresh static buffer: the string, or "" on error. */
static const char *cwdstr(struct rnode *root, struct rnode *dir)
{
	static char buf[PATH_MAX];

	return path_getcwd(root, dir, buf, sizeof(buf)) > 0 ? buf : "";
}

/*
 * The fixed tree (d: directory, f: file):
 *   /a d, /a/a f, /a/b d, /a/b/a d, /a/b/b f, /b d, /b/ab f, /b/b d,
 *   /b/.a d, /ab f, /... d, /.../a f, /a. f
 */
static const struct {
	const char *path;
	bool dir;
} tree[] = {
	{ "a", true }, { "a/a", false }, { "a/b", true }, { "a/b/a", true }, { "a/b/b", false },
	{ "b", true }, { "b/ab", false }, { "b/b", true }, { "b/.a", true }, { "ab", false },
	{ "...", true }, { ".../a", false }, { "a.", false },
};
#define NTREE (sizeof(tree) / sizeof(tree[0]))

/* Build the fixed tree in a new fs (global fs and R). */
static void build(void)
{
	fs = ramfs_new(1, 0755);
	R = fs->root;
	for (size_t i = 0; i < NTREE; i++) {
		const char *p = tree[i].path, *slash = strrchr(p, '/');
		struct rnode *dir = R;
		char parent[64];

		if (slash) {
			memcpy(parent, p, (size_t)(slash - p));
			parent[slash - p] = '\0';
			dir = at(R, parent);
			p = slash + 1;
		}
		if (tree[i].dir)
			CHECK_EQ(ramfs_mkdir(dir, S(p), 0755, NULL), 0);
		else
			CHECK_EQ(ramfs_create(dir, S(p), 0644, NULL), 0);
	}
}

static void test_walk(void)
{
	struct rnode *a, *ab, *aa, *b;
	struct path_result r;

	build();
	a = at(R, "/a");
	ab = at(R, "/a/b");
	aa = at(R, "/a/a");
	b = at(R, "/b");
	CHECK(a && ab && aa && b && a != ab);
	CHECK(at(R, "/") == R);
	CHECK(at(R, "///") == R);
	CHECK(at(a, "/") == R);
	CHECK(at(R, "a") == a);
	CHECK(at(a, "b") == ab);
	CHECK(at(a, "a") == aa);
	CHECK(at(R, "//a///b//") == ab);
	CHECK(at(R, "./a/./b/.") == ab);
	CHECK(at(R, "a/b/..") == a);
	CHECK(at(R, "a/b/../../b") == b);
	CHECK(at(R, "/..") == R);
	CHECK(at(R, "/../../..") == R);
	CHECK(at(R, "../a") == a);
	CHECK(at(ab, "..") == a);
	CHECK(at(ab, "../..") == R);
	CHECK(at(ab, "../../../../a/b") == ab);
	CHECK(at(ab, ".") == ab);
	CHECK(at(ab, "./") == ab);
	CHECK(at(R, "...") == at(R, "/.../"));
	CHECK(at(R, "b/.a") != NULL);
	CHECK(at(R, "a.") != NULL);

	CHECK_EQ(walk(R, R, ""), -ENOENT);
	CHECK_EQ(walk(R, R, "nope"), -ENOENT);
	CHECK_EQ(walk(R, R, "/a/nope"), -ENOENT);
	CHECK_EQ(walk(R, R, "/nope/a"), -ENOENT);
	CHECK_EQ(walk(R, R, "/nope/.."), -ENOENT);
	CHECK_EQ(walk(R, R, "a/a/"), -ENOTDIR);
	CHECK_EQ(walk(R, R, "a/a//"), -ENOTDIR);
	CHECK_EQ(walk(R, R, "a/a/."), -ENOTDIR);
	CHECK_EQ(walk(R, R, "a/a/.."), -ENOTDIR);
	CHECK_EQ(walk(R, R, "a/a/x"), -ENOTDIR);
	CHECK_EQ(walk(R, R, "ab/nope"), -ENOTDIR);
	CHECK_EQ(walk(R, aa, "x"), -ENOTDIR);   /* a cwd that is not a directory */
	CHECK_EQ(walk(R, aa, "."), -ENOTDIR);
	CHECK(at(aa, "/a") == a);

	/* The result fields of a full walk. */
	CHECK_EQ(path_walk(R, R, "a/b/", 0, &r), 0);
	CHECK(r.node == ab && r.slash);
	CHECK_EQ(path_walk(R, R, "a/a", 0, &r), 0);
	CHECK(r.node == aa && !r.slash);
	CHECK_EQ(path_walk(R, R, "/", 0, &r), 0);
	CHECK_EQ(r.lasttype, PATH_LAST_ROOT);
	ramfs_destroy(fs);
}

static void test_parent(void)
{
	struct rnode *a, *ab, *aa;
	struct path_result r;

	build();
	a = at(R, "a");
	ab = at(R, "a/b");
	aa = at(R, "a/a");

	CHECK_EQ(path_walk(R, R, "a/b", PATH_PARENT, &r), 0);
	CHECK(r.node == a && r.lastlen == 1 && r.last[0] == 'b' && !r.slash);
	CHECK_EQ(r.lasttype, PATH_LAST_NORM);
	CHECK_EQ(path_walk(R, R, "/a//new//", PATH_PARENT, &r), 0);
	CHECK(r.node == a && r.lastlen == 3 && memcmp(r.last, "new", 3) == 0 && r.slash);
	CHECK_EQ(path_walk(R, ab, "x", PATH_PARENT, &r), 0);
	CHECK(r.node == ab && r.lastlen == 1);
	CHECK_EQ(path_walk(R, ab, "../x", PATH_PARENT, &r), 0);
	CHECK(r.node == a);
	CHECK_EQ(path_walk(R, R, "/", PATH_PARENT, &r), 0);
	CHECK(r.node == R && r.lastlen == 0);
	CHECK_EQ(r.lasttype, PATH_LAST_ROOT);
	CHECK_EQ(path_walk(R, ab, "//", PATH_PARENT, &r), 0);
	CHECK(r.node == R && r.lasttype == PATH_LAST_ROOT);
	CHECK_EQ(path_walk(R, ab, ".", PATH_PARENT, &r), 0);
	CHECK(r.node == ab && r.lasttype == PATH_LAST_DOT);
	CHECK_EQ(path_walk(R, ab, "..", PATH_PARENT, &r), 0);
	CHECK(r.node == ab && r.lasttype == PATH_LAST_DOTDOT);
	CHECK_EQ(path_walk(R, R, "a/b/./", PATH_PARENT, &r), 0);
	CHECK(r.node == ab && r.lasttype == PATH_LAST_DOT && r.slash);
	CHECK_EQ(path_walk(R, R, "a/...", PATH_PARENT, &r), 0);
	CHECK(r.node == a && r.lasttype == PATH_LAST_NORM && r.lastlen == 3);
	/* The last component need not exist; everything before it must. */
	CHECK_EQ(path_walk(R, R, "a/nope", PATH_PARENT, &r), 0);
	CHECK_EQ(path_walk(R, R, "nope/x", PATH_PARENT, &r), -ENOENT);
	CHECK_EQ(path_walk(R, R, "a/a/x", PATH_PARENT, &r), -ENOTDIR);
	CHECK_EQ(path_walk(R, R, "a/a/.", PATH_PARENT, &r), -ENOTDIR);
	CHECK_EQ(path_walk(R, aa, "x", PATH_PARENT, &r), -ENOTDIR);
	CHECK_EQ(path_walk(R, R, "", PATH_PARENT, &r), -ENOENT);
	ramfs_destroy(fs);
}

static void test_limits(void)
{
	char *p = malloc(PATH_MAX + 300);
	struct rnode *n, *a;
	size_t len;

	build();
	a = at(R, "a");
	/* Components: 255 bytes is a name, 256 is too long, even where it would not be looked up. */
	memset(p, 'x', 255);
	p[255] = '\0';
	CHECK_EQ(walk(R, R, p), -ENOENT);
	CHECK_EQ(ramfs_create(R, p, 255, 0644, &n), 0);
	CHECK(at(R, p) == n);
	CHECK_EQ(path_mkdir(R, R, "/a/d255", 0755), 0);
	memcpy(p, "/a/d255/", 8);
	memset(p + 8, 'y', 255);
	p[8 + 255] = '\0';
	CHECK_EQ(path_mkdir(R, R, p, 0755), 0);
	CHECK(at(R, p) != NULL);
	p[8 + 255] = 'y';
	p[8 + 256] = '\0';
	CHECK_EQ(walk(R, R, p), -ENAMETOOLONG);
	CHECK_EQ(path_mkdir(R, R, p, 0755), -ENAMETOOLONG);
	memcpy(p + 8 + 256, "/..", 4);
	CHECK_EQ(walk(R, R, p), -ENAMETOOLONG);
	/* A missing directory before the long name is found first. */
	memcpy(p, "/a/nope/", 8);
	CHECK_EQ(walk(R, R, p), -ENOENT);

	/* Whole paths: 4095 bytes resolve, 4096 do not. */
	memset(p, '/', PATH_MAX);
	p[PATH_MAX - 1] = '\0';
	CHECK(at(R, p) == R);
	p[PATH_MAX - 1] = '/';
	p[PATH_MAX] = '\0';
	CHECK_EQ(walk(R, R, p), -ENAMETOOLONG);
	len = 0;
	p[len++] = 'a';
	while (len + 2 <= PATH_MAX - 1) {
		p[len++] = '/';
		p[len++] = '.';
	}
	p[len] = '\0';
	CHECK_EQ(len, PATH_MAX - 1);
	CHECK(at(R, p) == a);
	p[len++] = '/';
	p[len] = '\0';
	CHECK_EQ(walk(R, R, p), -ENAMETOOLONG);
	CHECK_EQ(path_mkdir(R, R, p, 0755), -ENAMETOOLONG);
	free(p);
	/* An unterminated buffer of PATH_MAX bytes is not read past its end (ASan watches). */
	p = malloc(PATH_MAX);
	memset(p, 'a', PATH_MAX);
	CHECK_EQ(walk(R, R, p), -ENAMETOOLONG);
	free(p);
	ramfs_destroy(fs);
}

static void test_chroot(void)
{
	struct rnode *a, *ab, *aba;

	build();
	a = at(R, "a");
	ab = at(R, "a/b");
	aba = at(R, "a/b/a");
	/* With /a as the root, ".." stops there and "/" means /a. */
	CHECK_EQ(walk(a, ab, "../.."), 0);
	{
		struct path_result r;

		CHECK_EQ(path_walk(a, aba, "../../../..", 0, &r), 0);
		CHECK(r.node == a);
		CHECK_EQ(path_walk(a, R, "/b/a", 0, &r), 0);
		CHECK(r.node == aba);
		CHECK_EQ(path_walk(a, ab, "/../b", 0, &r), 0);
		CHECK(r.node == ab);
		CHECK_EQ(path_walk(a, ab, "/ab", 0, &r), -ENOENT);
	}
	CHECK_STR(cwdstr(a, aba), "/b/a");
	CHECK_STR(cwdstr(a, a), "/");
	/* A cwd outside the root: its full path, and ".." climbs to the top. */
	CHECK_STR(cwdstr(a, at(R, "b/b")), "/b/b");
	CHECK(at(at(R, "b"), "..") == R);
	ramfs_destroy(fs);
}

static void test_getcwd(void)
{
	struct rnode *aba, *d;
	char buf[64];

	build();
	aba = at(R, "a/b/a");
	CHECK_STR(cwdstr(R, R), "/");
	CHECK_STR(cwdstr(R, at(R, "a")), "/a");
	CHECK_STR(cwdstr(R, aba), "/a/b/a");
	CHECK_STR(cwdstr(R, at(R, "...")), "/...");
	CHECK_STR(cwdstr(R, at(R, "b/.a")), "/b/.a");

	/* "/a/b/a" needs 7 bytes with its NUL; "/" needs 2. */
	memset(buf, 'Z', sizeof(buf));
	CHECK_EQ(path_getcwd(R, aba, buf, 7), 7);
	CHECK_STR(buf, "/a/b/a");
	CHECK_EQ(buf[7], 'Z');
	for (size_t n = 0; n < 7; n++)
		CHECK_EQ(path_getcwd(R, aba, buf, n), -ERANGE);
	CHECK_EQ(path_getcwd(R, R, buf, 2), 2);
	CHECK_STR(buf, "/");
	CHECK_EQ(path_getcwd(R, R, buf, 1), -ERANGE);
	CHECK_EQ(path_getcwd(R, R, buf, 0), -ERANGE);

	/* A removed directory has no path; renaming one changes its path. */
	CHECK_EQ(path_mkdir(R, R, "/a/gone", 0755), 0);
	d = at(R, "/a/gone");
	rnode_get(d);
	CHECK_EQ(path_rename(R, R, "/a/gone", R, "/b/moved", 0), 0);
	CHECK_STR(cwdstr(R, d), "/b/moved");
	CHECK_EQ(path_rmdir(R, d, "../moved"), 0);
	CHECK_EQ(path_getcwd(R, d, buf, sizeof(buf)), -ENOENT);
	CHECK(at(d, ".") == d);
	CHECK_EQ(walk(R, d, ".."), -ENOENT);
	CHECK_EQ(walk(R, d, "x"), -ENOENT);
	CHECK_EQ(path_mkdir(R, d, "x", 0755), -ENOENT);
	CHECK_EQ(path_create(R, d, "x", 0644, 0, &d), -ENOENT);
	rnode_put(d);
	ramfs_destroy(fs);
}

static void test_mount(void)
{
	struct ramfs *m = ramfs_new(2, 0755), *m2 = ramfs_new(3, 0755);
	struct rnode *a, *ab, *mr = m->root, *sub, *n;

	build();
	a = at(R, "a");
	ab = at(R, "a/b");
	CHECK_EQ(path_mount(ab, m), 0);
	CHECK(at(R, "/a/b") == mr);
	CHECK(at(R, "/a/b/") == mr);
	CHECK(at(a, "b/.") == mr);
	CHECK(at(R, "/a/b/..") == a);
	CHECK(at(R, "/a/b/../b/../..") == R);
	CHECK_EQ(walk(R, R, "/a/b/a"), -ENOENT);   /* ab's own entries are hidden */
	CHECK_EQ(path_mkdir(R, R, "/a/b/sub", 0755), 0);
	sub = at(R, "/a/b/sub");
	CHECK(sub && sub->fs == m && sub->parent == mr);
	CHECK(at(sub, "..") == mr);
	CHECK(at(sub, "../..") == a);
	CHECK_STR(cwdstr(R, sub), "/a/b/sub");
	CHECK_STR(cwdstr(R, mr), "/a/b");
	CHECK_STR(cwdstr(mr, sub), "/sub");   /* chroot into the mounted fs */
	CHECK(at(R, "/a/b/sub/../../b/sub") == sub);

	/* Across filesystems: no links, no renames; the mount point is busy. */
	CHECK_EQ(path_create(R, R, "/a/b/f", 0644, PATH_EXCL, &n), 1);
	CHECK(n->fs == m);
	CHECK_EQ(path_link(R, R, "/a/b/f", PATH_NOFOLLOW, "/a/f2"), -EXDEV);
	CHECK_EQ(path_link(R, R, "/ab", PATH_NOFOLLOW, "/a/b/ab"), -EXDEV);
	CHECK_EQ(path_rename(R, R, "/a/b/f", R, "/f", 0), -EXDEV);
	CHECK_EQ(path_rename(R, R, "/a/b/sub", R, "/sub", 0), -EXDEV);
	CHECK_EQ(path_rename(R, R, "/a/b/f", R, "/a/b/sub/f", 0), 0);
	CHECK_EQ(path_rmdir(R, R, "/a/b"), -EBUSY);
	CHECK_EQ(path_rename(R, R, "/a/b", R, "/a/c", 0), -EBUSY);
	CHECK_EQ(path_rename(R, R, "/b/b", R, "/a/b", 0), -EBUSY);
	CHECK_EQ(path_rmdir(R, R, "/a/b/."), -EINVAL);

	/* Mounting refusals. */
	CHECK_EQ(path_mount(at(R, "ab"), m2), -ENOTDIR);
	CHECK_EQ(path_mount(ab, m2), -EBUSY);         /* ab is covered */
	CHECK_EQ(path_mount(a, m), -EBUSY);           /* m is mounted */
	CHECK_EQ(path_mount(at(R, "b"), fs), -EINVAL); /* fs inside itself */
	CHECK_EQ(path_mount(sub, fs), -EINVAL);       /* fs below a mount of fs */
	/* A mount inside a mount; "..", getcwd and umount order. */
	CHECK_EQ(path_mount(sub, m2), 0);
	CHECK(at(R, "/a/b/sub") == m2->root);
	CHECK(at(R, "/a/b/sub/..") == mr);
	CHECK_STR(cwdstr(R, m2->root), "/a/b/sub");
	CHECK_EQ(path_umount(m), -EBUSY);
	CHECK_EQ(path_umount(m2), 0);
	CHECK_EQ(path_umount(m2), -EINVAL);
	CHECK(at(R, "/a/b/sub") == sub);
	CHECK_EQ(path_umount(m), 0);
	CHECK(at(R, "/a/b") == ab);
	CHECK(at(R, "/a/b/a") != NULL);
	CHECK_EQ(path_umount(fs), -EINVAL);
	/* Unhooked by destroy as well. */
	CHECK_EQ(path_mount(ab, m), 0);
	ramfs_destroy(m);
	CHECK(ab->mounted == NULL);
	CHECK(at(R, "/a/b/a") != NULL);
	ramfs_destroy(m2);
	{
		struct rnode *gone;

		CHECK_EQ(path_mkdir(R, R, "/gone", 0755), 0);
		gone = at(R, "/gone");
		rnode_get(gone);
		CHECK_EQ(path_rmdir(R, R, "/gone"), 0);
		m = ramfs_new(4, 0755);
		CHECK_EQ(path_mount(gone, m), -ENOENT);
		ramfs_destroy(m);
		rnode_put(gone);
	}
	ramfs_destroy(fs);
}

/* A mount in use: held nodes keep it mounted; its root's mode rules, not the covered directory's. */
static void test_mount_use(void)
{
	struct ramfs *m = ramfs_new(3, 01777);
	struct rnode *a, *ab, *mr = m->root, *f, *d, *n;
	struct stat st;
	char buf[64];

	build();
	a = at(R, "a");
	ab = at(R, "a/b");
	CHECK_EQ(path_mount(ab, m), 0);
	CHECK_EQ(path_create(R, R, "/a/b/f", 0644, PATH_EXCL, &f), 1);
	ramfs_stat(f, &st);
	CHECK_EQ(st.st_dev, 3);
	ramfs_stat(at(R, "/a/b"), &st);
	CHECK(st.st_dev == 3 && st.st_mode == (S_IFDIR | 01777) && st.st_ino == mr->ino);
	ramfs_stat(at(R, "/a/b/.."), &st);
	CHECK(st.st_dev == 1 && st.st_ino == a->ino);

	/* Held nodes (an open file, a working directory), unlinked ones too, keep it busy. */
	rnode_get(f);
	CHECK_EQ(path_umount(m), -EBUSY);
	CHECK_EQ(path_unlink(R, R, "/a/b/f"), 0);
	CHECK_EQ(path_umount(m), -EBUSY);
	rnode_put(f);                                 /* the last reference: f is gone */
	CHECK_EQ(path_mkdir(R, R, "/a/b/d", 0755), 0);
	d = at(R, "/a/b/d");
	rnode_get(d);
	CHECK_EQ(path_umount(m), -EBUSY);
	CHECK_STR(cwdstr(R, d), "/a/b/d");
	CHECK(at(d, "../..") == a);
	CHECK(at(d, "../../b/d") == d);
	rnode_put(d);
	rnode_get(mr);
	CHECK_EQ(path_umount(m), -EBUSY);
	rnode_put(mr);

	/* Searching: the covered directory's mode is hidden, the mounted root's counts. */
	ramfs_chmod(ab, 0);
	CHECK(at(R, "/a/b/d") == d);
	ramfs_chmod(mr, 0666);
	CHECK(at(R, "/a/b") == mr);                  /* nothing is looked up in it */
	CHECK_EQ(walk(R, R, "/a/b/d"), -EACCES);
	CHECK_EQ(walk(R, R, "/a/b/.."), -EACCES);
	CHECK(at(d, "..") == mr);                    /* looked up in d, which is searchable */
	CHECK_EQ(walk(R, d, "../.."), -EACCES);
	CHECK_EQ(path_getcwd(R, d, buf, sizeof(buf)), 7); /* getcwd asks for nothing */
	CHECK_STR(buf, "/a/b/d");
	ramfs_chmod(mr, 01777);
	CHECK_EQ(path_umount(m), 0);
	CHECK_EQ(walk(R, R, "/a/b/a"), -EACCES);     /* ab itself again, mode 0 */
	ramfs_chmod(ab, 0755);
	ramfs_destroy(m);

	/* Read-only: nothing added, removed or written; searching and reading go on. */
	m = ramfs_new(4, 0755);
	CHECK_EQ(ramfs_mkdir(m->root, S("d"), 0755, NULL), 0);
	CHECK_EQ(ramfs_create(m->root, S("f"), 0644, &f), 0);
	m->flags = MS_RDONLY;
	CHECK_EQ(path_mount(ab, m), 0);
	CHECK_EQ(path_mkdir(R, R, "/a/b/x", 0755), -EROFS);
	CHECK_EQ(path_mkdir(R, R, "/a/b/d", 0755), -EEXIST);
	CHECK_EQ(path_create(R, R, "/a/b/x", 0644, 0, &n), -EROFS);
	CHECK_EQ(path_create(R, R, "/a/b/f", 0644, PATH_EXCL, &n), -EEXIST);
	CHECK_EQ(path_create(R, R, "/a/b/f", 0644, 0, &n), 0);
	CHECK(n == f);
	CHECK_EQ(perm_open(f, O_RDONLY), 0);
	CHECK_EQ(perm_open(f, O_WRONLY), -EROFS);
	CHECK_EQ(perm_open(f, O_RDONLY | O_TRUNC), -EROFS);
	CHECK_EQ(perm_setattr(f), -EROFS);
	CHECK_EQ(path_unlink(R, R, "/a/b/f"), -EROFS);
	CHECK_EQ(path_unlink(R, R, "/a/b/nope"), -ENOENT);
	CHECK_EQ(path_rmdir(R, R, "/a/b/d"), -EROFS);
	CHECK_EQ(path_rename(R, R, "/a/b/f", R, "/a/b/g", 0), -EROFS);
	CHECK_EQ(path_link(R, R, "/a/b/f", PATH_NOFOLLOW, "/a/b/g"), -EROFS);
	CHECK_EQ(path_rename(R, R, "/a/b/f", R, "/g", 0), -EXDEV);
	CHECK(at(R, "/a/b/d/..") == m->root);
	CHECK_EQ(path_umount(m), 0);
	ramfs_destroy(m);
	ramfs_destroy(fs);
}

/* The rule itself: the owner's bits, a read-only or noexec filesystem, and junk bits ignored. */
static void test_perm(void)
{
	static const struct {
		uint32_t mode, fsflags;
		int want, ret;
	} cases[] = {
		{ S_IFREG | 0400, 0, MAY_READ, 0 },
		{ S_IFREG | 0400, 0, MAY_WRITE, -EACCES },
		{ S_IFREG | 0400, 0, MAY_READ | MAY_WRITE, -EACCES },
		{ S_IFREG | 0600, 0, MAY_READ | MAY_WRITE, 0 },
		{ S_IFREG | 0200, 0, MAY_WRITE, 0 },
		{ S_IFREG | 0100, 0, MAY_EXEC, 0 },
		{ S_IFREG | 0700, 0, MAY_READ | MAY_WRITE | MAY_EXEC, 0 },
		{ S_IFREG | 0677, 0, MAY_EXEC, -EACCES },    /* group and other bits never count */
		{ S_IFREG | 0077, 0, MAY_READ, -EACCES },
		{ S_IFREG | 07000, 0, MAY_EXEC, -EACCES },   /* set-ID and sticky bits are no rights */
		{ S_IFREG | 0000, 0, 0, 0 },                 /* asking for nothing */
		{ S_IFREG | 0000, 0, ~7, 0 },                /* bits beyond MAY_* are ignored */
		{ S_IFREG | 0400, 0, ~MAY_WRITE, -EACCES },
		{ S_IFDIR | 0500, 0, MAY_WRITE | MAY_EXEC, -EACCES },
		{ S_IFDIR | 0300, 0, MAY_WRITE | MAY_EXEC, 0 },
		{ S_IFDIR | 0600, 0, MAY_EXEC, -EACCES },
		{ S_IFCHR | 0666, 0, MAY_READ | MAY_WRITE, 0 },
		{ S_IFIFO | 0200, 0, MAY_READ, -EACCES },
		/* Read-only: -EROFS for writes to files and directories, whatever the bits. */
		{ S_IFREG | 0000, MS_RDONLY, MAY_WRITE, -EROFS },
		{ S_IFREG | 0600, MS_RDONLY, MAY_READ | MAY_WRITE, -EROFS },
		{ S_IFREG | 0400, MS_RDONLY, MAY_READ, 0 },
		{ S_IFREG | 0000, MS_RDONLY, MAY_READ, -EACCES },
		{ S_IFDIR | 0700, MS_RDONLY, MAY_WRITE | MAY_EXEC, -EROFS },
		{ S_IFDIR | 0700, MS_RDONLY, MAY_EXEC, 0 },
		{ S_IFCHR | 0666, MS_RDONLY, MAY_WRITE, 0 }, /* a device is not written in the fs */
		{ S_IFCHR | 0444, MS_RDONLY, MAY_WRITE, -EACCES },
		/* noexec: files do not run; directories are still searched. */
		{ S_IFREG | 0755, MS_NOEXEC, MAY_EXEC, -EACCES },
		{ S_IFREG | 0755, MS_NOEXEC, MAY_READ, 0 },
		{ S_IFDIR | 0755, MS_NOEXEC, MAY_EXEC, 0 },
		{ S_IFREG | 0755, MS_RDONLY | MS_NOEXEC, MAY_WRITE | MAY_EXEC, -EROFS },
	};
	/* open(2): the access mode's rights (3 asks for both) and w for O_TRUNC. */
	static const struct {
		uint32_t perm, flags;
		int ret;
	} opens[] = {
		{ 0400, O_RDONLY, 0 }, { 0200, O_RDONLY, -EACCES },
		{ 0200, O_WRONLY, 0 }, { 0400, O_WRONLY, -EACCES },
		{ 0600, O_RDWR, 0 }, { 0400, O_RDWR, -EACCES }, { 0200, O_RDWR, -EACCES },
		{ 0600, O_ACCMODE, 0 }, { 0400, O_ACCMODE, -EACCES }, { 0200, O_ACCMODE, -EACCES },
		{ 0600, O_RDONLY | O_TRUNC, 0 }, { 0400, O_RDONLY | O_TRUNC, -EACCES },
		{ 0400, O_RDONLY | O_CREAT | O_EXCL | O_APPEND | O_DIRECTORY | O_CLOEXEC, 0 },
		{ 0400, O_RDONLY | 0xfff00000u, 0 },         /* unknown flags count for nothing */
		{ 0000, O_WRONLY | O_APPEND, -EACCES },
	};
	struct ramfs *t = ramfs_new(7, 0755);
	struct rnode *n;

	CHECK_EQ(ramfs_create(t->root, S("n"), 0, &n), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n->mode = cases[i].mode;
		t->flags = cases[i].fsflags;
		if (perm_check(n, cases[i].want) != cases[i].ret)
			printf("  case %zu: mode %o flags %u want %d\n", i, cases[i].mode, cases[i].fsflags,
			       cases[i].want);
		CHECK_EQ(perm_check(n, cases[i].want), cases[i].ret);
	}
	t->flags = 0;
	for (size_t i = 0; i < sizeof(opens) / sizeof(opens[0]); i++) {
		n->mode = S_IFREG | opens[i].perm;
		if (perm_open(n, opens[i].flags) != opens[i].ret)
			printf("  open %zu: perm %o flags %#x\n", i, opens[i].perm, opens[i].flags);
		CHECK_EQ(perm_open(n, opens[i].flags), opens[i].ret);
	}
	/* chmod: the owner always may, even with every bit off; not on a read-only filesystem. */
	n->mode = S_IFREG;
	CHECK_EQ(perm_setattr(n), 0);
	CHECK_EQ(perm_setattr(t->root), 0);
	t->flags = MS_RDONLY;
	CHECK_EQ(perm_setattr(n), -EROFS);
	CHECK_EQ(perm_setattr(t->root), -EROFS);
	/* A node another file system supplies (procfs) keeps its mode. */
	static const struct node_ops synthetic;
	t->flags = 0;
	n->ops = &synthetic;
	CHECK_EQ(perm_setattr(n), -EPERM);
	n->ops = NULL;
	ramfs_destroy(t);
}

/* The rule in the calls: search on every walked directory, w and x where names change, in Linux's order. */
static void test_perm_calls(void)
{
	struct rnode *a, *ab, *n;
	struct path_result r;
	char buf[64];

	build();
	a = at(R, "a");
	ab = at(R, "a/b");

	/* Search: x on every directory a component is looked up in, for "." and ".." too. */
	ramfs_chmod(a, 0600);
	CHECK(at(R, "/a") == a);
	CHECK(at(R, "/a/") == a);
	CHECK(at(R, "/a//") == a);
	CHECK_EQ(walk(R, R, "/a/b"), -EACCES);
	CHECK_EQ(walk(R, R, "/a/."), -EACCES);
	CHECK_EQ(walk(R, R, "/a/.."), -EACCES);
	CHECK_EQ(walk(R, R, "/a/nope"), -EACCES);    /* refused before it is found missing */
	CHECK_EQ(walk(R, R, "/a/a/x"), -EACCES);
	CHECK_EQ(walk(R, a, "."), -EACCES);
	CHECK_EQ(walk(R, a, "b"), -EACCES);
	CHECK(at(ab, "..") == a);                    /* looked up in ab, which is searchable */
	CHECK(at(ab, "a") != NULL);
	CHECK_EQ(walk(R, ab, "../b"), -EACCES);
	CHECK_EQ(walk(R, R, "/ab/x"), -ENOTDIR);     /* a file is not searched: it is no directory */
	CHECK_EQ(path_walk(R, R, "/a/x", PATH_PARENT, &r), -EACCES);
	CHECK_EQ(path_walk(R, R, "/a", PATH_PARENT, &r), 0);
	CHECK(r.node == R);
	CHECK_EQ(path_getcwd(R, ab, buf, sizeof(buf)), 5);
	CHECK_EQ(path_mkdir(R, R, "/a/new", 0755), -EACCES);
	ramfs_chmod(a, 0100);                        /* x alone is enough to search */
	CHECK(at(R, "/a/b/a") != NULL);
	ramfs_chmod(R, 0);                           /* "/" itself is looked up in nothing */
	CHECK(at(R, "/") == R);
	CHECK(at(R, "///") == R);
	CHECK_EQ(walk(R, R, "/."), -EACCES);
	CHECK_EQ(walk(R, R, "a"), -EACCES);
	CHECK(at(ab, "a") != NULL);                  /* relative paths never pass through "/" */
	ramfs_chmod(R, 0755);

	/* r-x: names are looked up (-EEXIST, -ENOENT first), but none change. */
	ramfs_chmod(a, 0500);
	CHECK_EQ(path_mkdir(R, R, "/a/b", 0755), -EEXIST);
	CHECK_EQ(path_mkdir(R, R, "/a/.", 0755), -EEXIST);
	CHECK_EQ(path_mkdir(R, R, "/a/new", 0755), -EACCES);
	CHECK_EQ(path_create(R, R, "/a/a", 0644, PATH_EXCL, &n), -EEXIST);
	CHECK_EQ(path_create(R, R, "/a/a", 0644, 0, &n), 0); /* found: perm_open is the caller's */
	CHECK_EQ(path_create(R, R, "/a/new", 0644, 0, &n), -EACCES);
	CHECK_EQ(path_unlink(R, R, "/a/nope"), -ENOENT);
	CHECK_EQ(path_unlink(R, R, "/a/a"), -EACCES);
	CHECK_EQ(path_unlink(R, R, "/a/b"), -EACCES); /* permission before -EISDIR, as Linux */
	CHECK_EQ(path_unlink(R, R, "/a/b/"), -EISDIR);
	CHECK_EQ(path_rmdir(R, R, "/a/nope"), -ENOENT);
	CHECK_EQ(path_rmdir(R, R, "/a/b"), -EACCES);
	CHECK_EQ(path_rmdir(R, R, "/a/.."), -ENOTEMPTY);
	CHECK_EQ(path_link(R, R, "/ab", PATH_NOFOLLOW, "/a/a"), -EEXIST);
	CHECK_EQ(path_link(R, R, "/ab", PATH_NOFOLLOW, "/a/ab"), -EACCES);
	CHECK_EQ(path_link(R, R, "/a/a", PATH_NOFOLLOW, "/a2"), 0);  /* only the new name's directory changes */
	CHECK_EQ(path_rename(R, R, "/a/a", R, "/b/x", 0), -EACCES);  /* the old directory */
	CHECK_EQ(path_rename(R, R, "/b/ab", R, "/a/x", 0), -EACCES); /* the new one */
	CHECK_EQ(path_rename(R, R, "/b/ab", R, "/a/a", 0), -EACCES); /* replacing is removing */
	CHECK_EQ(path_rename(R, R, "/a2", R, "/a/a", 0), 0);          /* two names of one node: nothing done */
	CHECK(at(R, "/a2") == at(R, "/a/a"));
	CHECK_EQ(path_unlink(R, R, "/a2"), 0);

	/* -wx: enough to change names; a file made with mode 0 is made, then cannot be opened. */
	ramfs_chmod(a, 0300);
	CHECK_EQ(path_mkdir(R, R, "/a/new", 0755), 0);
	CHECK_EQ(path_create(R, R, "/a/newf", 0, PATH_EXCL, &n), 1);
	CHECK_EQ(n->mode, S_IFREG);
	CHECK_EQ(perm_open(n, O_RDONLY), -EACCES);
	CHECK_EQ(path_create(R, R, "/a/newf", 0644, 0, &n), 0);
	CHECK_EQ(path_unlink(R, R, "/a/newf"), 0);   /* the file's own mode does not matter */
	CHECK_EQ(path_rmdir(R, R, "/a/new"), 0);
	ramfs_chmod(a, 0755);

	/* A directory moving to another parent needs w on itself: its ".." changes. */
	ramfs_chmod(ab, 0500);
	CHECK_EQ(path_rename(R, R, "/a/b", R, "/b/moved", 0), -EACCES);
	CHECK_EQ(path_rename(R, R, "/a/b", R, "/a/c", 0), 0); /* within its parent it does not */
	CHECK_EQ(path_rename(R, R, "/a/c", R, "/a/b", 0), 0);
	ramfs_chmod(ab, 0755);
	CHECK_EQ(path_rename(R, R, "/a/b", R, "/b/moved", 0), 0);
	CHECK_STR(cwdstr(R, ab), "/b/moved");
	ramfs_destroy(fs);
}

/* The rules for "/", ".", ".." and trailing slashes in each call. */
static void test_calls(void)
{
	struct rnode *n, *aa, *ab;

	build();
	aa = at(R, "a/a");
	ab = at(R, "a/b");

	CHECK_EQ(path_mkdir(R, R, "/", 0755), -EEXIST);
	CHECK_EQ(path_mkdir(R, ab, ".", 0755), -EEXIST);
	CHECK_EQ(path_mkdir(R, ab, "..", 0755), -EEXIST);
	CHECK_EQ(path_mkdir(R, R, "a", 0755), -EEXIST);
	CHECK_EQ(path_mkdir(R, R, "a/a/", 0755), -EEXIST);
	CHECK_EQ(path_mkdir(R, R, "a/a/x", 0755), -ENOTDIR);
	CHECK_EQ(path_mkdir(R, R, "nope/x", 0755), -ENOENT);
	CHECK_EQ(path_mkdir(R, R, "", 0755), -ENOENT);
	CHECK_EQ(path_mkdir(R, R, "a/new//", 0755), 0);
	CHECK(at(R, "a/new") != NULL);

	/* mknod: as symlink for the name; the node gets its type and number. */
	CHECK_EQ(path_mknod(R, R, "/", S_IFIFO | 0644, 0), -EEXIST);
	CHECK_EQ(path_mknod(R, ab, "..", S_IFIFO | 0644, 0), -EEXIST);
	CHECK_EQ(path_mknod(R, R, "a/a", S_IFIFO | 0644, 0), -EEXIST);
	CHECK_EQ(path_mknod(R, R, "a/a/", S_IFIFO | 0644, 0), -EEXIST);
	CHECK_EQ(path_mknod(R, R, "a/a/x", S_IFIFO | 0644, 0), -ENOTDIR);
	CHECK_EQ(path_mknod(R, R, "nope/x", S_IFIFO | 0644, 0), -ENOENT);
	CHECK_EQ(path_mknod(R, R, "a/fifo/", S_IFIFO | 0644, 0), -ENOENT);
	CHECK_EQ(path_mknod(R, R, "a/bad", S_IFDIR | 0644, 0), -EINVAL);
	CHECK_EQ(path_mknod(R, R, "a/fifo", S_IFIFO | 0640, 0), 0);
	CHECK(at(R, "a/fifo") != NULL && at(R, "a/fifo")->mode == (S_IFIFO | 0640));
	CHECK_EQ(path_mknod(R, ab, "../chr", S_IFCHR | 0600, 0x103), 0);
	CHECK(at(R, "a/chr") != NULL && at(R, "a/chr")->rdev == 0x103);
	CHECK_EQ(path_unlink(R, R, "a/fifo"), 0);
	CHECK_EQ(path_unlink(R, R, "a/chr"), 0);

	CHECK_EQ(path_rmdir(R, R, "/"), -EBUSY);
	CHECK_EQ(path_rmdir(R, ab, "."), -EINVAL);
	CHECK_EQ(path_rmdir(R, ab, ".."), -ENOTEMPTY);
	CHECK_EQ(path_rmdir(R, R, "a/b/a/."), -EINVAL);
	CHECK_EQ(path_rmdir(R, R, "a/a"), -ENOTDIR);
	CHECK_EQ(path_rmdir(R, R, "a/a/"), -ENOTDIR);
	CHECK_EQ(path_rmdir(R, R, "a"), -ENOTEMPTY);
	CHECK_EQ(path_rmdir(R, R, "a/nope"), -ENOENT);
	CHECK_EQ(path_rmdir(R, R, "a/new/"), 0);
	CHECK(at(R, "a/new") == NULL);

	CHECK_EQ(path_unlink(R, R, "/"), -EISDIR);
	CHECK_EQ(path_unlink(R, ab, "."), -EISDIR);
	CHECK_EQ(path_unlink(R, ab, ".."), -EISDIR);
	CHECK_EQ(path_unlink(R, R, "a/b"), -EISDIR);
	CHECK_EQ(path_unlink(R, R, "a/b/"), -EISDIR);
	CHECK_EQ(path_unlink(R, R, "a/a/"), -ENOTDIR);
	CHECK_EQ(path_unlink(R, R, "a/nope/"), -ENOENT);
	CHECK_EQ(path_unlink(R, R, "a/nope"), -ENOENT);
	CHECK_EQ(path_unlink(R, R, "a/a/x"), -ENOTDIR);
	CHECK(at(R, "a/a") == aa);

	CHECK_EQ(path_link(R, R, "a/a", PATH_NOFOLLOW, "a/b/l"), 0);
	CHECK(at(R, "a/b/l") == aa && aa->nlink == 2);
	CHECK_EQ(path_link(R, R, "a/a", PATH_NOFOLLOW, "a/b/l"), -EEXIST);
	CHECK_EQ(path_link(R, R, "a/a", PATH_NOFOLLOW, "/"), -EEXIST);
	CHECK_EQ(path_link(R, R, "a/a", PATH_NOFOLLOW, "a/."), -EEXIST);
	CHECK_EQ(path_link(R, R, "a/a", PATH_NOFOLLOW, "a/.."), -EEXIST);
	CHECK_EQ(path_link(R, R, "a/a", PATH_NOFOLLOW, "a/b/"), -EEXIST);
	CHECK_EQ(path_link(R, R, "a/a", PATH_NOFOLLOW, "a/new/"), -ENOENT);
	CHECK_EQ(path_link(R, R, "a/a/", PATH_NOFOLLOW, "a/x"), -ENOTDIR);
	CHECK_EQ(path_link(R, R, "a/nope", PATH_NOFOLLOW, "a/x"), -ENOENT);
	CHECK_EQ(path_link(R, R, "a", PATH_NOFOLLOW, "x"), -EPERM);
	CHECK_EQ(path_link(R, R, "a/a", PATH_NOFOLLOW, "nope/x"), -ENOENT);
	CHECK_EQ(path_unlink(R, R, "a/b/l"), 0);
	CHECK_EQ(aa->nlink, 1);

	CHECK_EQ(path_rename(R, R, "/", R, "x", 0), -EBUSY);
	CHECK_EQ(path_rename(R, R, "a/b/.", R, "x", 0), -EBUSY);
	CHECK_EQ(path_rename(R, R, "a/a", R, "a/..", 0), -EBUSY);
	CHECK_EQ(path_rename(R, R, "a/a", R, "/", 0), -EBUSY);
	CHECK_EQ(path_rename(R, R, "a/a/", R, "x", 0), -ENOTDIR);
	CHECK_EQ(path_rename(R, R, "a/a", R, "x/", 0), -ENOTDIR);
	CHECK_EQ(path_rename(R, R, "a/nope", R, "x", 0), -ENOENT);
	CHECK_EQ(path_rename(R, R, "a/nope/", R, "x", 0), -ENOENT);
	CHECK_EQ(path_rename(R, R, "a", R, "a/b/a/x", 0), -EINVAL);
	CHECK_EQ(path_rename(R, R, "a/b/a", R, "a", 0), -ENOTEMPTY);
	CHECK_EQ(path_rename(R, R, "a/b/", R, "b/c/", 0), 0);
	CHECK(at(R, "b/c") == ab);
	CHECK_EQ(path_rename(R, R, "b/c", R, "a/b", 0), 0);
	CHECK_EQ(path_rename(R, R, "a/a", R, "a/b/b", 0), 0);
	CHECK(at(R, "a/b/b") == aa && at(R, "a/a") == NULL);

	CHECK_EQ(path_create(R, R, "/", 0644, 0, &n), -EISDIR);
	CHECK_EQ(path_create(R, R, "/", 0644, PATH_EXCL, &n), -EEXIST);
	CHECK_EQ(path_create(R, ab, ".", 0644, 0, &n), -EISDIR);
	CHECK_EQ(path_create(R, ab, "..", 0644, PATH_EXCL, &n), -EEXIST);
	CHECK_EQ(path_create(R, R, "a/b", 0644, 0, &n), -EISDIR);
	CHECK_EQ(path_create(R, R, "a/b", 0644, PATH_EXCL, &n), -EEXIST);
	CHECK_EQ(path_create(R, R, "a/new/", 0644, 0, &n), -EISDIR);
	CHECK_EQ(path_create(R, R, "a/b/b/", 0644, 0, &n), -EISDIR);
	CHECK_EQ(path_create(R, R, "a/b/b", 0644, PATH_EXCL, &n), -EEXIST);
	n = NULL;
	CHECK_EQ(path_create(R, R, "a/b/b", 0644, 0, &n), 0);
	CHECK(n == aa);
	CHECK_EQ(path_create(R, R, "a/b/b/x", 0644, 0, &n), -ENOTDIR);
	CHECK_EQ(path_create(R, R, "nope/x", 0644, 0, &n), -ENOENT);
	CHECK_EQ(path_create(R, R, "a/fresh", 0600, PATH_EXCL, &n), 1);   /* 1: made */
	CHECK(at(R, "a/fresh") == n && n->mode == (S_IFREG | 0600));
	CHECK_EQ(path_create(R, R, "a/dev", S_IFDIR | 0600, 0, &n), -EINVAL);
	ramfs_destroy(fs);
}

/* --- the random sweep ---------------------------------------------------- */

static uint64_t seed = 0x2545F4914F6CDD1DULL;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(seed >> 33) % n;
}

/* A random path of 0..15 bytes over {a, b, /, .}. */
static void rnd_path(char *p)
{
	static const char alpha[] = "ab/.";
	unsigned len = rnd(16);

	for (unsigned i = 0; i < len; i++)
		p[i] = alpha[rnd(4)];
	p[len] = '\0';
}

/* In the fixed tree: 1 for a directory, 0 for a file, -1 when absent ("" is the root). */
static int ref_kind(const char *canon)
{
	if (canon[0] == '\0')
		return 1;
	for (size_t i = 0; i < NTREE; i++)
		if (strcmp(tree[i].path, canon) == 0)
			return tree[i].dir;
	return -1;
}

/*
 * The reference resolver: the same rules, on strings. canon is a path
 * relative to the root without leading or trailing slashes ("" for it).
 */
static int ref_walk(const char *path, const char *cwd, char *canon)
{
	const char *p = path;
	size_t n = strlen(path);

	if (n >= PATH_MAX)
		return -ENAMETOOLONG;
	if (n == 0)
		return -ENOENT;
	strcpy(canon, path[0] == '/' ? "" : cwd);
	for (;;) {
		char comp[256];
		size_t len;

		while (*p == '/')
			p++;
		if (*p == '\0')
			return 0;
		len = strcspn(p, "/");
		if (len > 255)
			return -ENAMETOOLONG;
		memcpy(comp, p, len);
		comp[len] = '\0';
		p += len;
		if (ref_kind(canon) != 1)
			return -ENOTDIR;
		if (strcmp(comp, "..") == 0) {
			char *s = strrchr(canon, '/');

			if (s)
				*s = '\0';
			else
				canon[0] = '\0';
		} else if (strcmp(comp, ".") != 0) {
			if (canon[0] != '\0')
				strcat(canon, "/");
			strcat(canon, comp);
			if (ref_kind(canon) < 0)
				return -ENOENT;
		}
		if (*p == '/' && p[strspn(p, "/")] == '\0' && ref_kind(canon) != 1)
			return -ENOTDIR;
	}
}

/* The node of a canonical path, found with ramfs_lookup alone. */
static struct rnode *ref_node(const char *canon)
{
	struct rnode *n = R;
	const char *p = canon;

	while (*p) {
		size_t len = strcspn(p, "/");

		if (ramfs_lookup(n, p, len, &n) < 0)
			return NULL;
		p += len;
		p += *p == '/';
	}
	return n;
}

static void test_sweep_walk(void)
{
	static const char *cwds[] = { "", "a", "a/b", "a/b/a", "b", "b/.a", "..." };
	char path[32], canon[PATH_MAX];
	int bad = 0, ok = 0;

	build();
	for (int i = 0; i < 200000; i++) {
		const char *cwdc = cwds[rnd(7)];
		struct rnode *cwd = ref_node(cwdc);
		struct path_result r, pr;
		int want, got, pgot;

		rnd_path(path);
		want = ref_walk(path, cwdc, canon);
		got = path_walk(R, cwd, path, 0, &r);
		if (got != want) {
			if (bad++ < 5)
				printf("  \"%s\" from \"/%s\": %d, expected %d\n", path, cwdc, got, want);
			continue;
		}
		if (got == 0) {
			ok++;
			if (r.node != ref_node(canon))
				bad++;
			else if (S_ISDIR(r.node->mode) && strcmp(cwdstr(R, r.node) + 1, canon) != 0)
				bad++;
		}
		/* The parent mode agrees with the full walk. */
		pgot = path_walk(R, cwd, path, PATH_PARENT, &pr);
		if (pgot < 0) {
			if (pgot != got)
				bad++;
			continue;
		}
		if (!S_ISDIR(pr.node->mode))
			bad++;
		switch (pr.lasttype) {
		case PATH_LAST_ROOT:
			if (got != 0 || r.node != R || pr.node != R)
				bad++;
			break;
		case PATH_LAST_DOT:
			if (got != 0 || r.node != pr.node)
				bad++;
			break;
		case PATH_LAST_DOTDOT:
			if (got != 0 || r.node != (pr.node == R ? R : pr.node->parent))
				bad++;
			break;
		default: {
			struct rnode *n;
			int e = ramfs_lookup(pr.node, pr.last, pr.lastlen, &n);

			if (e < 0 ? got != e : got == 0 ? r.node != n : !(got == -ENOTDIR && pr.slash))
				bad++;
			if (pr.lastlen == 0 || memchr(pr.last, '/', pr.lastlen))
				bad++;
		}
		}
	}
	CHECK_EQ(bad, 0);
	CHECK(ok > 10000); /* the sweep reaches real nodes, not only errors */
	ramfs_destroy(fs);
}

/* Nodes reachable from d (each file once per name), checking the invariants; -1 when broken. */
static long tree_ok(struct rnode *d, struct rnode *up)
{
	long total = 1, sub = 0;

	if (d->parent != up || d->nlink == 0)
		return -1;
	for (size_t i = 0; i < d->nents; i++) {
		struct rnode *n = d->ents[i]->node;

		if (i > 0 && d->ents[i]->cookie <= d->ents[i - 1]->cookie)
			return -1;
		if (S_ISDIR(n->mode)) {
			long t = tree_ok(n, d);

			if (t < 0)
				return -1;
			total += t;
			sub++;
		} else {
			total += 1;
		}
	}
	return d->nlink == 2 + (uint64_t)sub ? total : -1;
}

/* Count the names of every file; the node count must match files + directories. */
static bool fs_ok(void)
{
	long names = tree_ok(R, R), files = 0, linksum = 0;

	if (names < 0)
		return false;
	for (struct rnode *n = fs->all; n; n = n->next) {
		if (!S_ISDIR(n->mode)) {
			files++;
			linksum += n->nlink;
		}
	}
	/* Every name of a file is one link, and no node is kept without a name. */
	return (long)fs->nnodes - files + linksum == names;
}

static void test_sweep_calls(void)
{
	static const char *cwds[] = { "", "a", "a/b", "b", "b/b" };
	char p1[32], p2[32];
	int bad = 0, done = 0;

	build();
	for (int i = 0; i < 100000; i++) {
		struct rnode *cwd = at(R, cwds[rnd(5)]), *n;
		int ret = 0, op = rnd(6);

		if (!cwd)
			cwd = R;
		rnd_path(p1);
		rnd_path(p2);
		switch (op) {
		case 0: ret = path_mkdir(R, cwd, p1, 0755); break;
		case 1: ret = path_rmdir(R, cwd, p1); break;
		case 2: ret = path_unlink(R, cwd, p1); break;
		case 3: ret = path_link(R, cwd, p1, PATH_NOFOLLOW, p2); break;
		case 4: ret = path_rename(R, cwd, p1, cwd, p2, 0); break;
		case 5: ret = path_create(R, cwd, p1, 0644, rnd(2) ? PATH_EXCL : 0, &n); break;
		}
		if (ret >= 0)
			done++;
		else if (ret != -ENOENT && ret != -ENOTDIR && ret != -EISDIR && ret != -EEXIST &&
			 ret != -ENOTEMPTY && ret != -EINVAL && ret != -EBUSY && ret != -EPERM) {
			if (bad++ < 5)
				printf("  op %d \"%s\" \"%s\": %d\n", op, p1, p2, ret);
		}
		if (!fs_ok()) {
			if (bad++ < 5)
				printf("  op %d \"%s\" \"%s\" broke the tree\n", op, p1, p2);
			break;
		}
		/* Keep the tree from emptying out or growing without bound. */
		if (fs->nnodes < 4 || fs->nnodes > 200) {
			ramfs_destroy(fs);
			build();
		}
	}
	CHECK_EQ(bad, 0);
	CHECK(done > 1000);
	ramfs_destroy(fs);
}

int main(void)
{
	test_walk();
	test_parent();
	test_limits();
	test_chroot();
	test_getcwd();
	test_mount();
	test_mount_use();
	test_perm();
	test_perm_calls();
	test_calls();
	test_sweep_walk();
	test_sweep_calls();
	return check_done();
}
