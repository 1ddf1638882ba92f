/*
 * vfs.c - the root filesystem and open files (see fs/vfs.h).
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/stat.h"
#include "dev/dev.h"
#include "fs/mount.h"
#include "fs/path.h"
#include "fs/perm.h"
#include "fs/pipe.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "lib/cpio.h"
#include "mm/pmm.h"
#include "mm/uvm.h"

struct rnode *vfs_root;
uint64_t files_open;
uint64_t file_pages;
static struct ramfs *rootfs;
static struct file console = { .flags = O_RDWR | O_LARGEFILE, .ops = &console_ops };


/* Make the symbolic link path of an initrd entry, whose data is the target. */
static int add_link(const char *path, const struct cpio_entry *e)
{
	char *target;
	int r;

	if (e->size == 0)
		return -ENOENT;
	if (e->size >= PATH_MAX)
		return -ENAMETOOLONG;
	if (!(target = kmalloc(e->size + 1)))
		return -ENOMEM;
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	r = path_symlink(vfs_root, vfs_root, target, path);
	kfree(target);
	return r;
}

/* Put one initrd entry into the tree (its parents come first in the archive). */
static int add_entry(const struct cpio_entry *e)
{
	char path[PATH_MAX];
	struct rnode *n;
	int r;

	if (e->namelen + 2 > sizeof(path))
		return -ENAMETOOLONG;
	path[0] = '/';
	memcpy(path + 1, e->name, e->namelen + 1);
	if (strcmp(path, "/.") == 0)
		return 0;                             /* the root itself */
	if (S_ISDIR(e->mode))
		return path_mkdir(vfs_root, vfs_root, path, e->mode & 07777);
	if (S_ISLNK(e->mode))
		return add_link(path, e);
	if (!S_ISREG(e->mode))
		return 0;                             /* no devices in the initrd yet */
	if ((r = path_create(vfs_root, vfs_root, path, S_IFREG | (e->mode & 07777), PATH_EXCL, &n)) < 0)
		return r;
	r = ramfs_write(n, 0, e->data, e->size);   /* into the page cache */
	return r < 0 ? r : (size_t)r < e->size ? -ENOMEM : 0;
}

/* /dev: a node for every row of the device table (dev/devices.c). */
static void make_dev(void)
{
	struct rnode *dev, *n;

	if (ramfs_mkdir(vfs_root, "dev", 3, 0755, &dev) < 0)
		panic("vfs: cannot make /dev");
	for (int i = 0; i < ndevices; i++) {
		const struct device *d = &devices[i];
		if (ramfs_create(dev, d->name, strlen(d->name), S_IFCHR | d->perm, &n) < 0)
			panic("vfs: cannot make /dev/%s", d->name);
		n->rdev = d->rdev;
		if (n->rdev == DEV_CONSOLE) {
			console.node = n;                 /* init's console file is this node */
			rnode_get(n);
		}
	}
}

void vfs_init(void)
{
	struct cpio_entry e;
	size_t pos = 0, files = 0, links = 0;
	int r;

	if (!(rootfs = ramfs_new(1, 0755)))
		panic("vfs: no memory for the root filesystem");
	vfs_root = rootfs->root;
	make_dev();
	const void *initrd = phys_to_virt(boot->initrd_base);
	while ((r = cpio_next(initrd, boot->initrd_size, &pos, &e)) > 0) {
		int a = add_entry(&e);
		if (a < 0)
			kprintf("vfs: initrd: cannot add %s: error %d\n", e.name, -a);
		else
			files += S_ISREG(e.mode), links += S_ISLNK(e.mode);
	}
	if (r < 0)
		kprintf("vfs: initrd: %s (kept what came before)\n", cpio_strerror(r));
	kprintf("vfs: root is a ramfs with %zu files and %zu links from the initrd, and %d devices in /dev\n",
		files, links, ndevices);
}

struct file *file_console(void)
{
	console.refs++;
	return &console;
}

struct file *file_alloc(struct rnode *n, uint32_t flags, const struct file_ops *ops)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	*f = (struct file){ .refs = 1, .flags = flags, .node = n, .ops = ops };
	rnode_get(n);
	files_open++;
	return f;
}

/* The open operation a node's type calls for, when it has none of its
 * own: the device table's for S_IFCHR, the pipe's for S_IFIFO, -ENXIO for
 * block devices and sockets (no drivers, no sockets), else ramfs's. */
static int open_by_type(struct rnode *n, struct file *f)
{
	const struct device *d;

	if (S_ISDIR(n->mode)) {
		f->ops = &ramfs_dir_ops;
	} else if (S_ISCHR(n->mode)) {
		if (!(d = dev_find(n->rdev)))
			return -ENXIO;                    /* nobody drives that number */
		f->ops = d->ops;
		return d->open ? d->open(f) : 0;
	} else if (S_ISFIFO(n->mode)) {
		return fifo_open(n, f);
	} else if (S_ISBLK(n->mode) || S_ISSOCK(n->mode)) {
		return -ENXIO;
	} else {
		f->ops = &ramfs_file_ops;
	}
	return 0;
}

int vfs_open(struct rnode *n, uint32_t flags, struct file **out)
{
	struct file *f = file_alloc(n, flags, NULL);
	int r;

	if (!f)
		return -ENOMEM;
	r = n->ops && n->ops->open ? n->ops->open(n, f) : open_by_type(n, f);
	if (r < 0) {
		f->ops = NULL;                        /* nothing to release */
		file_put(f);
		return r;
	}
	*out = f;
	return 0;
}

int fd_alloc(int min)
{
	/* rlimit_change() keeps the limit at most NOFILE; min() all the same. */
	uint64_t lim = rlimit(current(), RLIMIT_NOFILE);
	int end = lim < NOFILE ? (int)lim : NOFILE;

	for (int fd = min; fd < end; fd++)
		if (!current()->g->fds[fd])
			return fd;
	return -EMFILE;
}

void file_get(struct file *f)
{
	f->refs++;
}

void file_put(struct file *f)
{
	if (--f->refs > 0 || f == &console)
		return;                               /* init's console file is never freed */
	if (f->ops && f->ops->release)
		f->ops->release(f);
	rnode_put(f->node);
	kfree(f);
	files_open--;
}

int64_t file_seek(struct file *f, int64_t off, int whence, int64_t size)
{
	int64_t base;

	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = f->off; break;
	case SEEK_END: base = size; break;
	default: return -EINVAL;
	}
	if ((off < 0 && base + off < 0) || (off > 0 && base > INT64_MAX - off))
		return -EINVAL;
	return f->off = base + off;
}

int vfs_exec_lookup(struct rnode *cwd, const char *path, struct rnode **out)
{
	struct path_result res;
	int r = path_walk(vfs_root, cwd ? cwd : vfs_root, path, 0, &res);

	if (r < 0)
		return r;
	if (!S_ISREG(res.node->mode))
		return -EACCES;                       /* only regular files run */
	if ((r = perm_check(res.node, MAY_EXEC)) < 0)
		return r;
	*out = res.node;
	return 0;
}

int vfs_may_write(const struct rnode *n, int64_t off, size_t len)
{
	/* The frames the write may take (a page per hole or shared page, and
	 * the page array's growth), leaving the kernel its reserve. */
	uint64_t pages = ramfs_write_cost(n, off, len);

	return pages + UVM_FRAME_RESERVE > frames_free_count() ? -ENOSPC : 0;
}

void vfs_set_time(const struct timespec *now)
{
	if (rootfs)
		rootfs->now = *now;
	mount_set_time(now);
}
