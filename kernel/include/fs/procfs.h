/*
 * procfs.h - the process file system mounted on /proc (kernel/fs/proc/).
 *
 * The text of each file is made when it is opened, by the generators of
 * fs/proc_text.h, from snapshots of the kernel's state taken here.
 */
#ifndef FS_PROCFS_H
#define FS_PROCFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fs/proc_text.h"
#include "fs/ramfs.h"
#include "proc.h"

/* procfs.c: the file system (fs/mount.c's "proc"). */
struct ramfs *procfs_new(uint64_t dev);   /* a new instance, or NULL when out of memory */
bool procfs_owns(const struct ramfs *fs); /* is fs a procfs instance? */
/* The directory /proc/<pid> of instance fs, made now if pid lives, removed
 * if it does not: 0 and *out (borrowed), or -ENOENT. */
int procfs_pid_dir(struct ramfs *fs, int pid, struct rnode **out);
/* Process pid is freed: its directory goes from every procfs instance
 * (Linux's proc_flush_pid). */
void procfs_flush_pid(int pid);

/* entries.c: what procfs shows, one table: the files at its root and in
 * each /proc/<pid>/ (and /proc/<pid>/task/<pid>/). */
enum proc_entry_kind {
	PE_FILE,                         /* a text made at open by show */
	PE_LINK,                         /* a link: link gives its text and node */
	PE_FD_DIR,                       /* fd/: a link per open descriptor */
	PE_TASK_DIR,                     /* task/: one directory, <pid>, the same files again */
};
struct proc_entry {
	const char *name;
	enum proc_entry_kind kind;
	bool per_pid;                    /* in /proc/<pid>/ (else at the root) */
	/* PE_FILE: append the text; p is the process (NULL at the root). */
	void (*show)(struct seqbuf *s, struct proc *p);
	/* PE_LINK: the text of link n (of process p, descriptor fd for fd/N)
	 * into buf (no NUL), and, when node is not NULL, the node it leads to
	 * (borrowed): the length or -errno. */
	long (*link)(struct rnode *n, struct proc *p, int fd, char *buf, size_t size, struct rnode **node);
};
extern const struct proc_entry proc_entries[];
extern const int proc_nentries;
/* fd/N's link: the same shape as proc_entry's link. */
long proc_fd_link(struct rnode *n, struct proc *p, int fd, char *buf, size_t size, struct rnode **node);

/* snap.c: the kernel's state as the generators take it. */
void snap_pid(struct proc *p, struct pid_snap *s);
void snap_mem(struct mem_snap *m);
void snap_load(struct load_snap *l);
void snap_stat(struct stat_snap *st);
void snap_cpu(struct cpu_snap *c);

/* pid_maps.c: /proc/<pid>/maps, and the page counts status needs. */
void proc_show_maps(struct seqbuf *s, struct proc *p);
/* p's mapped pages that are its stack, shared, and of its program's file. */
void proc_vm_counts(struct proc *p, uint64_t *stack, uint64_t *shared, uint64_t *exe);

/* pid_mem.c: up to size bytes of p's memory from [start, end) into buf:
 * the count (0 for a zombie, which has none; short at an unmapped page). */
size_t proc_read_mem(struct proc *p, uint64_t start, uint64_t end, char *buf, size_t size);

/* node_path.c: the path of node n as seen from the root, into buf
 * (NUL-terminated): its length without the NUL, or -ENOENT when no
 * directory names it (an unlinked file), -ERANGE when buf is too small.
 * A pipe is "pipe:[ino]", as Linux names it. */
long node_path(struct rnode *n, char *buf, size_t size);

#endif
