/*
 * entries.c - what procfs shows: the table of its files and links, and
 * how each one's text or target is made (the formats are fs/proc_text.h's,
 * the state snap.c's).
 */
#include "api/errno.h"
#include "api/mount.h"
#include "arch/smp.h"
#include "fs/mount.h"
#include "fs/node.h"
#include "fs/path.h"
#include "fs/procfs.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "lib/fmt.h"
#include "time/clock.h"
#include "time/timer.h"
#include "uts.h"

/* --- files at the root ------------------------------------------------ */

static void show_meminfo(struct seqbuf *s, struct proc *p)
{
	struct mem_snap m;

	(void)p;
	snap_mem(&m);
	proc_meminfo(s, &m);
}

static void show_uptime(struct seqbuf *s, struct proc *p)
{
	(void)p;
	proc_uptime(s, clock_monotonic_ns(), cpu_times.idle * (1000000000ULL / HZ));
}

static void show_loadavg(struct seqbuf *s, struct proc *p)
{
	struct load_snap l;

	(void)p;
	snap_load(&l);
	proc_loadavg(s, &l);
}

static void show_stat(struct seqbuf *s, struct proc *p)
{
	struct stat_snap st;

	(void)p;
	snap_stat(&st);
	proc_stat(s, &st);
}

static void show_cpuinfo(struct seqbuf *s, struct proc *p)
{
	struct cpu_snap c;

	(void)p;
	snap_cpu(&c);
	for (unsigned i = 0; i < ncpus_online; i++)   /* every online CPU, as Linux lists them */
		proc_cpuinfo(s, &c, i, cpus[i].apic_id, ncpus_online);
}

#define STR_(x) #x
#define STR(x) STR_(x)
#define COMPILER "clang version " STR(__clang_major__) "." STR(__clang_minor__) "." STR(__clang_patchlevel__)

static void show_version(struct seqbuf *s, struct proc *p)
{
	(void)p;
	proc_version(s, UTS_SYSNAME, UTS_RELEASE, UTS_VERSION, COMPILER);
}

static void show_filesystems(struct seqbuf *s, struct proc *p)
{
	const char *name;

	(void)p;
	for (int i = 0; (name = mount_type_name(i)); i++)
		proc_filesystems_line(s, name, true);
}

/* mount_each's callback: one line of /proc/mounts. */
static void mount_line(void *ctx, struct ramfs *fs, const char *type)
{
	char *path = kmalloc(PATH_MAX);
	struct mount_line m = { .source = type, .type = type, .rdonly = fs->flags & MS_RDONLY,
				.noexec = fs->flags & MS_NOEXEC };

	if (!path)
		return;
	if (path_getcwd(vfs_root, fs->root, path, PATH_MAX) >= 0) {
		m.path = path;
		proc_mounts_line(ctx, &m);
	}
	kfree(path);
}

static void show_mounts(struct seqbuf *s, struct proc *p)
{
	struct mount_line root = { .source = "rootfs", .path = "/", .type = "rootfs" };

	(void)p;
	proc_mounts_line(s, &root);
	mount_each(mount_line, s);
}

/* A link's text into buf of size bytes: as much as fits, no NUL (a
 * readlink cut short keeps the first bytes, as Linux's): the count. */
static long link_text(char *buf, size_t size, const char *text, size_t len)
{
	len = len < size ? len : size;
	memcpy(buf, text, len);
	return (long)len;
}

/* /proc/self and thread-self: the caller's directory. */
static long link_self(struct rnode *n, struct proc *p, int fd, char *buf, size_t size, struct rnode **node)
{
	char text[16];
	int pid = current()->g->tgid, len = fmt_snprintf(text, sizeof(text), "%d", pid);

	(void)p, (void)fd;
	if (node && procfs_pid_dir(n->fs, pid, node) < 0)
		return -ENOENT;
	return link_text(buf, size, text, len);
}

static long link_thread_self(struct rnode *n, struct proc *p, int fd, char *buf, size_t size,
			     struct rnode **node)
{
	char text[40];
	int pid = current()->g->tgid, tid = current()->pid;
	int len = fmt_snprintf(text, sizeof(text), "%d/task/%d", pid, tid);
	struct rnode *dir, *task;
	char name[16];

	(void)p, (void)fd;
	if (node) {
		int nl = fmt_snprintf(name, sizeof(name), "%d", tid);
		if (procfs_pid_dir(n->fs, pid, &dir) < 0 || node_lookup(dir, "task", 4, &task) < 0 ||
		    node_lookup(task, name, nl, node) < 0)
			return -ENOENT;
	}
	return link_text(buf, size, text, len);
}

/* --- files of each process ------------------------------------------- */

static void show_pid_stat(struct seqbuf *s, struct proc *p)
{
	struct pid_snap ps;

	snap_pid(p, &ps);
	proc_pid_stat(s, &ps);
}

static void show_pid_status(struct seqbuf *s, struct proc *p)
{
	struct pid_snap ps;

	snap_pid(p, &ps);
	proc_pid_status(s, &ps);
}

static void show_pid_statm(struct seqbuf *s, struct proc *p)
{
	struct pid_snap ps;

	snap_pid(p, &ps);
	proc_pid_statm(s, &ps);
}

static void show_comm(struct seqbuf *s, struct proc *p)
{
	seq_printf(s, "%.15s\n", p->name);
}

/* [start, end) of p's memory, written straight into the buffer (when it
 * does not fit, len says how much room the next try needs). */
static void show_memory(struct seqbuf *s, struct proc *p, uint64_t start, uint64_t end)
{
	size_t want = end > start ? end - start : 0;

	if (s->len + want > s->size) {
		s->len += want;
		return;
	}
	s->len += proc_read_mem(p, start, end, s->buf + s->len, want);
}

static void show_cmdline(struct seqbuf *s, struct proc *p)
{
	show_memory(s, p, p->g->image.arg_start, p->g->image.arg_end);
}

static void show_environ(struct seqbuf *s, struct proc *p)
{
	show_memory(s, p, p->g->image.env_start, p->g->image.env_end);
}

/* The path of node target into buf as a link's text, and target itself. */
static long link_to(struct rnode *target, char *buf, size_t size, struct rnode **node)
{
	char *path;
	long len;

	if (!target)
		return -ENOENT;
	if (node) {
		*node = target;
		return 0;
	}
	if (!(path = kmalloc(PATH_MAX)))
		return -ENOMEM;
	len = node_path(target, path, PATH_MAX);
	if (len == -ENOENT)
		len = fmt_snprintf(path, PATH_MAX, "/ (deleted)");  /* its name is gone with it */
	if (len >= 0) {
		len = len < (long)size ? len : (long)size;
		memcpy(buf, path, len);
	}
	kfree(path);
	return len;
}

static long link_exe(struct rnode *n, struct proc *p, int fd, char *buf, size_t size, struct rnode **node)
{
	(void)n, (void)fd;
	return link_to(p->g->exe, buf, size, node);
}

static long link_cwd(struct rnode *n, struct proc *p, int fd, char *buf, size_t size, struct rnode **node)
{
	(void)n, (void)fd;
	return link_to(p->state == P_ZOMBIE ? NULL : p->g->cwd, buf, size, node);
}

long proc_fd_link(struct rnode *n, struct proc *p, int fd, char *buf, size_t size, struct rnode **node)
{
	struct file *f = fd >= 0 && fd < NOFILE ? p->g->fds[fd] : NULL;

	(void)n;
	return link_to(f ? f->node : NULL, buf, size, node);
}

static void show_pid_maps(struct seqbuf *s, struct proc *p)
{
	proc_show_maps(s, p);
}

const struct proc_entry proc_entries[] = {
	{ "cpuinfo",     PE_FILE, false, show_cpuinfo, NULL },
	{ "filesystems", PE_FILE, false, show_filesystems, NULL },
	{ "loadavg",     PE_FILE, false, show_loadavg, NULL },
	{ "meminfo",     PE_FILE, false, show_meminfo, NULL },
	{ "mounts",      PE_FILE, false, show_mounts, NULL },
	{ "self",        PE_LINK, false, NULL, link_self },
	{ "stat",        PE_FILE, false, show_stat, NULL },
	{ "thread-self", PE_LINK, false, NULL, link_thread_self },
	{ "uptime",      PE_FILE, false, show_uptime, NULL },
	{ "version",     PE_FILE, false, show_version, NULL },

	{ "cmdline",     PE_FILE, true, show_cmdline, NULL },
	{ "comm",        PE_FILE, true, show_comm, NULL },
	{ "cwd",         PE_LINK, true, NULL, link_cwd },
	{ "environ",     PE_FILE, true, show_environ, NULL },
	{ "exe",         PE_LINK, true, NULL, link_exe },
	{ "fd",          PE_FD_DIR, true, NULL, NULL },
	{ "maps",        PE_FILE, true, show_pid_maps, NULL },
	{ "mounts",      PE_FILE, true, show_mounts, NULL },
	{ "stat",        PE_FILE, true, show_pid_stat, NULL },
	{ "statm",       PE_FILE, true, show_pid_statm, NULL },
	{ "status",      PE_FILE, true, show_pid_status, NULL },
	{ "task",        PE_TASK_DIR, true, NULL, NULL },
};
const int proc_nentries = sizeof(proc_entries) / sizeof(proc_entries[0]);
