/*
 * ramfs.c - a filesystem kept entirely in memory (see fs/ramfs.h).
 *
 * Every operation checks everything it can refuse for, then allocates what
 * it needs, and only then changes the tree, so a failure (ENOMEM included)
 * leaves the filesystem as it was. (A write that runs out of pages part-way
 * keeps what went in and says so, as Linux's: see ramfs_write.) Times are not read from a clock: changed
 * nodes get fs->now, which the caller keeps current. Reading does not touch
 * atime (as if mounted noatime).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/dirent.h"
#include "api/errno.h"
#include "fs/fs_env.h"
#include "fs/node.h"
#include "fs/ramfs.h"

#define BOGO_DIRENT_SIZE 20   /* a directory's st_size per entry, as tmpfs reports */
#define MIN_SLOTS 4           /* smallest page array */
#define MAX_SLOTS (RAMFS_FILE_MAX / RAMFS_PAGE)

/* What touch() stamps with fs->now. */
#define T_A 1
#define T_M 2
#define T_C 4

static bool is_dir(const struct rnode *n)
{
	return S_ISDIR(n->mode);
}

/* Set the times in what (T_A | T_M | T_C) of n to fs->now. */
static void touch(struct rnode *n, int what)
{
	if (what & T_A)
		n->atime = n->fs->now;
	if (what & T_M)
		n->mtime = n->fs->now;
	if (what & T_C)
		n->ctime = n->fs->now;
}

/* 0 when name can name an entry: 1..RAMFS_NAME_MAX bytes, no '/' or NUL. */
static int check_name(const char *name, size_t len)
{
	if (len == 0)
		return -ENOENT;
	if (len > RAMFS_NAME_MAX)
		return -ENAMETOOLONG;
	for (size_t i = 0; i < len; i++)
		if (name[i] == '/' || name[i] == '\0')
			return -EINVAL;
	return 0;
}

/* 1 when name is ".", 2 when it is "..", otherwise 0. */
static int dots(const char *name, size_t len)
{
	if (len == 1 && name[0] == '.')
		return 1;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return 2;
	return 0;
}

/* 0 when entries can be added to dir: a directory that has not been removed. */
static int dir_ok(const struct rnode *dir)
{
	if (!is_dir(dir))
		return -ENOTDIR;
	if (dir->nlink == 0)
		return -ENOENT;
	return 0;
}

/* The index of name in dir's entries, or -1. */
static long find(const struct rnode *dir, const char *name, size_t len)
{
	for (size_t i = 0; i < dir->nents; i++) {
		const struct rdirent *e = dir->ents[i];

		if (e->len == len && memcmp(e->name, name, len) == 0)
			return (long)i;
	}
	return -1;
}

/* A new node of fs with mode, no links and no references; NULL when out of memory. */
static struct rnode *node_new(struct ramfs *fs, uint32_t mode)
{
	struct rnode *n = kzalloc(sizeof(*n));

	if (!n)
		return NULL;
	n->fs = fs;
	n->ino = fs->next_ino++;
	n->mode = mode;
	n->next = fs->all;
	if (fs->all)
		fs->all->prev = n;
	fs->all = n;
	fs->nnodes++;
	touch(n, T_A | T_M | T_C);
	return n;
}

/* Free n, its data and its entries (not the nodes they name). */
static void node_free(struct rnode *n)
{
	struct ramfs *fs = n->fs;

	if (n->ops && n->ops->evict)
		n->ops->evict(n);                     /* another filesystem's data on it */
	if (n->prev)
		n->prev->next = n->next;
	else
		fs->all = n->next;
	if (n->next)
		n->next->prev = n->prev;
	fs->nnodes--;
	for (size_t i = 0; i < n->nents; i++)
		kfree(n->ents[i]);
	kfree(n->ents);
	for (size_t i = 0; i < n->nslots; i++)
		if (n->pages[i])
			fpage_put(n->pages[i]);
	kfree(n->pages);
	kfree(n->link);
	kfree(n);
}

/* Free n if nothing names or holds it any more. */
static void maybe_free(struct rnode *n)
{
	if (n->nlink == 0 && n->refs == 0)
		node_free(n);
}

/* A new entry naming node; NULL when out of memory. */
static struct rdirent *ent_new(const char *name, size_t len, struct rnode *node)
{
	struct rdirent *e = kmalloc(sizeof(*e) + len + 1);

	if (!e)
		return NULL;
	e->node = node;
	e->cookie = 0;
	e->len = (uint16_t)len;
	memcpy(e->name, name, len);
	e->name[len] = '\0';
	return e;
}

/* Make room in dir for one more entry: 0 or -ENOMEM. */
static int dir_reserve(struct rnode *dir)
{
	struct rdirent **a;
	size_t cap;

	if (dir->nents < dir->entcap)
		return 0;
	cap = dir->entcap ? dir->entcap * 2 : 8;
	a = kmalloc(cap * sizeof(*a));
	if (!a)
		return -ENOMEM;
	if (dir->nents)
		memcpy(a, dir->ents, dir->nents * sizeof(*a));
	kfree(dir->ents);
	dir->ents = a;
	dir->entcap = cap;
	return 0;
}

/* Add e at the end of dir (room reserved), with the next cookie. */
static void dir_append(struct rnode *dir, struct rdirent *e)
{
	e->cookie = dir->next_cookie++;
	dir->ents[dir->nents++] = e;
}

/* Free entry i of dir, keeping the others in order (their cookies stay sorted). */
static void dir_remove(struct rnode *dir, size_t i)
{
	kfree(dir->ents[i]);
	dir->nents--;
	for (; i < dir->nents; i++)
		dir->ents[i] = dir->ents[i + 1];
}

/* True when d is dir or lies below it. */
static bool is_under(const struct rnode *d, const struct rnode *dir)
{
	for (; d; d = d->parent) {
		if (d == dir)
			return true;
		if (d->parent == d)
			break;
	}
	return false;
}

/* The pages that hold a file of size bytes. */
static size_t pages_for(uint64_t size)
{
	return (size + RAMFS_PAGE - 1) / RAMFS_PAGE;
}

/* Bytes to the end of the page from offset pos, or len if fewer. */
static size_t in_page(uint64_t pos, size_t len)
{
	size_t room = RAMFS_PAGE - pos % RAMFS_PAGE;

	return len < room ? len : room;
}

/* Give n's page array exactly cap slots, the new ones holes; the pages at
 * cap and past it must be gone already. 0 or -ENOMEM (nothing changed). */
static int slots_resize(struct rnode *n, size_t cap)
{
	unsigned char **a = NULL;

	if (cap) {
		a = kzalloc(cap * sizeof(*a));
		if (!a)
			return -ENOMEM;
		if (n->nslots)
			memcpy(a, n->pages, (n->nslots < cap ? n->nslots : cap) * sizeof(*a));
	}
	kfree(n->pages);
	n->pages = a;
	n->nslots = cap;
	return 0;
}

/* The slot count that holds need (<= MAX_SLOTS) pages, doubling from n's. */
static size_t slots_grown(const struct rnode *n, size_t need)
{
	size_t cap = n->nslots ? n->nslots : MIN_SLOTS;

	while (cap < need)
		cap *= 2;
	return cap < MAX_SLOTS ? cap : MAX_SLOTS;
}

/* Make n's page array hold at least need slots: 0 or -ENOMEM. */
static int slots_reserve(struct rnode *n, size_t need)
{
	return need <= n->nslots ? 0 : slots_resize(n, slots_grown(n, need));
}

/* Page i of n (a slot), ready to be written: a fresh zeroed page for a
 * hole; for a page someone else holds too, a private copy put in its
 * place (the holder keeps the old bytes). NULL when out of memory. */
static unsigned char *page_writable(struct rnode *n, size_t i)
{
	unsigned char *p = n->pages[i], *copy;

	if (p && !fpage_shared(p))
		return p;
	if (!(copy = fpage_alloc()))
		return NULL;
	if (p) {
		memcpy(copy, p, RAMFS_PAGE);
		fpage_put(p);
	} else {
		n->resident++;
	}
	n->pages[i] = copy;
	return copy;
}

struct ramfs *ramfs_new(uint64_t dev, uint32_t perm)
{
	struct ramfs *fs = kzalloc(sizeof(*fs));
	struct rnode *root;

	if (!fs)
		return NULL;
	fs->dev = dev;
	fs->next_ino = 1;
	root = node_new(fs, S_IFDIR | (perm & S_IALLUGO));
	if (!root) {
		kfree(fs);
		return NULL;
	}
	root->nlink = 2;
	root->parent = root;
	root->next_cookie = 2;
	fs->root = root;
	return fs;
}

void ramfs_destroy(struct ramfs *fs)
{
	if (!fs)
		return;
	if (fs->root->covered)
		fs->root->covered->mounted = NULL;
	while (fs->all) {
		if (fs->all->mounted)
			fs->all->mounted->covered = NULL;
		node_free(fs->all);
	}
	kfree(fs);
}

void rnode_get(struct rnode *n)
{
	n->refs++;
}

void rnode_put(struct rnode *n)
{
	if (n->refs == 0)
		return; /* a put without a get: refuse rather than underflow */
	n->refs--;
	maybe_free(n);
}

int ramfs_lookup(struct rnode *dir, const char *name, size_t len, struct rnode **out)
{
	long i;
	int err;

	if (!is_dir(dir))
		return -ENOTDIR;
	if ((err = check_name(name, len)) < 0)
		return err;
	switch (dots(name, len)) {
	case 1:
		*out = dir;
		return 0;
	case 2:
		if (!dir->parent)
			return -ENOENT; /* dir was removed */
		*out = dir->parent;
		return 0;
	}
	i = find(dir, name, len);
	if (i < 0)
		return -ENOENT;
	*out = dir->ents[i]->node;
	return 0;
}

/* ramfs_create() and ramfs_mkdir(): make a node of mode named name in dir. */
static int make(struct rnode *dir, const char *name, size_t len, uint32_t mode, struct rnode **out)
{
	struct rdirent *e;
	struct rnode *n;
	int err;

	if ((err = dir_ok(dir)) < 0 || (err = check_name(name, len)) < 0)
		return err;
	if (dots(name, len) || find(dir, name, len) >= 0)
		return -EEXIST;
	if (S_ISDIR(mode) && dir->nlink >= RAMFS_LINK_MAX)
		return -EMLINK;
	n = node_new(dir->fs, mode);
	e = n ? ent_new(name, len, n) : NULL;
	if (!e || dir_reserve(dir) < 0) {
		kfree(e);
		if (n)
			node_free(n);
		return -ENOMEM;
	}
	dir_append(dir, e);
	if (S_ISDIR(mode)) {
		n->nlink = 2;
		n->parent = dir;
		n->next_cookie = 2;
		dir->nlink++;
	} else {
		n->nlink = 1;
	}
	touch(dir, T_M | T_C);
	if (out)
		*out = n;
	return 0;
}

int ramfs_create(struct rnode *dir, const char *name, size_t len, uint32_t mode, struct rnode **out)
{
	uint32_t type = mode & S_IFMT;

	if (type == 0)
		type = S_IFREG;
	if (type != S_IFREG && type != S_IFCHR && type != S_IFBLK && type != S_IFIFO && type != S_IFSOCK)
		return -EINVAL;
	return make(dir, name, len, type | (mode & S_IALLUGO), out);
}

int ramfs_mkdir(struct rnode *dir, const char *name, size_t len, uint32_t perm, struct rnode **out)
{
	return make(dir, name, len, S_IFDIR | (perm & S_IALLUGO), out);
}

int ramfs_symlink(struct rnode *dir, const char *name, size_t len, const char *target, size_t tlen,
		  struct rnode **out)
{
	struct rnode *n;
	int err;

	if (tlen == 0)
		return -ENOENT;
	if ((err = make(dir, name, len, S_IFLNK | 0777, &n)) < 0)
		return err;
	/* The text and a NUL after it. */
	if (!(n->link = kmalloc(tlen + 1))) {
		ramfs_unlink(dir, name, len);
		return -ENOMEM;
	}
	memcpy(n->link, target, tlen);
	n->link[tlen] = '\0';
	n->size = tlen;
	if (out)
		*out = n;
	return 0;
}

int ramfs_link(struct rnode *dir, const char *name, size_t len, struct rnode *node)
{
	struct rdirent *e;
	int err;

	if ((err = dir_ok(dir)) < 0)
		return err;
	if (is_dir(node))
		return -EPERM;
	if (node->fs != dir->fs)
		return -EXDEV;
	if ((err = check_name(name, len)) < 0)
		return err;
	if (dots(name, len) || find(dir, name, len) >= 0)
		return -EEXIST;
	if (node->nlink == 0)
		return -ENOENT; /* unlinked but still open: no way back */
	if (node->nlink >= RAMFS_LINK_MAX)
		return -EMLINK;
	e = ent_new(name, len, node);
	if (!e || dir_reserve(dir) < 0) {
		kfree(e);
		return -ENOMEM;
	}
	dir_append(dir, e);
	node->nlink++;
	touch(node, T_C);
	touch(dir, T_M | T_C);
	return 0;
}

int ramfs_unlink(struct rnode *dir, const char *name, size_t len)
{
	struct rnode *n;
	long i;
	int err;

	if ((err = dir_ok(dir)) < 0 || (err = check_name(name, len)) < 0)
		return err;
	if (dots(name, len))
		return -EISDIR;
	if ((i = find(dir, name, len)) < 0)
		return -ENOENT;
	n = dir->ents[i]->node;
	if (is_dir(n))
		return -EISDIR;
	dir_remove(dir, i);
	n->nlink--;
	touch(n, T_C);
	touch(dir, T_M | T_C);
	maybe_free(n);
	return 0;
}

int ramfs_rmdir(struct rnode *dir, const char *name, size_t len)
{
	struct rnode *n;
	long i;
	int err;

	if ((err = dir_ok(dir)) < 0 || (err = check_name(name, len)) < 0)
		return err;
	switch (dots(name, len)) {
	case 1:
		return -EINVAL;
	case 2:
		return -ENOTEMPTY; /* Linux's answer: ".." holds at least this directory */
	}
	if ((i = find(dir, name, len)) < 0)
		return -ENOENT;
	n = dir->ents[i]->node;
	if (!is_dir(n))
		return -ENOTDIR;
	if (n->mounted)
		return -EBUSY;
	if (n->nents)
		return -ENOTEMPTY;
	dir_remove(dir, i);
	dir->nlink--;
	n->nlink = 0;
	n->parent = NULL;
	touch(n, T_C);
	touch(dir, T_M | T_C);
	maybe_free(n);
	return 0;
}

/* What rename and exchange ask of both names first, in this order: two
 * directories, two valid names, neither "." nor ".." (-EBUSY), one
 * filesystem (-EXDEV). 0 or -errno. */
static int two_names_ok(struct rnode *olddir, const char *oldname, size_t oldlen,
			struct rnode *newdir, const char *newname, size_t newlen)
{
	int err;

	if ((err = dir_ok(olddir)) < 0 || (err = dir_ok(newdir)) < 0)
		return err;
	if ((err = check_name(oldname, oldlen)) < 0 || (err = check_name(newname, newlen)) < 0)
		return err;
	if (dots(oldname, oldlen) || dots(newname, newlen))
		return -EBUSY;
	if (olddir->fs != newdir->fs)
		return -EXDEV;
	return 0;
}

int ramfs_rename(struct rnode *olddir, const char *oldname, size_t oldlen,
		 struct rnode *newdir, const char *newname, size_t newlen)
{
	struct rnode *src, *dst = NULL;
	struct rdirent *e = NULL;
	long oi, ni;
	int err;

	if ((err = two_names_ok(olddir, oldname, oldlen, newdir, newname, newlen)) < 0)
		return err;
	if ((oi = find(olddir, oldname, oldlen)) < 0)
		return -ENOENT;
	src = olddir->ents[oi]->node;
	if ((ni = find(newdir, newname, newlen)) >= 0)
		dst = newdir->ents[ni]->node;

	/* Everything that can refuse. */
	if (dst == src)
		return 0; /* two links to one node (or one name): POSIX says do nothing */
	if (is_dir(src) && is_under(newdir, src))
		return -EINVAL;
	if (dst && is_dir(src) && !is_dir(dst))
		return -ENOTDIR;
	if (dst && !is_dir(src) && is_dir(dst))
		return -EISDIR;
	if (src->mounted || (dst && dst->mounted))
		return -EBUSY;
	if (dst && dst->nents)
		return -ENOTEMPTY;
	if (is_dir(src) && olddir != newdir && !dst && newdir->nlink >= RAMFS_LINK_MAX)
		return -EMLINK;
	if (!dst) {
		e = ent_new(newname, newlen, src);
		if (!e || dir_reserve(newdir) < 0) {
			kfree(e);
			return -ENOMEM;
		}
	}

	/* The change: nothing below fails. */
	if (dst)
		newdir->ents[ni]->node = src; /* the replaced name keeps its place */
	dir_remove(olddir, oi);
	if (e)
		dir_append(newdir, e);
	if (is_dir(src) && olddir != newdir) {
		olddir->nlink--;
		newdir->nlink++;
		src->parent = newdir;
	}
	touch(src, T_C);
	touch(olddir, T_M | T_C);
	touch(newdir, T_M | T_C);
	if (dst) {
		if (is_dir(dst)) {
			newdir->nlink--;
			dst->nlink = 0;
			dst->parent = NULL;
		} else {
			dst->nlink--;
		}
		touch(dst, T_C);
		maybe_free(dst);
	}
	return 0;
}

int ramfs_exchange(struct rnode *olddir, const char *oldname, size_t oldlen,
		   struct rnode *newdir, const char *newname, size_t newlen)
{
	struct rnode *a, *b;
	long ai, bi;
	int err;

	if ((err = two_names_ok(olddir, oldname, oldlen, newdir, newname, newlen)) < 0)
		return err;
	if ((ai = find(olddir, oldname, oldlen)) < 0 || (bi = find(newdir, newname, newlen)) < 0)
		return -ENOENT;
	a = olddir->ents[ai]->node;
	b = newdir->ents[bi]->node;
	if (a == b)
		return 0;
	/* Each directory lands where the other was: not inside itself. */
	if ((is_dir(a) && is_under(newdir, a)) || (is_dir(b) && is_under(olddir, b)))
		return -EINVAL;
	if (a->mounted || b->mounted)
		return -EBUSY;

	olddir->ents[ai]->node = b;
	newdir->ents[bi]->node = a;
	if (olddir != newdir && is_dir(a) != is_dir(b)) {
		/* One directory changes parent: its ".." link moves with it. */
		struct rnode *from = is_dir(a) ? olddir : newdir, *to = is_dir(a) ? newdir : olddir;
		from->nlink--;
		to->nlink++;
	}
	if (is_dir(a))
		a->parent = newdir;
	if (is_dir(b))
		b->parent = olddir;
	touch(a, T_C);
	touch(b, T_C);
	touch(olddir, T_M | T_C);
	touch(newdir, T_M | T_C);
	return 0;
}

long ramfs_read(struct rnode *n, int64_t off, void *buf, size_t len)
{
	unsigned char *b = buf;
	size_t done, c;

	if (is_dir(n))
		return -EISDIR;
	if (!S_ISREG(n->mode) || off < 0)
		return -EINVAL;
	if ((uint64_t)off >= n->size)
		return 0;
	if (len > n->size - (uint64_t)off)
		len = n->size - (size_t)off;
	for (done = 0; done < len; done += c) {
		uint64_t pos = (uint64_t)off + done, i = pos / RAMFS_PAGE;
		const unsigned char *p = i < n->nslots ? n->pages[i] : NULL;

		c = in_page(pos, len - done);
		if (p)
			memcpy(b + done, p + pos % RAMFS_PAGE, c);
		else
			memset(b + done, 0, c);            /* a hole */
	}
	return (long)len;
}

long ramfs_write(struct rnode *n, int64_t off, const void *buf, size_t len)
{
	const unsigned char *b = buf;
	size_t done, c;
	int err;

	if (is_dir(n))
		return -EISDIR;
	if (!S_ISREG(n->mode) || off < 0)
		return -EINVAL;
	if (len == 0)
		return 0;
	if (off >= RAMFS_FILE_MAX)
		return -EFBIG;
	if (len > (uint64_t)(RAMFS_FILE_MAX - off))
		len = RAMFS_FILE_MAX - off; /* a short write up to the limit */
	if ((err = slots_reserve(n, pages_for((uint64_t)off + len))) < 0)
		return err;
	/* Page by page; the bytes of a page past the end are zero already. */
	for (done = 0; done < len; done += c) {
		uint64_t pos = (uint64_t)off + done;
		unsigned char *p = page_writable(n, pos / RAMFS_PAGE);

		if (!p)
			break;
		c = in_page(pos, len - done);
		memcpy(p + pos % RAMFS_PAGE, b + done, c);
	}
	if (done == 0)
		return -ENOMEM;
	if ((uint64_t)off + done > n->size)
		n->size = (size_t)off + done;
	touch(n, T_M | T_C);
	return (long)done;
}

uint64_t ramfs_write_cost(const struct rnode *n, int64_t off, size_t len)
{
	uint64_t end, need, cost = 0;

	if (!S_ISREG(n->mode) || off < 0 || len == 0 || off >= RAMFS_FILE_MAX)
		return 0;
	end = (uint64_t)off + (len < (uint64_t)(RAMFS_FILE_MAX - off) ? len : (uint64_t)(RAMFS_FILE_MAX - off));
	need = pages_for(end);
	if (need > n->nslots)    /* a new array while the old one still exists */
		cost += (slots_grown(n, need) * sizeof(*n->pages) + RAMFS_PAGE - 1) / RAMFS_PAGE;
	for (uint64_t i = (uint64_t)off / RAMFS_PAGE; i < need; i++)
		if (i >= n->nslots || !n->pages[i] || fpage_shared(n->pages[i]))
			cost++;
	return cost;
}

int ramfs_truncate(struct rnode *n, int64_t size)
{
	if (is_dir(n))
		return -EISDIR;
	if (!S_ISREG(n->mode) || size < 0)
		return -EINVAL;
	if (size > RAMFS_FILE_MAX)
		return -EFBIG;
	if ((size_t)size < n->size) {
		size_t keep = pages_for((uint64_t)size), tail = (size_t)size % RAMFS_PAGE;

		/* The last page kept: zero past the new end, so growing again
		 * brings back zeros, not the old bytes. */
		if (tail && keep - 1 < n->nslots && n->pages[keep - 1]) {
			unsigned char *p = page_writable(n, keep - 1);

			if (!p)
				return -ENOMEM;
			memset(p + tail, 0, RAMFS_PAGE - tail);
		}
		for (size_t i = keep; i < n->nslots; i++) {
			if (n->pages[i]) {
				fpage_put(n->pages[i]);
				n->pages[i] = NULL;
				n->resident--;
			}
		}
		/* Give a much too big array back; if that fails the old one serves. */
		if (keep == 0)
			slots_resize(n, 0);
		else if (n->nslots > MIN_SLOTS && keep <= n->nslots / 4)
			slots_resize(n, keep * 2 > MIN_SLOTS ? keep * 2 : MIN_SLOTS);
	}
	n->size = (size_t)size;
	touch(n, T_M | T_C);
	return 0;
}

#ifndef HOST_TEST
uint64_t ramfs_page_frame(struct rnode *n, uint64_t index)
{
	if (!S_ISREG(n->mode) || index >= n->nslots || index >= pages_for(n->size) || !n->pages[index])
		return 0;
	return virt_to_phys(n->pages[index]);
}
#endif

void ramfs_chmod(struct rnode *n, uint32_t mode)
{
	n->mode = (n->mode & S_IFMT) | (mode & S_IALLUGO);
	touch(n, T_C);
}

void ramfs_stat(const struct rnode *n, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = n->fs->dev;
	st->st_ino = n->ino;
	st->st_nlink = n->nlink;
	st->st_mode = n->mode;
	st->st_uid = n->uid;
	st->st_gid = n->gid;
	st->st_rdev = n->rdev;
	if (S_ISREG(n->mode) || S_ISLNK(n->mode))
		st->st_size = (int64_t)n->size;   /* a link's: the length of its target */
	else if (is_dir(n))
		st->st_size = (int64_t)(n->nents + 2) * BOGO_DIRENT_SIZE;
	st->st_blksize = RAMFS_BLKSIZE;
	st->st_blocks = (int64_t)(n->resident * (RAMFS_PAGE / 512));  /* a link's text: none, as tmpfs's */
	st->st_atim = n->atime;
	st->st_mtim = n->mtime;
	st->st_ctim = n->ctime;
}

/* Write one record at buf (room bytes): its length, or 0 when it does not fit. */
static size_t put_dirent(unsigned char *buf, size_t room, uint64_t ino, uint64_t next,
			 uint32_t mode, const char *name, size_t len)
{
	struct linux_dirent64 d;
	size_t reclen = DIRENT64_RECLEN(len), hdr = offsetof(struct linux_dirent64, d_name);

	if (reclen > room)
		return 0;
	d.d_ino = ino;
	d.d_off = (int64_t)next;
	d.d_reclen = (unsigned short)reclen;
	d.d_type = (unsigned char)IFTODT(mode);
	memcpy(buf, &d, hdr);
	memcpy(buf + hdr, name, len);
	memset(buf + hdr + len, 0, reclen - hdr - len); /* the NUL and padding: no stale bytes */
	return reclen;
}

/* The index of the first entry of dir whose cookie is at least pos (nents when none). */
static size_t first_at(const struct rnode *dir, uint64_t pos)
{
	size_t lo = 0, hi = dir->nents;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (dir->ents[mid]->cookie < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long ramfs_getdents(struct rnode *dir, uint64_t *pos, void *buf, size_t len)
{
	unsigned char *b = buf;
	uint64_t p = *pos, next;
	size_t done = 0, r;

	if (!is_dir(dir))
		return -ENOTDIR;
	if (dir->nlink == 0)
		return -ENOENT; /* removed: Linux refuses too */
	for (;;) {
		if (p == 0) {
			r = put_dirent(b + done, len - done, dir->ino, 1, dir->mode, ".", 1);
			next = 1;
		} else if (p == 1) {
			r = put_dirent(b + done, len - done, dir->parent->ino, 2, S_IFDIR, "..", 2);
			next = 2;
		} else {
			size_t i = first_at(dir, p);
			const struct rdirent *e;

			if (i == dir->nents)
				break;
			e = dir->ents[i];
			next = e->cookie + 1;
			r = put_dirent(b + done, len - done, e->node->ino, next, e->node->mode,
				       e->name, e->len);
		}
		if (r == 0) {
			if (done == 0)
				return -EINVAL;
			break;
		}
		done += r;
		p = next;
	}
	*pos = p;
	return (long)done;
}

int ramfs_name_of(const struct rnode *dir, const struct rnode *child, const char **name, size_t *len)
{
	if (!is_dir(dir))
		return -ENOTDIR;
	for (size_t i = 0; i < dir->nents; i++) {
		if (dir->ents[i]->node == child) {
			*name = dir->ents[i]->name;
			*len = dir->ents[i]->len;
			return 0;
		}
	}
	return -ENOENT;
}
