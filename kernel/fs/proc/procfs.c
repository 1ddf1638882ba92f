/*
 * procfs.c - the process file system: a ramfs instance whose nodes carry
 * procfs's node operations (fs/node.h), so that what it holds follows the
 * processes as they come and go.
 *
 * The root holds the entries of entries.c's table that are not per
 * process, made once. A directory /proc/<pid> is made when something
 * looks it up or lists the root while the process lives (a zombie still
 * does), and each entry in it when it is looked up (all of them when the
 * directory is listed), so that `ls /proc` costs a node per process. It
 * is taken away (every name in it unlinked; what is open stays until
 * closed) when the process is freed (procfs_flush_pid), or when a lookup
 * or a listing finds it gone. Pids are never reused, so a name never
 * comes to mean another process. fd/ is kept in step with the
 * descriptors at each lookup and listing.
 *
 * Each node's priv says what it is: the process, the descriptor (fd/N)
 * and the entry (an index into proc_entries, or one of the IDX_* below),
 * packed into the pointer. A regular file's text is made when it is
 * opened (file_set_text: one consistent snapshot for the reader); a
 * link's text when it is read, and following one gives its node at once
 * (a "magic" link: the program's file, a descriptor's open node).
 */
#include "api/errno.h"
#include "api/stat.h"
#include "fs/mount.h"
#include "fs/node.h"
#include "fs/procfs.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "lib/fmt.h"
#include "mm/pmm.h"

#define IDX_PID_DIR 0xfff0                /* /proc/<pid> */
#define IDX_TASK_PID_DIR 0xfff2           /* /proc/<pid>/task/<tid>: a thread's, with no task/ */
#define IDX_FD_LINK 0xfff1                /* fd/N */
#define TEXT_MAX (1 << 20)                /* the largest text a file is given */

static void *pack(int pid, int fd, int idx)
{
	return (void *)(uintptr_t)((uint64_t)(uint32_t)pid << 32 | (uint64_t)(fd & 0xffff) << 16 | idx);
}
static int priv_pid(const struct rnode *n) { return (int)((uintptr_t)n->priv >> 32); }
static int priv_fd(const struct rnode *n) { return (int)((uintptr_t)n->priv >> 16 & 0xffff); }
static int priv_idx(const struct rnode *n) { return (int)((uintptr_t)n->priv & 0xffff); }

static const struct node_ops root_ops, fd_dir_ops, file_ops, link_ops, pid_dir_ops, task_dir_ops;

/* The living (or zombie) process pid, or NULL. */
static struct proc *live(int pid)
{
	return pid > 0 ? proc_by_pid(pid) : NULL;
}

/* A decimal pid without leading zeros, as Linux accepts in /proc, or -1. */
static int name_to_int(const char *name, size_t len)
{
	int v = 0;

	if (len == 0 || len > 9 || (name[0] == '0' && len > 1))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		v = v * 10 + (name[i] - '0');
	}
	return v;
}

/* Make name in dir with mode and operations, priv packed: the node or NULL. */
static struct rnode *make(struct rnode *dir, const char *name, uint32_t mode, const struct node_ops *ops,
			  void *priv)
{
	struct rnode *n;
	size_t len = strlen(name);
	int r = S_ISDIR(mode) ? ramfs_mkdir(dir, name, len, mode & 07777, &n)
			      : ramfs_create(dir, name, len, S_IFREG | (mode & 07777), &n);

	if (r < 0)
		return NULL;
	n->mode = mode;                       /* links are made as files, then become links */
	n->ops = ops;
	n->priv = priv;
	return n;
}

/* Remove name from dir, and all below it first when it is a directory.
 * A directory something is mounted on stays (-EBUSY), and so do the
 * directories above it: the mount keeps them until it goes. */
static void remove_tree(struct rnode *dir, const char *name, size_t len)
{
	struct rnode *n;

	if (ramfs_lookup(dir, name, len, &n) < 0)
		return;
	if (!S_ISDIR(n->mode)) {
		ramfs_unlink(dir, name, len);
		return;
	}
	for (size_t i = n->nents; i-- > 0;)      /* from the end: what is removed moves nothing before it */
		remove_tree(n, n->ents[i]->name, n->ents[i]->len);
	ramfs_rmdir(dir, name, len);
}

/* Make entry i of the table in directory dir of process pid (when it is
 * not there yet): 0 and *out (may be NULL), or -ENOMEM. */
static int make_entry(struct rnode *dir, int pid, int i, struct rnode **out)
{
	static const uint32_t modes[] = {
		[PE_FILE] = S_IFREG | 0444, [PE_LINK] = S_IFLNK | 0777,
		[PE_FD_DIR] = S_IFDIR | 0500, [PE_TASK_DIR] = S_IFDIR | 0555,
	};
	static const struct node_ops *const ops[] = {
		[PE_FILE] = &file_ops, [PE_LINK] = &link_ops,
		[PE_FD_DIR] = &fd_dir_ops, [PE_TASK_DIR] = &task_dir_ops,
	};
	const struct proc_entry *e = &proc_entries[i];
	struct rnode *n;

	if (ramfs_lookup(dir, e->name, strlen(e->name), &n) < 0 &&
	    !(n = make(dir, e->name, modes[e->kind], ops[e->kind], pack(pid, 0, i))))
		return -ENOMEM;
	if (out)
		*out = n;
	return 0;
}

/* Is entry i one that directory dir (/proc/<pid> or task/<pid>) shows? */
static bool shows(const struct rnode *dir, int i)
{
	const struct proc_entry *e = &proc_entries[i];

	return e->per_pid && !(e->kind == PE_TASK_DIR && priv_idx(dir) == IDX_TASK_PID_DIR);
}

int procfs_pid_dir(struct ramfs *fs, int pid, struct rnode **out)
{
	struct rnode *root = fs->root;
	char name[16];
	int len = fmt_snprintf(name, sizeof(name), "%d", pid);

	if (!live(pid)) {
		remove_tree(root, name, len);
		return -ENOENT;
	}
	if (ramfs_lookup(root, name, len, out) == 0)
		return 0;
	/* Its entries are made as they are looked up, or all when it is listed. */
	*out = make(root, name, S_IFDIR | 0555, &pid_dir_ops, pack(pid, 0, IDX_PID_DIR));
	return *out ? 0 : -ENOMEM;
}

/* mount_each's callback: take pid's directory from a procfs instance. */
static void flush_in(void *ctx, struct ramfs *fs, const char *type)
{
	const char *name = ctx;

	(void)type;
	if (procfs_owns(fs))
		remove_tree(fs->root, name, strlen(name));
}

void procfs_flush_pid(int pid)
{
	char name[16];

	fmt_snprintf(name, sizeof(name), "%d", pid);
	mount_each(flush_in, name);
}

/* Bring the root's pid directories in step with the process table. */
static void sync_root(struct rnode *root)
{
	struct rnode *n;

	for (size_t i = root->nents; i-- > 0;) {
		struct rdirent *d = root->ents[i];
		int pid = name_to_int(d->name, d->len);
		if (pid > 0 && !live(pid))
			remove_tree(root, d->name, d->len);
	}
	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (p->state != P_FREE && proc_is_leader(p))   /* a process each: its threads are in task/ */
			procfs_pid_dir(root->fs, p->pid, &n);
}

/* Bring fd/ of process pid in step with its descriptors. */
static void sync_fds(struct rnode *dir)
{
	struct proc *p = live(priv_pid(dir));
	char name[16];
	struct rnode *n;

	for (int fd = 0; fd < NOFILE; fd++) {
		int len = fmt_snprintf(name, sizeof(name), "%d", fd);
		bool open = p && p->g->fds[fd], there = ramfs_lookup(dir, name, len, &n) == 0;
		if (there && !open)
			ramfs_unlink(dir, name, len);
		else if (open && !there)
			make(dir, name, S_IFLNK | 0700, &link_ops, pack(priv_pid(dir), fd, IDX_FD_LINK));
	}
}

/* --- node operations -------------------------------------------------- */

static int root_lookup(struct rnode *dir, const char *name, size_t len, struct rnode **out)
{
	int pid = name_to_int(name, len);

	if (pid >= 0)
		return procfs_pid_dir(dir->fs, pid, out);
	return ramfs_lookup(dir, name, len, out);
}

/* A directory of a process that is gone has nothing left to find; in
 * one that lives, an entry is made when first looked up. */
static int pid_dir_lookup(struct rnode *dir, const char *name, size_t len, struct rnode **out)
{
	if (!live(priv_pid(dir)))
		return -ENOENT;
	if (ramfs_lookup(dir, name, len, out) == 0)
		return 0;
	for (int i = 0; i < proc_nentries; i++)
		if (shows(dir, i) && strlen(proc_entries[i].name) == len &&
		    memcmp(proc_entries[i].name, name, len) == 0)
			return make_entry(dir, priv_pid(dir), i, out);
	return -ENOENT;
}

/* Is tid a thread of process pid that has not ended? */
static bool thread_of(int pid, int tid)
{
	struct proc *p = live(pid), *t = live(tid);

	return p && t && t->g == p->g && t->state != P_ZOMBIE;
}

/* task/ holds a directory per thread, <tid>, with the thread's view. */
static int task_lookup(struct rnode *dir, const char *name, size_t len, struct rnode **out)
{
	int tid = name_to_int(name, len);
	char me[16];

	if (!thread_of(priv_pid(dir), tid)) {
		remove_tree(dir, name, len);
		return -ENOENT;
	}
	if (ramfs_lookup(dir, name, len, out) == 0)
		return 0;
	fmt_snprintf(me, sizeof(me), "%d", tid);
	*out = make(dir, me, S_IFDIR | 0555, &pid_dir_ops, pack(tid, 0, IDX_TASK_PID_DIR));
	return *out ? 0 : -ENOMEM;
}

/* Bring task/ in step with the process's threads. */
static void sync_task(struct rnode *dir)
{
	struct proc *p = live(priv_pid(dir));
	struct rnode *sub;
	char name[16];

	for (size_t i = dir->nents; i-- > 0;) {
		struct rdirent *d = dir->ents[i];
		if (!thread_of(priv_pid(dir), name_to_int(d->name, d->len)))
			remove_tree(dir, d->name, d->len);
	}
	for (struct proc *t = procs; p && t < procs + NPROC; t++)
		if (t->state != P_FREE && t->state != P_ZOMBIE && t->g == p->g)
			task_lookup(dir, name, fmt_snprintf(name, sizeof(name), "%d", t->pid), &sub);
}

static int fd_lookup(struct rnode *dir, const char *name, size_t len, struct rnode **out)
{
	sync_fds(dir);
	return ramfs_lookup(dir, name, len, out);
}

/* fd/'s getdents: in step with the descriptors at each call, so the
 * descriptor doing the listing is in it too, as on Linux. */
static long fd_getdents(struct file *f, uint64_t *pos, void *buf, size_t len)
{
	sync_fds(f->node);
	return ramfs_dir_ops.getdents(f, pos, buf, len);
}

static int64_t fd_lseek(struct file *f, int64_t off, int whence)
{
	return ramfs_dir_ops.lseek(f, off, whence);
}

/* An open fd/: a ramfs directory but for getdents. */
static const struct file_ops fd_dir_file_ops = { .lseek = fd_lseek, .getdents = fd_getdents };

/* Opening a directory lists it as it is now: bring it in step (make
 * what is not made yet) first. */
static int dir_open(struct rnode *n, struct file *f)
{
	if (n->ops == &root_ops)
		sync_root(n);
	else if (n->ops == &fd_dir_ops)
		sync_fds(n);
	else if (n->ops == &task_dir_ops)
		sync_task(n);
	else if (live(priv_pid(n)))
		for (int i = 0; i < proc_nentries; i++)
			if (shows(n, i) && make_entry(n, priv_pid(n), i, NULL) < 0)
				return -ENOMEM;
	f->ops = n->ops == &fd_dir_ops ? &fd_dir_file_ops : &ramfs_dir_ops;
	return 0;
}

/* Make entry e's text for process p (NULL at the root) into a buffer of
 * its own: 0 and *text, *len, or -ENOMEM. */
static int make_text(const struct proc_entry *e, struct proc *p, char **text, size_t *len)
{
	for (size_t size = PAGE_SIZE;;) {
		struct seqbuf s = { kmalloc(size), size, 0 };
		if (!s.buf)
			return -ENOMEM;
		e->show(&s, p);
		if (seq_fits(&s)) {
			*text = s.buf, *len = s.len;
			return 0;
		}
		kfree(s.buf);
		if (s.len > TEXT_MAX)
			return -ENOMEM;
		size = s.len + PAGE_SIZE;     /* it may have grown meanwhile: some room to spare */
	}
}

static int file_open(struct rnode *n, struct file *f)
{
	const struct proc_entry *e = &proc_entries[priv_idx(n)];
	struct proc *p = e->per_pid ? live(priv_pid(n)) : NULL;
	char *text;
	size_t len;
	int r;

	if (e->per_pid && !p)
		return -ENOENT;                   /* the process is gone */
	if ((r = make_text(e, p, &text, &len)) < 0)
		return r;
	return file_set_text(f, text, len);
}

/* The link function of link node n, and its process (NULL: gone). */
static long call_link(struct rnode *n, char *buf, size_t size, struct rnode **node)
{
	int idx = priv_idx(n);
	const struct proc_entry *e = idx == IDX_FD_LINK ? NULL : &proc_entries[idx];
	struct proc *p = live(priv_pid(n));

	if ((!e || e->per_pid) && !p)
		return -ENOENT;
	return e ? e->link(n, p, priv_fd(n), buf, size, node) : proc_fd_link(n, p, priv_fd(n), buf, size, node);
}

static long link_readlink(struct rnode *n, char *buf, size_t size)
{
	return call_link(n, buf, size, NULL);
}

static int link_follow(struct rnode *n, struct rnode **out)
{
	char buf[32];
	long r = call_link(n, buf, sizeof(buf), out);

	return r < 0 ? (int)r : 0;
}

static const struct node_ops root_ops = { .lookup = root_lookup, .open = dir_open };
static const struct node_ops pid_dir_ops = { .lookup = pid_dir_lookup, .open = dir_open };
static const struct node_ops task_dir_ops = { .lookup = task_lookup, .open = dir_open };
static const struct node_ops fd_dir_ops = { .lookup = fd_lookup, .open = dir_open };
static const struct node_ops file_ops = { .open = file_open };
static const struct node_ops link_ops = { .readlink = link_readlink, .follow = link_follow };

struct ramfs *procfs_new(uint64_t dev)
{
	struct ramfs *fs = ramfs_new(dev, 0555);

	if (!fs)
		return NULL;
	fs->root->ops = &root_ops;
	for (int i = 0; i < proc_nentries; i++) {
		const struct proc_entry *e = &proc_entries[i];
		uint32_t mode = e->kind == PE_LINK ? S_IFLNK | 0777 : S_IFREG | 0444;
		if (!e->per_pid && !make(fs->root, e->name, mode, e->kind == PE_LINK ? &link_ops : &file_ops,
					 pack(0, 0, i))) {
			ramfs_destroy(fs);
			return NULL;
		}
	}
	return fs;
}

bool procfs_owns(const struct ramfs *fs)
{
	return fs->root->ops == &root_ops;
}
