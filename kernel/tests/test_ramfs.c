/*
 * test_ramfs.c - host tests for fs/ramfs.c: every operation and every
 * refusal, link counts, files that outlive their names, rename's corner
 * cases, holes and truncation, getdents in pieces, and allocation failure
 * at every point of every allocating operation. Each test frees its
 * filesystem with ramfs_destroy(), so ASan's leak check covers teardown.
 * File data lives in pages (the page cache): writes spanning pages, holes,
 * truncation across pages, and the copy made before writing into a page
 * that a pretend mapping holds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "api/dirent.h"
#include "api/errno.h"
#include "fs/ramfs.h"

/*
 * The allocator ramfs sees: malloc, except that when fail_in is set the
 * fail_in-th allocation from then on returns NULL (and fail_in goes to 0).
 */
static long fail_in;

static int should_fail(void)
{
	return fail_in > 0 && --fail_in == 0;
}

void *kmalloc(size_t n)
{
	return should_fail() ? NULL : malloc(n);
}

void *kzalloc(size_t n)
{
	return should_fail() ? NULL : calloc(1, n);
}

void kfree(void *p)
{
	free(p);
}

/*
 * File pages: aligned allocations through the same failure switch. live
 * counts the pages not yet freed. A page in held[] is also held by a
 * pretend mapping (map_page: the kernel's frame_get), so it has two
 * references while the cache keeps it, and fpage_shared says so.
 */
static long live_pages;
static struct { const void *page; int refs; } held[4];

void *fpage_alloc(void)
{
	void *p;

	if (should_fail() || !(p = aligned_alloc(RAMFS_PAGE, RAMFS_PAGE)))
		return NULL;
	memset(p, 0, RAMFS_PAGE);
	live_pages++;
	return p;
}

/* The slot of page in held[], or -1. */
static int held_at(const void *page)
{
	for (int i = 0; i < 4; i++)
		if (held[i].page == page)
			return i;
	return -1;
}

void fpage_put(void *page)
{
	int i = held_at(page);

	if (i >= 0 && --held[i].refs > 0)
		return;
	if (i >= 0)
		held[i].page = NULL;
	free(page);
	live_pages--;
}

bool fpage_shared(const void *page)
{
	int i = held_at(page);

	return i >= 0 && held[i].refs > 1;
}

/* A pretend process maps page (one more reference), then lets it go. */
static void map_page(const void *page)
{
	int i = held_at(page);

	if (i < 0) {
		i = held_at(NULL);
		held[i].page = page;
		held[i].refs = 1;
	}
	held[i].refs++;
}

static void unmap_page(void *page)
{
	fpage_put(page);
}

#define S(str) str, strlen(str)

/* The node name names in dir, or NULL. */
static struct rnode *get(struct rnode *dir, const char *name)
{
	struct rnode *n;

	return ramfs_lookup(dir, name, strlen(name), &n) == 0 ? n : NULL;
}

static struct rnode *mkfile(struct rnode *dir, const char *name)
{
	struct rnode *n = NULL;

	CHECK_EQ(ramfs_create(dir, S(name), 0644, &n), 0);
	return n;
}

static struct rnode *mkdir_(struct rnode *dir, const char *name)
{
	struct rnode *n = NULL;

	CHECK_EQ(ramfs_mkdir(dir, S(name), 0755, &n), 0);
	return n;
}

/* Read the whole of file n into a fresh NUL-terminated buffer. */
static char *slurp(struct rnode *n)
{
	char *b = calloc(1, n->size + 1);

	CHECK_EQ(ramfs_read(n, 0, b, n->size), (long)n->size);
	return b;
}

static int content_is(struct rnode *n, const char *want)
{
	char *b = slurp(n);
	int ok = n->size == strlen(want) && memcmp(b, want, n->size) == 0;

	free(b);
	return ok;
}

static void test_root(void)
{
	struct ramfs *fs = ramfs_new(7, 0755 | S_IFREG | 070000);
	struct rnode *r = fs->root, *n;
	struct stat st;

	CHECK(S_ISDIR(r->mode));
	CHECK_EQ(r->mode & S_IALLUGO, 0755);
	CHECK_EQ(r->nlink, 2);
	CHECK(r->parent == r);
	CHECK_EQ(fs->nnodes, 1);
	CHECK(get(r, ".") == r);
	CHECK(get(r, "..") == r);
	ramfs_stat(r, &st);
	CHECK_EQ(st.st_dev, 7);
	CHECK_EQ(st.st_ino, r->ino);
	CHECK_EQ(st.st_nlink, 2);
	CHECK_EQ(st.st_mode, S_IFDIR | 0755);
	CHECK_EQ(st.st_size, 40);
	CHECK_EQ(st.st_blksize, 4096);
	CHECK_EQ(ramfs_lookup(r, S("nope"), &n), -ENOENT);
	ramfs_destroy(fs);
	ramfs_destroy(NULL);

	/* Out of memory for the fs, then for its root. */
	fail_in = 1;
	CHECK(ramfs_new(0, 0755) == NULL);
	fail_in = 2;
	CHECK(ramfs_new(0, 0755) == NULL);
	CHECK_EQ(fail_in, 0);
}

static void test_create(void)
{
	struct ramfs *fs = ramfs_new(1, 0755);
	struct rnode *r = fs->root, *f, *c, *n = NULL;
	char name[300];
	struct stat st;

	fs->now = (struct timespec){ 100, 5 };
	f = mkfile(r, "f");
	CHECK(f && get(r, "f") == f);
	CHECK_EQ(f->mode, S_IFREG | 0644);
	CHECK_EQ(f->nlink, 1);
	CHECK(f->ino != r->ino);
	CHECK_EQ(f->mtime.tv_sec, 100);
	CHECK_EQ(r->mtime.tv_sec, 100);
	CHECK_EQ(r->nlink, 2); /* files do not count */
	CHECK_EQ(ramfs_create(r, S("f"), 0644, &n), -EEXIST);
	CHECK_EQ(ramfs_mkdir(r, S("f"), 0755, &n), -EEXIST);
	CHECK_EQ(ramfs_create(r, S("."), 0644, &n), -EEXIST);
	CHECK_EQ(ramfs_create(r, S(".."), 0644, &n), -EEXIST);
	CHECK_EQ(ramfs_mkdir(r, S(".."), 0755, &n), -EEXIST);

	/* Names: empty, too long, with '/' or NUL; 255 bytes is fine. */
	CHECK_EQ(ramfs_create(r, "", 0, 0644, &n), -ENOENT);
	memset(name, 'n', sizeof(name));
	CHECK_EQ(ramfs_create(r, name, 256, 0644, &n), -ENAMETOOLONG);
	CHECK_EQ(ramfs_mkdir(r, name, 256, 0755, &n), -ENAMETOOLONG);
	CHECK_EQ(ramfs_lookup(r, name, 256, &n), -ENAMETOOLONG);
	CHECK_EQ(ramfs_create(r, name, 255, 0644, &n), 0);
	CHECK(ramfs_lookup(r, name, 255, &c) == 0 && c == n);
	CHECK_EQ(ramfs_lookup(r, name, 254, &c), -ENOENT);
	CHECK_EQ(ramfs_create(r, S("a/b"), 0644, &n), -EINVAL);
	CHECK_EQ(ramfs_create(r, "a\0b", 3, 0644, &n), -EINVAL);
	CHECK_EQ(ramfs_lookup(r, S("a/b"), &n), -EINVAL);
	CHECK_EQ(ramfs_lookup(r, "", 0, &n), -ENOENT);
	/* Names are bytes: compared exactly, any length prefix is another name. */
	CHECK(get(r, "F") == NULL);
	CHECK(get(r, "ff") == NULL);
	CHECK(mkfile(r, "ff") != f);

	/* Types: device nodes, FIFOs and sockets yes, directories and symlinks not here. */
	CHECK_EQ(ramfs_create(r, S("tty"), S_IFCHR | 0620, &c), 0);
	c->rdev = 0x0401;
	ramfs_stat(c, &st);
	CHECK_EQ(st.st_mode, S_IFCHR | 0620);
	CHECK_EQ(st.st_rdev, 0x0401);
	CHECK_EQ(st.st_size, 0);
	CHECK_EQ(ramfs_create(r, S("fifo"), S_IFIFO | 0600, &n), 0);
	CHECK_EQ(ramfs_create(r, S("blk"), S_IFBLK | 0600, &n), 0);
	CHECK_EQ(ramfs_create(r, S("d"), S_IFDIR | 0755, &n), -EINVAL);
	CHECK_EQ(ramfs_create(r, S("l"), S_IFLNK | 0777, &n), -EINVAL);
	CHECK_EQ(ramfs_create(r, S("s"), S_IFSOCK | 0777, &n), 0);
	CHECK_EQ(n->mode, S_IFSOCK | 0777);
	CHECK_EQ(ramfs_create(r, S("y"), 0030000 | 0777, &n), -EINVAL);
	CHECK(get(r, "d") == NULL && get(r, "l") == NULL && get(r, "y") == NULL);
	CHECK_EQ(ramfs_create(r, S("x"), 07777 | S_IFREG, &n), 0);
	CHECK_EQ(n->mode, S_IFREG | 07777);
	CHECK_EQ(ramfs_mkdir(r, S("dx"), 0777 | S_IFREG, &n), 0);
	CHECK_EQ(n->mode, S_IFDIR | 0777);

	/* Not in a file. */
	CHECK_EQ(ramfs_create(f, S("x"), 0644, &n), -ENOTDIR);
	CHECK_EQ(ramfs_mkdir(f, S("x"), 0755, &n), -ENOTDIR);
	CHECK_EQ(ramfs_lookup(f, S("x"), &n), -ENOTDIR);
	CHECK_EQ(ramfs_lookup(f, S("."), &n), -ENOTDIR);
	CHECK_EQ(ramfs_mkdir(r, S("nullout"), 0755, NULL), 0);
	CHECK_EQ(fs->nnodes, 11);
	ramfs_destroy(fs);
}

static void test_dirs(void)
{
	struct ramfs *fs = ramfs_new(1, 0755), *other = ramfs_new(2, 0755);
	struct rnode *r = fs->root, *a, *b, *c, *f, *n;

	a = mkdir_(r, "a");
	b = mkdir_(a, "b");
	c = mkdir_(a, "c");
	f = mkfile(a, "f");
	CHECK_EQ(r->nlink, 3);
	CHECK_EQ(a->nlink, 4);
	CHECK_EQ(b->nlink, 2);
	CHECK(b->parent == a && a->parent == r);
	CHECK(get(b, "..") == a && get(a, "..") == r && get(b, ".") == b);

	CHECK_EQ(ramfs_rmdir(r, S("a")), -ENOTEMPTY);
	CHECK_EQ(ramfs_rmdir(a, S("f")), -ENOTDIR);
	CHECK_EQ(ramfs_rmdir(a, S("nope")), -ENOENT);
	CHECK_EQ(ramfs_rmdir(a, S(".")), -EINVAL);
	CHECK_EQ(ramfs_rmdir(a, S("..")), -ENOTEMPTY);
	CHECK_EQ(ramfs_rmdir(f, S("x")), -ENOTDIR);
	CHECK_EQ(ramfs_rmdir(a, "", 0), -ENOENT);
	CHECK_EQ(ramfs_unlink(a, S("b")), -EISDIR);

	/* A mount point is busy. */
	b->mounted = other->root;
	other->root->covered = b;
	CHECK_EQ(ramfs_rmdir(a, S("b")), -EBUSY);
	b->mounted = NULL;
	other->root->covered = NULL;

	CHECK_EQ(ramfs_rmdir(a, S("b")), 0);
	CHECK(get(a, "b") == NULL);
	CHECK_EQ(a->nlink, 3);
	CHECK_EQ(fs->nnodes, 4);

	/* A removed directory held open: no entries, no "..", nothing new inside. */
	rnode_get(c);
	CHECK_EQ(ramfs_rmdir(a, S("c")), 0);
	CHECK_EQ(a->nlink, 2);
	CHECK_EQ(c->nlink, 0);
	CHECK_EQ(fs->nnodes, 4);
	CHECK(get(c, ".") == c);
	CHECK_EQ(ramfs_lookup(c, S(".."), &n), -ENOENT);
	CHECK_EQ(ramfs_create(c, S("x"), 0644, &n), -ENOENT);
	CHECK_EQ(ramfs_mkdir(c, S("x"), 0755, &n), -ENOENT);
	CHECK_EQ(ramfs_link(c, S("x"), f), -ENOENT);
	CHECK_EQ(ramfs_rename(a, S("f"), c, S("f")), -ENOENT);
	CHECK_EQ(ramfs_unlink(c, S("x")), -ENOENT);
	{
		char buf[256];
		uint64_t pos = 0;

		CHECK_EQ(ramfs_getdents(c, &pos, buf, sizeof(buf)), -ENOENT);
	}
	rnode_put(c);
	CHECK_EQ(fs->nnodes, 3);
	rnode_put(r); /* refs already 0: ignored */
	CHECK_EQ(fs->nnodes, 3);

	/* EMLINK: a directory with RAMFS_LINK_MAX links takes no subdirectory. */
	a->nlink = RAMFS_LINK_MAX;
	CHECK_EQ(ramfs_mkdir(a, S("m"), 0755, &n), -EMLINK);
	CHECK_EQ(ramfs_create(a, S("m"), 0644, &n), 0);
	a->nlink = 2;
	ramfs_destroy(other);
	ramfs_destroy(fs);
}

static void test_links(void)
{
	struct ramfs *fs = ramfs_new(1, 0755), *other = ramfs_new(2, 0755);
	struct rnode *r = fs->root, *d, *f, *g, *n;
	char buf[16];

	d = mkdir_(r, "d");
	f = mkfile(r, "f");
	CHECK_EQ(ramfs_write(f, 0, "data", 4), 4);
	fs->now.tv_sec = 50;
	CHECK_EQ(ramfs_link(d, S("g"), f), 0);
	CHECK_EQ(f->nlink, 2);
	CHECK_EQ(f->ctime.tv_sec, 50);
	CHECK_EQ(d->mtime.tv_sec, 50);
	CHECK(get(d, "g") == f);
	CHECK_EQ(ramfs_link(r, S("f2"), f), 0);
	CHECK_EQ(f->nlink, 3);

	CHECK_EQ(ramfs_link(r, S("f2"), f), -EEXIST);
	CHECK_EQ(ramfs_link(r, S("d"), f), -EEXIST);
	CHECK_EQ(ramfs_link(r, S("."), f), -EEXIST);
	CHECK_EQ(ramfs_link(r, S(".."), f), -EEXIST);
	CHECK_EQ(ramfs_link(r, S("dd"), d), -EPERM);
	CHECK_EQ(ramfs_link(r, S("rr"), r), -EPERM);
	CHECK_EQ(ramfs_link(f, S("x"), f), -ENOTDIR);
	CHECK_EQ(ramfs_link(other->root, S("x"), f), -EXDEV);
	CHECK_EQ(ramfs_link(r, S("a/b"), f), -EINVAL);
	f->nlink = RAMFS_LINK_MAX;
	CHECK_EQ(ramfs_link(r, S("x"), f), -EMLINK);
	f->nlink = 3;
	CHECK_EQ(d->nlink, 2);

	CHECK_EQ(ramfs_unlink(r, S("f")), 0);
	CHECK_EQ(f->nlink, 2);
	CHECK(get(r, "f") == NULL);
	CHECK_EQ(ramfs_unlink(r, S("f")), -ENOENT);
	CHECK_EQ(ramfs_unlink(r, S("d")), -EISDIR);
	CHECK_EQ(ramfs_unlink(r, S(".")), -EISDIR);
	CHECK_EQ(ramfs_unlink(r, S("..")), -EISDIR);
	CHECK_EQ(ramfs_unlink(f, S("x")), -ENOTDIR);
	CHECK_EQ(ramfs_unlink(r, "", 0), -ENOENT);
	CHECK_EQ(ramfs_unlink(d, S("g")), 0);
	CHECK_EQ(f->nlink, 1);
	CHECK_EQ(fs->nnodes, 3);

	/* Unlinked while open: it lives, reads and writes, until the last put. */
	rnode_get(f);
	rnode_get(f);
	CHECK_EQ(ramfs_unlink(r, S("f2")), 0);
	CHECK_EQ(f->nlink, 0);
	CHECK_EQ(fs->nnodes, 3);
	CHECK_EQ(ramfs_write(f, 4, "more", 4), 4);
	CHECK_EQ(ramfs_read(f, 0, buf, sizeof(buf)), 8);
	CHECK(memcmp(buf, "datamore", 8) == 0);
	CHECK_EQ(ramfs_link(r, S("back"), f), -ENOENT);
	rnode_put(f);
	CHECK_EQ(fs->nnodes, 3);
	rnode_put(f);
	CHECK_EQ(fs->nnodes, 2);

	/* A name dropped while a reference exists, then a new file of that name. */
	g = mkfile(r, "g");
	rnode_get(g);
	CHECK_EQ(ramfs_unlink(r, S("g")), 0);
	n = mkfile(r, "g");
	CHECK(n != g);
	CHECK(get(r, "g") == n);
	rnode_put(g);
	ramfs_destroy(other);
	ramfs_destroy(fs);
}

/* The link-count invariants: nlink is 2 + subdirectories for directories, 1 for f. */
static int counts_ok(struct rnode *d)
{
	size_t sub = 0;

	for (size_t i = 0; i < d->nents; i++) {
		struct rnode *n = d->ents[i]->node;

		if (S_ISDIR(n->mode)) {
			sub++;
			if (n->parent != d || !counts_ok(n))
				return 0;
		}
	}
	return d->nlink == 2 + sub;
}

static void test_rename(void)
{
	struct ramfs *fs = ramfs_new(1, 0755), *other = ramfs_new(2, 0755);
	struct rnode *r = fs->root, *a, *b, *c, *e, *f, *g, *h;

	a = mkdir_(r, "a");
	b = mkdir_(a, "b");
	c = mkdir_(b, "c");
	e = mkdir_(r, "e");
	f = mkfile(r, "f");
	g = mkfile(a, "g");
	CHECK_EQ(ramfs_write(f, 0, "F", 1), 1);
	CHECK_EQ(ramfs_write(g, 0, "G", 1), 1);

	/* A plain move within a directory and across. */
	fs->now.tv_sec = 9;
	CHECK_EQ(ramfs_rename(r, S("f"), r, S("f1")), 0);
	CHECK(get(r, "f") == NULL && get(r, "f1") == f);
	CHECK_EQ(f->ctime.tv_sec, 9);
	CHECK_EQ(ramfs_rename(r, S("f1"), e, S("f")), 0);
	CHECK(get(r, "f1") == NULL && get(e, "f") == f);
	CHECK_EQ(f->nlink, 1);

	/* Same name, and two links to one node: nothing happens. */
	CHECK_EQ(ramfs_rename(e, S("f"), e, S("f")), 0);
	CHECK_EQ(ramfs_link(r, S("f2"), f), 0);
	CHECK_EQ(ramfs_rename(e, S("f"), r, S("f2")), 0);
	CHECK(get(e, "f") == f && get(r, "f2") == f);
	CHECK_EQ(f->nlink, 2);
	CHECK_EQ(ramfs_unlink(r, S("f2")), 0);

	/* A file replaces a file: the old one goes (or lives on while held). */
	h = mkfile(r, "h");
	CHECK_EQ(fs->nnodes, 8);
	CHECK_EQ(ramfs_rename(a, S("g"), r, S("h")), 0);
	CHECK(get(r, "h") == g && get(a, "g") == NULL);
	CHECK(content_is(g, "G"));
	CHECK_EQ(fs->nnodes, 7);
	h = mkfile(r, "h2");
	rnode_get(h);
	CHECK_EQ(ramfs_rename(r, S("h"), r, S("h2")), 0);
	CHECK(get(r, "h2") == g && get(r, "h") == NULL);
	CHECK_EQ(h->nlink, 0);
	CHECK_EQ(fs->nnodes, 8);
	rnode_put(h);
	CHECK_EQ(fs->nnodes, 7);

	/* Types must agree. */
	CHECK_EQ(ramfs_rename(r, S("h2"), r, S("e")), -EISDIR);
	CHECK_EQ(ramfs_rename(r, S("e"), r, S("h2")), -ENOTDIR);

	/* A directory over an empty directory, and not over a full one. */
	CHECK_EQ(ramfs_rename(r, S("e"), a, S("b")), -ENOTEMPTY);
	CHECK_EQ(ramfs_rename(e, S("f"), r, S("f")), 0);
	CHECK_EQ(ramfs_rename(a, S("b"), r, S("e")), 0); /* e is empty now */
	CHECK(get(r, "e") == b && get(a, "b") == NULL);
	CHECK(b->parent == r && get(b, "..") == r);
	CHECK_EQ(r->nlink, 4); /* a, e (= b), and the root's own two */
	CHECK_EQ(a->nlink, 2);
	CHECK(counts_ok(r));
	CHECK_EQ(fs->nnodes, 6);

	/* Moving a directory under itself, or onto itself. */
	CHECK_EQ(ramfs_rename(r, S("e"), c, S("x")), -EINVAL);
	CHECK_EQ(ramfs_rename(r, S("e"), b, S("x")), -EINVAL);
	CHECK_EQ(ramfs_rename(r, S("e"), r, S("e")), 0);
	/* Onto its own ancestor: that directory is not empty. */
	CHECK_EQ(ramfs_rename(b, S("c"), r, S("e")), -ENOTEMPTY);
	/* Moving a directory down and back, across parents. */
	CHECK_EQ(ramfs_rename(r, S("e"), a, S("b")), 0);
	CHECK(c->parent == b && b->parent == a);
	CHECK(counts_ok(r));
	CHECK_EQ(ramfs_rename(a, S("b"), r, S("b")), 0);
	CHECK(counts_ok(r));
	/* A directory over an empty one in another directory. */
	mkdir_(a, "empty");
	CHECK_EQ(ramfs_rename(r, S("b"), a, S("empty")), 0);
	CHECK(get(a, "empty") == b && b->parent == a);
	CHECK_EQ(r->nlink, 3);
	CHECK_EQ(a->nlink, 3);
	CHECK(counts_ok(r));

	/* Refusals. */
	CHECK_EQ(ramfs_rename(r, S("nope"), r, S("x")), -ENOENT);
	CHECK_EQ(ramfs_rename(r, S("."), r, S("x")), -EBUSY);
	CHECK_EQ(ramfs_rename(r, S("f"), r, S("..")), -EBUSY);
	CHECK_EQ(ramfs_rename(r, S("f"), other->root, S("f")), -EXDEV);
	CHECK_EQ(ramfs_rename(f, S("x"), r, S("y")), -ENOTDIR);
	CHECK_EQ(ramfs_rename(r, S("f"), f, S("y")), -ENOTDIR);
	CHECK_EQ(ramfs_rename(r, "", 0, r, S("y")), -ENOENT);
	CHECK_EQ(ramfs_rename(r, S("f"), r, "", 0), -ENOENT);
	CHECK_EQ(ramfs_rename(r, S("f"), r, S("a/b")), -EINVAL);
	b->mounted = other->root;
	CHECK_EQ(ramfs_rename(a, S("empty"), r, S("z")), -EBUSY);
	mkdir_(r, "z");
	CHECK_EQ(ramfs_rename(r, S("z"), a, S("empty")), -EBUSY);
	b->mounted = NULL;
	r->nlink = RAMFS_LINK_MAX;
	CHECK_EQ(ramfs_rename(a, S("empty"), r, S("new")), -EMLINK);
	CHECK_EQ(ramfs_rename(a, S("empty"), r, S("z")), 0); /* replacing: no new link */
	r->nlink = 4;
	CHECK(counts_ok(r));
	CHECK(get(a, "empty") == NULL && get(r, "z") == b);
	ramfs_destroy(other);
	ramfs_destroy(fs);
}

static void test_rw(void)
{
	struct ramfs *fs = ramfs_new(1, 0755);
	struct rnode *r = fs->root, *f, *c;
	char buf[8192], zero[8192] = { 0 };
	struct stat st;

	f = mkfile(r, "f");
	CHECK_EQ(ramfs_read(f, 0, buf, sizeof(buf)), 0);
	CHECK_EQ(ramfs_write(f, 0, "hello", 5), 5);
	CHECK_EQ(ramfs_read(f, 0, buf, sizeof(buf)), 5);
	CHECK(memcmp(buf, "hello", 5) == 0);
	CHECK_EQ(ramfs_read(f, 1, buf, 3), 3);
	CHECK(memcmp(buf, "ell", 3) == 0);
	CHECK_EQ(ramfs_read(f, 5, buf, 1), 0);
	CHECK_EQ(ramfs_read(f, 6, buf, 1), 0);
	CHECK_EQ(ramfs_read(f, INT64_MAX, buf, 1), 0);
	CHECK_EQ(ramfs_read(f, -1, buf, 1), -EINVAL);
	CHECK_EQ(ramfs_write(f, -1, "x", 1), -EINVAL);
	CHECK_EQ(ramfs_write(f, 2, "LL", 2), 2);
	CHECK(content_is(f, "heLLo"));

	/* A write past the end leaves a hole of zeros. */
	CHECK_EQ(ramfs_write(f, 5000, "end", 3), 3);
	CHECK_EQ(f->size, 5003);
	CHECK_EQ(ramfs_read(f, 5, buf, 4995), 4995);
	CHECK(memcmp(buf, zero, 4995) == 0);
	CHECK_EQ(ramfs_read(f, 4999, buf, 100), 4);
	CHECK(memcmp(buf, "\0end", 4) == 0);
	/* A zero-byte write anywhere changes nothing. */
	CHECK_EQ(ramfs_write(f, 100000, "", 0), 0);
	CHECK_EQ(f->size, 5003);
	ramfs_stat(f, &st);
	CHECK_EQ(st.st_size, 5003);
	CHECK(st.st_blocks * 512 >= 5003);

	/* Truncate: shrink, then grow again: the old bytes must not come back. */
	CHECK_EQ(ramfs_truncate(f, 3), 0);
	CHECK(content_is(f, "heL"));
	CHECK_EQ(f->resident, 1); /* the second page was given back */
	CHECK_EQ(ramfs_truncate(f, 10), 0);
	CHECK_EQ(ramfs_read(f, 0, buf, sizeof(buf)), 10);
	CHECK(memcmp(buf, "heL\0\0\0\0\0\0\0", 10) == 0);
	CHECK_EQ(ramfs_truncate(f, 10000), 0);
	CHECK_EQ(ramfs_read(f, 3, buf, sizeof(buf)), 8192);
	CHECK(memcmp(buf, zero, 8192) == 0);
	CHECK_EQ(ramfs_truncate(f, 0), 0);
	CHECK_EQ(f->size, 0);
	CHECK(f->pages == NULL && f->nslots == 0 && f->resident == 0);
	ramfs_stat(f, &st);
	CHECK_EQ(st.st_blocks, 0);
	CHECK_EQ(ramfs_read(f, 0, buf, 1), 0);
	CHECK_EQ(ramfs_write(f, 1, "x", 1), 1);
	CHECK_EQ(ramfs_read(f, 0, buf, 2), 2);
	CHECK(memcmp(buf, "\0x", 2) == 0);
	/* A cut inside a page zeroes the rest of it. */
	CHECK_EQ(ramfs_write(f, 0, "abcdefgh", 8), 8);
	CHECK_EQ(ramfs_truncate(f, 6), 0);
	CHECK_EQ(ramfs_write(f, 8, "Z", 1), 1);
	CHECK_EQ(ramfs_read(f, 0, buf, 9), 9);
	CHECK(memcmp(buf, "abcdef\0\0Z", 9) == 0);

	CHECK_EQ(ramfs_truncate(f, -1), -EINVAL);
	CHECK_EQ(ramfs_truncate(f, RAMFS_FILE_MAX + 1), -EFBIG);
	CHECK_EQ(ramfs_truncate(r, 0), -EISDIR);
	CHECK_EQ(ramfs_read(r, 0, buf, 1), -EISDIR);
	CHECK_EQ(ramfs_write(r, 0, "x", 1), -EISDIR);
	CHECK_EQ(ramfs_create(r, S("c"), S_IFCHR | 0600, &c), 0);
	CHECK_EQ(ramfs_read(c, 0, buf, 1), -EINVAL);
	CHECK_EQ(ramfs_write(c, 0, "x", 1), -EINVAL);
	CHECK_EQ(ramfs_truncate(c, 0), -EINVAL);

	/* Times: writes and truncates stamp mtime and ctime, reads nothing. */
	fs->now = (struct timespec){ 1234, 5678 };
	CHECK_EQ(ramfs_read(f, 0, buf, 1), 1);
	CHECK(f->atime.tv_sec != 1234 && f->mtime.tv_sec != 1234);
	CHECK_EQ(ramfs_write(f, 0, "q", 1), 1);
	CHECK_EQ(f->mtime.tv_sec, 1234);
	CHECK_EQ(f->ctime.tv_nsec, 5678);
	fs->now.tv_sec = 2000;
	CHECK_EQ(ramfs_truncate(f, 1), 0);
	ramfs_stat(f, &st);
	CHECK_EQ(st.st_mtim.tv_sec, 2000);
	CHECK_EQ(st.st_ctim.tv_sec, 2000);
	CHECK_EQ(st.st_atim.tv_sec, 0);

	/* The size limit: at it nothing, just below it a short write. */
	CHECK_EQ(ramfs_write(f, RAMFS_FILE_MAX, "x", 1), -EFBIG);
	CHECK_EQ(ramfs_write(f, INT64_MAX, "x", 1), -EFBIG);
	CHECK_EQ(f->size, 1);
	CHECK_EQ(ramfs_write(f, RAMFS_FILE_MAX - 2, "xyz", 3), 2);
	CHECK_EQ(f->size, RAMFS_FILE_MAX);
	CHECK_EQ(f->nslots, RAMFS_FILE_MAX / RAMFS_PAGE);
	CHECK_EQ(f->resident, 2);                 /* the first page and the last: a hole between */
	ramfs_stat(f, &st);
	CHECK_EQ(st.st_blocks, 2 * RAMFS_PAGE / 512);
	CHECK_EQ(ramfs_read(f, RAMFS_FILE_MAX - 3, buf, 10), 3);
	CHECK(memcmp(buf, "\0xy", 3) == 0);
	CHECK_EQ(ramfs_truncate(f, RAMFS_FILE_MAX), 0);
	CHECK_EQ(ramfs_truncate(f, 1), 0);
	CHECK(f->nslots <= 4 && f->resident == 1);
	ramfs_destroy(fs);
}

/* The page cache: writes across pages, holes, cuts across pages, the
 * copy before writing into a mapped page, short writes, the cost. */
static void test_pages(void)
{
	struct ramfs *fs = ramfs_new(1, 0755);
	struct rnode *r = fs->root, *f, *g;
	static char buf[6 * RAMFS_PAGE], pat[10000];
	struct stat st;
	unsigned char *p;

	for (size_t i = 0; i < sizeof(pat); i++)
		pat[i] = (char)(i % 251 + 1);

	/* 10000 bytes from 4000: pages 0 to 3, zeros before. */
	f = mkfile(r, "f");
	CHECK_EQ(ramfs_write(f, 4000, pat, sizeof(pat)), (long)sizeof(pat));
	CHECK_EQ(f->size, 14000);
	CHECK_EQ(f->resident, 4);
	CHECK_EQ(ramfs_read(f, 0, buf, sizeof(buf)), 14000);
	CHECK(buf[0] == 0 && buf[3999] == 0 && memcmp(buf + 4000, pat, sizeof(pat)) == 0);
	/* A read that starts and ends inside pages. */
	CHECK_EQ(ramfs_read(f, 4095, buf, 4098), 4098);
	CHECK(memcmp(buf, pat + 95, 4098) == 0);

	/* Cut inside page 1, then grow: pages 2 and 3 go, page 1's tail is zero. */
	CHECK_EQ(ramfs_truncate(f, 5000), 0);
	CHECK_EQ(f->resident, 2);
	CHECK(f->pages[2] == NULL && f->pages[3] == NULL);
	CHECK_EQ(ramfs_truncate(f, 14000), 0);
	CHECK_EQ(f->resident, 2);                  /* growing makes a hole */
	CHECK_EQ(ramfs_read(f, 0, buf, sizeof(buf)), 14000);
	CHECK(memcmp(buf + 4000, pat, 1000) == 0);
	for (int i = 5000; i < 14000; i++)
		if (buf[i] != 0)
			CHECK(!"old bytes came back");
	/* A cut at a page boundary keeps whole pages only. */
	CHECK_EQ(ramfs_truncate(f, RAMFS_PAGE), 0);
	CHECK_EQ(f->resident, 1);
	ramfs_stat(f, &st);
	CHECK_EQ(st.st_blocks, RAMFS_PAGE / 512);

	/* A hole: one byte in page 5 of a new file takes one page. */
	g = mkfile(r, "g");
	CHECK_EQ(ramfs_write(g, 5 * RAMFS_PAGE + 10, "z", 1), 1);
	CHECK_EQ(g->resident, 1);
	for (int i = 0; i < 5; i++)
		CHECK(g->pages[i] == NULL);
	CHECK_EQ(ramfs_read(g, 0, buf, sizeof(buf)), 5 * RAMFS_PAGE + 11);
	CHECK(buf[5 * RAMFS_PAGE + 10] == 'z' && buf[0] == 0 && buf[5 * RAMFS_PAGE + 9] == 0);
	ramfs_stat(g, &st);
	CHECK_EQ(st.st_blocks, RAMFS_PAGE / 512);

	/* A write into a page someone maps goes to a copy; the mapping keeps
	 * the old bytes until it lets go. */
	CHECK_EQ(ramfs_truncate(g, 0), 0);
	CHECK_EQ(ramfs_write(g, 0, "hello", 5), 5);
	p = g->pages[0];
	map_page(p);
	CHECK_EQ(ramfs_write(g, 0, "J", 1), 1);
	CHECK(g->pages[0] != p && memcmp(p, "hello", 6) == 0);
	CHECK(content_is(g, "Jello"));
	CHECK_EQ(g->resident, 1);
	unmap_page(p);
	/* A mapping outlives the cache's page: unlink, then let go. */
	p = g->pages[0];
	map_page(p);
	CHECK_EQ(ramfs_unlink(r, S("g")), 0);
	CHECK(memcmp(p, "Jello", 6) == 0);
	unmap_page(p);

	/* Out of pages part-way: what went in stays, and is counted. */
	g = mkfile(r, "g");
	fail_in = 3;                               /* the slots, page 0, then page 1 fails */
	CHECK_EQ(ramfs_write(g, RAMFS_PAGE - 6, pat, 20), 6);
	CHECK_EQ(g->size, RAMFS_PAGE);
	CHECK_EQ(g->resident, 1);
	fail_in = 1;                               /* page 1 fails at once */
	CHECK_EQ(ramfs_write(g, RAMFS_PAGE, pat, 20), -ENOMEM);
	CHECK_EQ(g->size, RAMFS_PAGE);
	fail_in = 0;

	/* The cost: new slots (a page) and holes; shared pages count too. */
	CHECK_EQ(ramfs_truncate(g, 0), 0);
	CHECK_EQ(ramfs_write_cost(g, 0, 1), 2);
	CHECK_EQ(ramfs_write(g, 0, "x", 1), 1);
	CHECK_EQ(ramfs_write_cost(g, 0, 1), 0);
	CHECK_EQ(ramfs_write_cost(g, 0, RAMFS_PAGE + 1), 1);
	CHECK_EQ(ramfs_write_cost(g, 0, 0), 0);
	map_page(g->pages[0]);
	CHECK_EQ(ramfs_write_cost(g, 0, 1), 1);
	p = g->pages[0];
	ramfs_destroy(fs);
	CHECK_EQ(live_pages, 1);                   /* the mapped one */
	unmap_page(p);
	CHECK_EQ(live_pages, 0);
}

/* One parsed getdents record. */
struct rec {
	uint64_t ino;
	int64_t off;
	unsigned reclen, type;
	char name[256];
};

/* Parse n bytes of records at buf into out (up to max); the count, -1 when malformed. */
static int parse(const unsigned char *buf, long n, struct rec *out, int max)
{
	size_t hdr = offsetof(struct linux_dirent64, d_name);
	long at = 0;
	int k = 0;

	while (at < n) {
		struct linux_dirent64 d;
		size_t len;

		if (k == max || at % 8 != 0 || n - at < (long)hdr)
			return -1;
		memcpy(&d, buf + at, hdr);
		if (d.d_reclen < hdr + 2 || d.d_reclen % 8 != 0 || d.d_reclen > n - at)
			return -1;
		len = strnlen((const char *)buf + at + hdr, d.d_reclen - hdr);
		if (len == d.d_reclen - hdr || len > 255 || d.d_reclen != DIRENT64_RECLEN(len))
			return -1;
		for (size_t i = hdr + len; i < d.d_reclen; i++)
			if (buf[at + i] != 0)
				return -1; /* padding must be zero */
		out[k].ino = d.d_ino;
		out[k].off = d.d_off;
		out[k].reclen = d.d_reclen;
		out[k].type = d.d_type;
		memcpy(out[k].name, buf + at + hdr, len + 1);
		k++;
		at += d.d_reclen;
	}
	return k;
}

/* Read all of dir with buffers of bufsize bytes into out: the count, or -1. */
static int list(struct rnode *dir, size_t bufsize, struct rec *out, int max)
{
	unsigned char *buf = malloc(bufsize);
	uint64_t pos = 0;
	int total = 0;
	long n;

	while ((n = ramfs_getdents(dir, &pos, buf, bufsize)) > 0) {
		int k = parse(buf, n, out + total, max - total);

		if (k <= 0 || (uint64_t)out[total + k - 1].off != pos) {
			total = -1;
			break;
		}
		total += k;
	}
	free(buf);
	return n < 0 ? -1 : total;
}

static void test_getdents(void)
{
	struct ramfs *fs = ramfs_new(1, 0755);
	struct rnode *r = fs->root, *d, *f;
	struct rec rec[16], rec2[16];
	unsigned char buf[512];
	char name[256];
	uint64_t pos;
	long n;

	d = mkdir_(r, "dir");
	f = mkfile(r, "file");
	n = 0;
	CHECK_EQ(list(r, sizeof(buf), rec, 16), 4);
	CHECK_STR(rec[0].name, ".");
	CHECK_EQ(rec[0].ino, r->ino);
	CHECK_EQ(rec[0].type, DT_DIR);
	CHECK_EQ(rec[0].reclen, 24);
	CHECK_STR(rec[1].name, "..");
	CHECK_EQ(rec[1].ino, r->ino);
	CHECK_EQ(rec[1].type, DT_DIR);
	CHECK_STR(rec[2].name, "dir");
	CHECK_EQ(rec[2].ino, d->ino);
	CHECK_EQ(rec[2].type, DT_DIR);
	CHECK_STR(rec[3].name, "file");
	CHECK_EQ(rec[3].ino, f->ino);
	CHECK_EQ(rec[3].type, DT_REG);
	CHECK_EQ(list(d, sizeof(buf), rec, 16), 2);
	CHECK_EQ(rec[1].ino, r->ino);

	/* Buffers from too small for anything to one record at a time. */
	for (size_t len = 0; len < 24; len++) {
		pos = 0;
		CHECK_EQ(ramfs_getdents(r, &pos, buf, len), -EINVAL);
		CHECK_EQ(pos, 0);
	}
	CHECK_EQ(list(r, 24, rec2, 16), 4);
	for (int i = 0; i < 4; i++) {
		CHECK_STR(rec2[i].name, rec[i].name);
		CHECK_EQ(rec2[i].off, rec[i].off);
	}
	CHECK_EQ(list(r, 47, rec2, 16), 4);
	/* Past the end: nothing, and pos stays. */
	pos = rec[3].off;
	CHECK_EQ(ramfs_getdents(r, &pos, buf, sizeof(buf)), 0);
	CHECK_EQ(pos, (uint64_t)rec[3].off);
	pos = UINT64_MAX;
	CHECK_EQ(ramfs_getdents(r, &pos, buf, sizeof(buf)), 0);
	/* Resume from any d_off. */
	pos = rec[1].off;
	n = ramfs_getdents(r, &pos, buf, sizeof(buf));
	CHECK_EQ(parse(buf, n, rec2, 16), 2);
	CHECK_STR(rec2[0].name, "dir");
	/* The next record does not fit: -EINVAL though earlier ones did. */
	pos = 0;
	CHECK_EQ(ramfs_getdents(r, &pos, buf, 48), 48);
	CHECK_EQ(ramfs_getdents(r, &pos, buf, 16), -EINVAL);
	CHECK_EQ(pos, 2);

	/* A 255-byte name: a 280-byte record. */
	memset(name, 'L', 255);
	CHECK_EQ(ramfs_create(d, name, 255, 0644, &f), 0);
	pos = 2;
	CHECK_EQ(ramfs_getdents(d, &pos, buf, 279), -EINVAL);
	CHECK_EQ(ramfs_getdents(d, &pos, buf, 280), 280);
	CHECK_EQ(parse(buf, 280, rec2, 16), 1);
	CHECK_EQ(strlen(rec2[0].name), 255);

	/* Removal while reading: what remains comes exactly once, in order. */
	for (int i = 0; i < 10; i++) {
		char nm[8];

		snprintf(nm, sizeof(nm), "e%d", i);
		mkfile(r, nm);
	}
	pos = 0;
	n = ramfs_getdents(r, &pos, buf, 24 * 6); /* ".", "..", dir, file, e0, e1 */
	CHECK_EQ(parse(buf, n, rec2, 16), 6);
	CHECK_STR(rec2[5].name, "e1");
	CHECK_EQ(ramfs_unlink(r, S("e0")), 0);   /* already read */
	CHECK_EQ(ramfs_unlink(r, S("e2")), 0);   /* not yet read */
	CHECK_EQ(ramfs_unlink(r, S("file")), 0);
	mkfile(r, "late");
	n = ramfs_getdents(r, &pos, buf, sizeof(buf));
	CHECK_EQ(parse(buf, n, rec2, 16), 8);
	CHECK_STR(rec2[0].name, "e3");
	CHECK_STR(rec2[6].name, "e9");
	CHECK_STR(rec2[7].name, "late");

	CHECK_EQ(ramfs_getdents(f, &pos, buf, sizeof(buf)), -ENOTDIR);
	ramfs_destroy(fs);
}

static void test_many(void)
{
	struct ramfs *fs = ramfs_new(1, 0755);
	struct rnode *r = fs->root, *d, *n;
	static struct rec rec[1200];
	char name[16];
	int bad = 0;

	d = mkdir_(r, "d");
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "file%d", i);
		if (ramfs_create(d, S(name), 0644, &n) != 0 || ramfs_write(n, 0, name, strlen(name)) <= 0)
			bad++;
		if (i % 10 == 0 && ramfs_mkdir(d, S(name + 2), 0755, NULL) != 0)
			bad++;
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(d->nlink, 102);
	CHECK_EQ(fs->nnodes, 1102);
	for (int i = 999; i >= 0; i--) {
		snprintf(name, sizeof(name), "file%d", i);
		n = get(d, name);
		if (!n || !content_is(n, name))
			bad++;
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(list(d, 4096, rec, 1200), 1102);
	CHECK_EQ(list(d, 32, rec, 1200), 1102);
	for (int i = 0; i < 1000; i += 2) {
		snprintf(name, sizeof(name), "file%d", i);
		if (ramfs_unlink(d, S(name)) != 0)
			bad++;
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(list(d, 1000, rec, 1200), 602);
	CHECK_EQ(fs->nnodes, 602);
	CHECK(counts_ok(r));
	ramfs_destroy(fs);
}

/*
 * Every allocating operation, failing at its 1st, 2nd, ... allocation until
 * it succeeds: each failure is -ENOMEM and leaves the tree as it was.
 */
static void test_nomem(void)
{
	struct ramfs *fs = ramfs_new(1, 0755);
	struct rnode *r = fs->root, *d, *f, *n;
	char big[300];
	int bad = 0;

	d = mkdir_(r, "d");
	f = mkfile(r, "f");
	CHECK_EQ(ramfs_write(f, 0, "abc", 3), 3);
	/* Fill the directories' arrays to capacity so the next entry must grow them. */
	for (int i = 0; d->nents < d->entcap; i++) {
		char nm[8];

		snprintf(nm, sizeof(nm), "p%d", i);
		mkfile(d, nm);
	}
	while (r->nents < r->entcap) {
		char nm[8];

		snprintf(nm, sizeof(nm), "q%zu", r->nents);
		mkfile(r, nm);
	}
	memset(big, 'b', sizeof(big));

	for (int op = 0; op < 7; op++) {
		unsigned char *mapped = f->pages[0];
		int k, r_ok = 0;

		if (op == 5)
			map_page(mapped);

		for (k = 1; k < 10; k++) {
			uint64_t nodes = fs->nnodes;
			size_t rn = r->nents, dn = d->nents, fsize = f->size, fres = f->resident;
			uint32_t rl = r->nlink, dl = d->nlink, fl = f->nlink;
			int ret = 0;

			fail_in = k;
			switch (op) {
			case 0: ret = ramfs_create(r, S("new"), 0644, &n); break;
			case 1: ret = ramfs_mkdir(r, S("newd"), 0755, &n); break;
			case 2: ret = ramfs_link(d, S("lnk"), f); break;
			case 3: ret = ramfs_rename(r, S("f"), d, S("moved")); break;
			case 4: ret = (int)ramfs_write(f, 4 * RAMFS_PAGE, big, sizeof(big)); break; /* slots, a page */
			case 5: ret = ramfs_truncate(f, 2); break;  /* the mapped page is copied */
			case 6: ret = ramfs_rename(r, S("d"), r, S("d2")); break;
			}
			if (fail_in == 0 && ret != -ENOMEM)
				bad++; /* the failure happened but was not reported */
			if (fail_in > 0) {
				fail_in = 0;
				r_ok = ret >= 0;
				break;  /* all allocations done: it succeeded */
			}
			if (fs->nnodes != nodes || r->nents != rn || d->nents != dn || f->size != fsize ||
			    f->resident != fres || r->nlink != rl || d->nlink != dl || f->nlink != fl)
				bad++;
			if (!content_is(f, "abc"))
				bad++;
		}
		if (!r_ok || k == 1)
			printf("  op %d: k %d\n", op, k);
		CHECK(r_ok);
		CHECK(k > 1); /* each of these allocates */
		if (op == 3)
			CHECK_EQ(ramfs_rename(d, S("moved"), r, S("f")), 0);
		if (op == 4) {
			CHECK_EQ(ramfs_truncate(f, 3), 0);
			CHECK_EQ(ramfs_write(f, 0, "abc", 3), 3);
		}
		if (op == 5) {
			CHECK(f->pages[0] != mapped && memcmp(mapped, "abc", 4) == 0);
			unmap_page(mapped);
			CHECK(content_is(f, "ab"));
			CHECK_EQ(ramfs_write(f, 2, "c", 1), 1);
		}
	}
	CHECK_EQ(bad, 0);
	CHECK(get(r, "new") && get(r, "newd") && get(d, "lnk") == f && get(r, "d2") == d);
	CHECK(counts_ok(r));
	ramfs_destroy(fs);
}

/* chmod: the permission bits change, the type never; only ctime moves. */
static void test_chmod(void)
{
	struct ramfs *fs = ramfs_new(1, 0755);
	struct rnode *r = fs->root, *f, *d, *c;
	struct stat st;

	fs->now = (struct timespec){ 10, 1 };
	f = mkfile(r, "f");
	d = mkdir_(r, "d");
	CHECK_EQ(ramfs_create(r, S("c"), S_IFCHR | 0600, &c), 0);
	fs->now = (struct timespec){ 20, 2 };
	ramfs_chmod(f, 0);
	CHECK_EQ(f->mode, S_IFREG);
	CHECK(f->ctime.tv_sec == 20 && f->ctime.tv_nsec == 2);
	CHECK(f->mtime.tv_sec == 10 && f->atime.tv_sec == 10);
	CHECK_EQ(r->ctime.tv_sec, 10);               /* the directory holding it is not changed */
	ramfs_chmod(f, 07777);
	CHECK_EQ(f->mode, S_IFREG | 07777);
	/* Bits outside 07777, a type among them, are dropped. */
	ramfs_chmod(f, 0xffff0000u | S_IFDIR | 0640);
	CHECK_EQ(f->mode, S_IFREG | 0640);
	ramfs_chmod(d, S_IFREG | 01700);
	CHECK_EQ(d->mode, S_IFDIR | 01700);
	ramfs_chmod(c, 0);
	CHECK_EQ(c->mode, S_IFCHR);
	ramfs_chmod(r, 0500);
	ramfs_stat(r, &st);
	CHECK_EQ(st.st_mode, S_IFDIR | 0500);
	CHECK_EQ(st.st_ctim.tv_sec, 20);
	/* Stored, not checked: ramfs itself still works in a directory with no bits. */
	ramfs_chmod(d, 0);
	CHECK(mkfile(d, "inside") != NULL);
	CHECK_EQ(ramfs_unlink(d, S("inside")), 0);
	ramfs_destroy(fs);
}

/* Teardown with everything at once: open orphans, a removed open directory, deep trees. */
static void test_destroy(void)
{
	struct ramfs *fs = ramfs_new(1, 0755), *other = ramfs_new(2, 0755);
	struct rnode *r = fs->root, *d, *f;

	d = r;
	for (int i = 0; i < 100; i++)
		d = mkdir_(d, "deep");
	f = mkfile(d, "f");
	CHECK_EQ(ramfs_write(f, 0, "x", 1), 1);
	rnode_get(f);
	CHECK_EQ(ramfs_unlink(d, S("f")), 0);
	d = mkdir_(r, "gone");
	rnode_get(d);
	CHECK_EQ(ramfs_rmdir(r, S("gone")), 0);
	/* other is mounted on a directory of fs: destroying fs unhooks it. */
	r->ents[0]->node->mounted = other->root;
	other->root->covered = r->ents[0]->node;
	CHECK_EQ(fs->nnodes, 103);
	ramfs_destroy(fs);
	CHECK(other->root->covered == NULL);
	ramfs_destroy(other);
}

int main(void)
{
	test_root();
	test_create();
	test_dirs();
	test_links();
	test_rename();
	test_rw();
	test_pages();
	test_chmod();
	test_getdents();
	test_many();
	test_nomem();
	test_destroy();
	CHECK_EQ(live_pages, 0);
	return check_done();
}
