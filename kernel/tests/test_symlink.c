/*
 * test_symlink.c - host tests for symbolic links in fs/path.c and ramfs:
 * making and reading them, relative and absolute targets, chains, loops
 * (-ELOOP on the 41st link), trailing slashes, dangling links, the calls
 * that do not follow the last link (lstat-style walks, unlink, rmdir,
 * rename, link, mkdir, O_CREAT|O_EXCL, O_NOFOLLOW), O_CREAT through a
 * dangling link, links across a mount, getcwd of a directory reached
 * through links, and renameat2's flags.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fs/path.h"
#include "fs/perm.h"
#include "api/errno.h"
#include "api/fcntl.h"

void *kmalloc(size_t n) { return malloc(n); }
void *kzalloc(size_t n) { return calloc(1, n); }
void kfree(void *p) { free(p); }

/* File pages (fs_env.h): aligned, zeroed, never shared here. */
void *fpage_alloc(void)
{
	void *p = aligned_alloc(RAMFS_PAGE, RAMFS_PAGE);

	return p ? memset(p, 0, RAMFS_PAGE) : NULL;
}

void fpage_put(void *page) { free(page); }
bool fpage_shared(const void *page) { return false; }

static struct ramfs *fs;
static struct rnode *R;

/* Walk path from root and cwd R with flags: the node, or NULL. */
static struct rnode *at(const char *path, int flags)
{
	struct path_result r;

	return path_walk(R, R, path, flags, &r) == 0 ? r.node : NULL;
}

/* path_walk's result code alone. */
static int walk(const char *path, int flags)
{
	struct path_result r;

	return path_walk(R, R, path, flags, &r);
}

/* The text of the link at path (not followed), or "". */
static const char *text(const char *path)
{
	struct rnode *n = at(path, PATH_NOFOLLOW), *direct;
	const char *t;
	size_t len;

	if (!n || node_get_link(n, &t, &len, &direct) < 0 || strlen(t) != len)
		return "";
	return t;
}

/* A fresh tree: /d/f (file), /d/e (dir), /g (file). */
static void build(void)
{
	struct rnode *d;

	fs = ramfs_new(1, 0755);
	R = fs->root;
	CHECK_EQ(ramfs_mkdir(R, "d", 1, 0755, &d), 0);
	CHECK_EQ(ramfs_create(d, "f", 1, 0644, NULL), 0);
	CHECK_EQ(ramfs_mkdir(d, "e", 1, 0755, NULL), 0);
	CHECK_EQ(ramfs_create(R, "g", 1, 0644, NULL), 0);
}

static void test_make(void)
{
	struct rnode *l;
	struct stat st;

	build();
	CHECK_EQ(path_symlink(R, R, "d/f", "/lf"), 0);
	l = at("/lf", PATH_NOFOLLOW);
	CHECK(l && S_ISLNK(l->mode) && (l->mode & 07777) == 0777);
	ramfs_stat(l, &st);
	CHECK_EQ(st.st_size, 3);
	CHECK_STR(text("/lf"), "d/f");
	CHECK_EQ(path_symlink(R, R, "x", "/lf"), -EEXIST);
	CHECK_EQ(path_symlink(R, R, "x", "/d"), -EEXIST);
	CHECK_EQ(path_symlink(R, R, "x", "/"), -EEXIST);
	CHECK_EQ(path_symlink(R, R, "x", "/d/."), -EEXIST);
	CHECK_EQ(path_symlink(R, R, "x", "/new/"), -ENOENT);
	CHECK_EQ(path_symlink(R, R, "x", "/nope/new"), -ENOENT);
	CHECK_EQ(path_symlink(R, R, "x", "/g/new"), -ENOTDIR);
	CHECK_EQ(ramfs_symlink(R, "e", 1, "", 0, NULL), -ENOENT);
	CHECK_EQ(path_mkdir(R, R, "/lf", 0755), -EEXIST);
	{
		const char *t;
		size_t len;
		struct rnode *direct;

		CHECK_EQ(node_get_link(at("/g", 0), &t, &len, &direct), -EINVAL);
	}
	ramfs_destroy(fs);
}

static void test_follow(void)
{
	struct rnode *f, *e, *d;

	build();
	d = at("/d", 0);
	f = at("/d/f", 0);
	e = at("/d/e", 0);
	CHECK_EQ(path_symlink(R, R, "d/f", "/rel"), 0);          /* relative to / */
	CHECK_EQ(path_symlink(R, R, "f", "/d/rel"), 0);          /* relative to /d */
	CHECK_EQ(path_symlink(R, R, "/d/e", "/d/e/abs"), 0);     /* absolute */
	CHECK_EQ(path_symlink(R, R, "../g", "/d/up"), 0);
	CHECK_EQ(path_symlink(R, R, "/", "/root"), 0);
	CHECK_EQ(path_symlink(R, R, "d", "/ld"), 0);
	CHECK(at("/rel", 0) == f);
	CHECK(at("/d/rel", 0) == f);
	CHECK(at("/d/e/abs", 0) == e);
	CHECK(at("/d/e/abs/abs/abs", 0) == e);
	CHECK(at("/d/up", 0) == at("/g", 0));
	CHECK(at("/root", 0) == R);
	CHECK(at("/root/d/f", 0) == f);
	CHECK(at("/ld/f", 0) == f);
	CHECK(at("/ld/e/..", 0) == d);          /* ".." after a link: the target's parent */
	CHECK(at("ld/rel", 0) == f);
	/* The last link is not followed with PATH_NOFOLLOW, earlier ones are. */
	CHECK(S_ISLNK(at("/rel", PATH_NOFOLLOW)->mode));
	CHECK(at("/ld/rel", PATH_NOFOLLOW) == at("/d/rel", PATH_NOFOLLOW));
	CHECK(at("/ld", PATH_NOFOLLOW) != d);
	/* A trailing slash follows and asks for a directory. */
	CHECK(at("/ld/", PATH_NOFOLLOW) == d);
	CHECK(at("/ld/.", PATH_NOFOLLOW) == d);
	CHECK_EQ(walk("/rel/", 0), -ENOTDIR);
	CHECK_EQ(walk("/rel/", PATH_NOFOLLOW), -ENOTDIR);
	CHECK_EQ(walk("/rel/x", 0), -ENOTDIR);
	/* With PATH_PARENT the last is left alone, earlier ones are followed. */
	{
		struct path_result r;

		CHECK_EQ(path_walk(R, R, "/ld/rel", PATH_PARENT, &r), 0);
		CHECK(r.node == d && r.lastlen == 3 && memcmp(r.last, "rel", 3) == 0);
	}
	ramfs_destroy(fs);
}

static void test_dangling_loops(void)
{
	char name[16], target[16];
	struct rnode *n;

	build();
	CHECK_EQ(path_symlink(R, R, "nowhere", "/dang"), 0);
	CHECK_EQ(walk("/dang", 0), -ENOENT);
	CHECK(at("/dang", PATH_NOFOLLOW) != NULL);
	CHECK_EQ(walk("/dang/", PATH_NOFOLLOW), -ENOENT);
	CHECK_EQ(path_symlink(R, R, "self", "/self"), 0);
	CHECK_EQ(walk("/self", 0), -ELOOP);
	CHECK_EQ(walk("/self/x", 0), -ELOOP);
	CHECK(at("/self", PATH_NOFOLLOW) != NULL);
	CHECK_EQ(path_symlink(R, R, "b", "/a"), 0);
	CHECK_EQ(path_symlink(R, R, "a", "/b"), 0);
	CHECK_EQ(walk("/a", 0), -ELOOP);
	/* A chain l0 -> l1 -> ... -> l40 -> /g: 40 links from l1, 41 from l0. */
	for (int i = 0; i <= 40; i++) {
		snprintf(name, sizeof(name), "/l%d", i);
		if (i == 40)
			snprintf(target, sizeof(target), "/g");
		else
			snprintf(target, sizeof(target), "l%d", i + 1);
		CHECK_EQ(path_symlink(R, R, target, name), 0);
	}
	CHECK(at("/l1", 0) == at("/g", 0));
	CHECK_EQ(walk("/l0", 0), -ELOOP);
	CHECK(at("/l0", PATH_NOFOLLOW) != NULL);
	/* The same count over intermediate links: each l<i>x is "l<i+1>x/." */
	for (int i = 0; i <= 40; i++) {
		snprintf(name, sizeof(name), "/m%d", i);
		if (i == 40)
			snprintf(target, sizeof(target), "/d");
		else
			snprintf(target, sizeof(target), "m%d/.", i + 1);
		CHECK_EQ(path_symlink(R, R, target, name), 0);
	}
	CHECK(at("/m1/f", 0) == at("/d/f", 0));
	CHECK_EQ(walk("/m0/f", 0), -ELOOP);
	/* O_CREAT through a dangling link makes its target; O_EXCL does not follow. */
	CHECK_EQ(path_create(R, R, "/dang", 0644, PATH_EXCL, &n), -EEXIST);
	CHECK_EQ(path_create(R, R, "/dang", 0644, PATH_NOFOLLOW, &n), -ELOOP);
	CHECK_EQ(path_create(R, R, "/dang", 0644, 0, &n), 1);
	CHECK(at("/nowhere", 0) == n && at("/dang", 0) == n);
	CHECK_EQ(path_create(R, R, "/dang", 0644, 0, &n), 0);      /* now it exists */
	CHECK(n == at("/nowhere", 0));
	CHECK_EQ(path_create(R, R, "/self", 0644, 0, &n), -ELOOP);
	CHECK_EQ(path_symlink(R, R, "/d/e", "/le"), 0);
	CHECK_EQ(path_create(R, R, "/le", 0644, 0, &n), -EISDIR);
	CHECK_EQ(path_symlink(R, R, "nope/x", "/deep"), 0);
	CHECK_EQ(path_create(R, R, "/deep", 0644, 0, &n), -ENOENT);
	CHECK_EQ(path_symlink(R, R, "newdir/", "/slashed"), 0);
	CHECK_EQ(path_create(R, R, "/slashed", 0644, 0, &n), -EISDIR);
	ramfs_destroy(fs);
}

static void test_nofollow_calls(void)
{
	struct rnode *f, *l, *d;

	build();
	f = at("/d/f", 0);
	d = at("/d", 0);
	CHECK_EQ(path_symlink(R, R, "d/f", "/lf"), 0);
	CHECK_EQ(path_symlink(R, R, "d", "/ld"), 0);
	/* link(2) names the link itself; with follow, its target. */
	CHECK_EQ(path_link(R, R, "/lf", PATH_NOFOLLOW, "/lf2"), 0);
	CHECK(at("/lf2", PATH_NOFOLLOW) == at("/lf", PATH_NOFOLLOW));
	CHECK_EQ(path_link(R, R, "/lf", 0, "/f2"), 0);
	CHECK(at("/f2", PATH_NOFOLLOW) == f);
	CHECK_EQ(path_link(R, R, "/ld", 0, "/d2"), -EPERM);
	CHECK_EQ(path_link(R, R, "/ld/", PATH_NOFOLLOW, "/d2"), -EPERM);
	/* rmdir and unlink work on the link. */
	CHECK_EQ(path_rmdir(R, R, "/ld"), -ENOTDIR);
	CHECK_EQ(path_rmdir(R, R, "/ld/"), -ENOTDIR);
	CHECK_EQ(path_unlink(R, R, "/ld/"), -ENOTDIR);
	CHECK_EQ(path_unlink(R, R, "/ld"), 0);
	CHECK(at("/d", 0) == d && at("/ld", PATH_NOFOLLOW) == NULL);
	/* rename moves the link, not its target. */
	l = at("/lf", PATH_NOFOLLOW);
	CHECK_EQ(path_rename(R, R, "/lf", R, "/d/e/moved", 0), 0);
	CHECK(at("/d/e/moved", PATH_NOFOLLOW) == l && at("/d/f", 0) == f);
	CHECK_EQ(walk("/d/e/moved", 0), -ENOENT);                   /* "d/f" from /d/e now */
	CHECK_EQ(path_rename(R, R, "/d/e/moved/", R, "/x", 0), -ENOTDIR);
	CHECK_EQ(path_unlink(R, R, "/d/e/moved"), 0);
	ramfs_destroy(fs);
}

static void test_mount_cwd(void)
{
	struct ramfs *m = ramfs_new(2, 0755);
	struct rnode *e, *sub;
	char buf[64];

	build();
	e = at("/d/e", 0);
	CHECK_EQ(path_mount(e, m), 0);
	CHECK_EQ(path_mkdir(R, R, "/d/e/sub", 0755), 0);
	sub = at("/d/e/sub", 0);
	CHECK(sub && sub->fs == m);
	/* A link outside pointing in, and one inside pointing out. */
	CHECK_EQ(path_symlink(R, R, "d/e/sub", "/in"), 0);
	CHECK_EQ(path_symlink(R, R, "../../../g", "/d/e/sub/out"), 0);
	CHECK_EQ(path_symlink(R, R, "..", "/d/e/up"), 0);
	CHECK(at("/in", 0) == sub);
	CHECK(at("/in/out", 0) == at("/g", 0));
	CHECK(at("/d/e/up", 0) == at("/d", 0));                     /* ".." leaves the mount */
	/* getcwd of a directory reached through links is its real path. */
	CHECK(path_getcwd(R, at("/in", 0), buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "/d/e/sub");
	CHECK_EQ(path_link(R, R, "/in/out", PATH_NOFOLLOW, "/x"), -EXDEV);
	CHECK_EQ(path_unlink(R, R, "/in/out"), 0);
	CHECK_EQ(path_unlink(R, R, "/d/e/up"), 0);
	CHECK_EQ(path_rmdir(R, R, "/d/e/sub"), 0);
	CHECK_EQ(path_umount(m), 0);
	ramfs_destroy(m);
	ramfs_destroy(fs);
}

static void test_rename_flags(void)
{
	struct rnode *f, *g, *d, *e;

	build();
	f = at("/d/f", 0);
	g = at("/g", 0);
	d = at("/d", 0);
	e = at("/d/e", 0);
	CHECK_EQ(path_rename(R, R, "/g", R, "/h", RENAME_WHITEOUT), -EINVAL);
	CHECK_EQ(path_rename(R, R, "/g", R, "/h", RENAME_NOREPLACE | RENAME_EXCHANGE), -EINVAL);
	CHECK_EQ(path_rename(R, R, "/g", R, "/d/f", RENAME_NOREPLACE), -EEXIST);
	CHECK_EQ(path_rename(R, R, "/g", R, "/g", RENAME_NOREPLACE), -EEXIST);
	CHECK_EQ(path_rename(R, R, "/nope", R, "/d/f", RENAME_NOREPLACE), -ENOENT);
	CHECK_EQ(path_rename(R, R, "/g", R, "/h", RENAME_EXCHANGE), -ENOENT);
	CHECK_EQ(path_rename(R, R, "/g", R, "/d/f", RENAME_EXCHANGE), 0);
	CHECK(at("/g", 0) == f && at("/d/f", 0) == g);
	/* A file and a directory in different parents swap; nlink follows the directory. */
	CHECK_EQ(R->nlink, 3);
	CHECK_EQ(path_rename(R, R, "/g", R, "/d/e", RENAME_EXCHANGE), 0);
	CHECK(at("/g", 0) == e && at("/d/e", 0) == f && e->parent == R);
	CHECK_EQ(R->nlink, 4);
	CHECK_EQ(d->nlink, 2);
	CHECK_EQ(path_rename(R, R, "/g", R, "/d/e", RENAME_EXCHANGE), 0);
	CHECK_EQ(R->nlink, 3);
	CHECK_EQ(d->nlink, 3);
	/* A directory may not land inside itself. */
	CHECK_EQ(path_rename(R, R, "/d", R, "/d/e", RENAME_EXCHANGE), -EINVAL);
	CHECK_EQ(path_rename(R, R, "/d/f", R, "/d/f/", RENAME_EXCHANGE), -ENOTDIR);
	CHECK_EQ(path_rename(R, R, "/g", R, "/h", RENAME_NOREPLACE), 0);
	CHECK(at("/h", 0) == f);
	ramfs_destroy(fs);
}

int main(void)
{
	test_make();
	test_follow();
	test_dangling_loops();
	test_nofollow_calls();
	test_mount_cwd();
	test_rename_flags();
	return check_done();
}
