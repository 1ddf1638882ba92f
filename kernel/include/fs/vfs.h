/*
 * vfs.h - open files, their operations, and descriptors.
 *
 * An open file (struct file) is shared by every descriptor that came from
 * the same open() (dup, fork); it holds the offset, the access mode and
 * status flags, the node it was opened from (every file has one: a pipe's
 * is nameless), and its operations, f->ops. The operations are chosen
 * once, when the file is opened (vfs_open: the node's own open, else by
 * the node's type), and from then on every system call on the file goes
 * through them: "where does read on X go" is f->ops->read, and
 * docs/abi.md ("Files and devices") has the table of who supplies what:
 *
 *   ramfs regular file   fs/ramfs_file.c   ramfs_file_ops
 *   ramfs directory      fs/ramfs_file.c   ramfs_dir_ops
 *   pipe (either end)    fs/pipe.c         pipe_ops
 *   devices (S_IFCHR)    dev/<name>.c        the device table, dev/dev.h
 *   generated text       fs/text_file.c    text_file_ops (file_set_text)
 *
 * The system calls check what is common (the access mode: -EBADF; the
 * user range: -EFAULT; counts) before calling an operation, so the
 * operations only move bytes. A NULL slot has the meaning given beside it.
 */
#ifndef FS_VFS_H
#define FS_VFS_H

#include <stdbool.h>
#include <stdint.h>

#include "api/fcntl.h"
#include "fs/node.h"
#include "fs/poll.h"
#include "fs/ramfs.h"
#include "lib/nospec.h"
#include "proc.h"

struct file;

/* What a file's operations can do (flags). */
#define FOP_READV_GATHER  1   /* readv: one read_k into a buffer, then scatter (a pipe's or a tty's read takes what is there) */
#define FOP_WRITEV_GATHER 2   /* writev of at most PIPE_BUF bytes: gathered into one write_k, so it lands whole */
#define FOP_PIPE          4   /* a pipe: sendfile writes to it even with O_APPEND (Linux splices) */

struct file_ops {
	/* Move bytes between the file and user memory at u: [u, u+n) in
	 * the user half, n at most MAX_RW (and not 0 for read), the access
	 * mode checked; *off
	 * is the file's offset (or pread's) and advances by what moved. The
	 * count, short at a bad page (-EFAULT when nothing moved), or -errno.
	 * read NULL: -EISDIR (a directory); write NULL: -EINVAL. */
	long (*read)(struct file *f, char *u, size_t n, int64_t *off);
	long (*write)(struct file *f, const char *u, size_t n, int64_t *off);
	/* The same with kernel memory: readv's gather, writev's whole pipe
	 * write, and sendfile (read_k from its input, write_k to its output).
	 * NULL: the file cannot do that (sendfile: -EINVAL). */
	long (*read_k)(struct file *f, char *buf, size_t n, int64_t *off);
	long (*write_k)(struct file *f, const char *buf, size_t n, int64_t *off);
	/* Set f->off (SEEK_SET, SEEK_CUR, SEEK_END): the new offset or -EINVAL.
	 * NULL: a stream, -ESPIPE for lseek, pread, pwrite, preadv, pwritev, sendfile's offset. */
	int64_t (*lseek)(struct file *f, int64_t off, int whence);
	/* A request beyond the ones every file takes (sys_fd.c). NULL: -ENOTTY. */
	long (*ioctl)(struct file *f, uint32_t cmd, uint64_t arg);
	/* The POLL* events ready now (api/poll.h). Pollers wake with any
	 * wakeup() (fs/poll.c), so the file's own wakeups are enough; a
	 * change that wakes nobody calls poll_wakeup(). NULL: always
	 * readable and writable. */
	unsigned (*poll)(struct file *f);
	/* Fill buf (kernel memory) with linux_dirent64 records from
	 * position *pos (the caller's copy of f->off), advancing it: the
	 * bytes, 0 at the end, -EINVAL when one record does not fit.
	 * NULL: -ENOTDIR. */
	long (*getdents)(struct file *f, uint64_t *pos, void *buf, size_t len);
	int (*fsync)(struct file *f);           /* NULL: -EINVAL (pipes, devices) */
	void (*release)(struct file *f);        /* the last close; NULL: nothing to do */
	unsigned flags;                         /* FOP_* */
};

struct file {
	int refs;                    /* descriptors pointing here */
	uint32_t flags;              /* O_ACCMODE bits and the status flags (F_GETFL): O_APPEND, O_NONBLOCK, O_LARGEFILE */
	int64_t off;
	struct rnode *node;          /* held with rnode_get() (a pipe's is nameless) */
	const struct file_ops *ops;
	void *priv;                  /* the operations' own: a pipe, a generated text, ... */
};

/* A ramfs regular file's and directory's operations (fs/ramfs_file.c):
 * another filesystem may give its own nodes these (procfs: a directory
 * whose entries it keeps as real ramfs entries). */
extern const struct file_ops ramfs_file_ops, ramfs_dir_ops;

extern struct rnode *vfs_root;
extern uint64_t files_open;                 /* struct files alive, for leak checks */

#define MAX_RW (0x7fffffffUL & ~4095UL)     /* the most one call moves, as on Linux */

void vfs_init(void);                        /* the root ramfs, filled from the initrd, and /dev */
struct file *file_console(void);            /* a new reference to init's console file */

/* Open node n with open()'s kept flags: the node's open operation, or
 * the ops its type calls for. 0 and *out (one reference), or -errno
 * (-ENOMEM, -ENXIO for a device number nobody drives). */
int vfs_open(struct rnode *n, uint32_t flags, struct file **out);

/* An open file of n with ops (no open operation asked): NULL when out of
 * memory. For files with no path (pipes) and for node open operations. */
struct file *file_alloc(struct rnode *n, uint32_t flags, const struct file_ops *ops);

/* Make f a read-only file whose contents are text[0..len) (kmalloc'd;
 * f owns it from now, and frees it at the last close): for a node's open
 * operation that generates its text at open (procfs). 0, or -ENOMEM with
 * text freed. */
int file_set_text(struct file *f, char *text, size_t len);


/* The access mode's two rights (mode 3, Linux's "neither", has none). */
/*
 * An O_PATH descriptor (flags O_PATH alone) only names its file: read,
 * write, lseek, getdents64, ftruncate and fchmod on it are -EBADF, as on
 * Linux; fstat, dup, fcntl, close and its use as a dirfd work.
 */
static inline bool file_is_path(const struct file *f) { return f->flags & O_PATH; }
static inline bool file_readable(const struct file *f) { return !(f->flags & O_PATH) && ((f->flags & 3) == 0 || (f->flags & 3) == 2); }
static inline bool file_writable(const struct file *f) { return !(f->flags & O_PATH) && ((f->flags & 3) == 1 || (f->flags & 3) == 2); }

/* The current process's open file behind descriptor reg, or NULL.
 * Descriptors are Linux's unsigned int: the low 32 bits of the register
 * (held in range under speculation too, lib/nospec.h). */
static inline struct file *fd_file(uint64_t reg)
{
	uint32_t fd = reg;

	return fd < NOFILE ? current()->g->fds[index_nospec(fd, NOFILE)] : NULL;
}

/* The lowest free descriptor of the current process at or above min and
 * below its RLIMIT_NOFILE, or -EMFILE. */
int fd_alloc(int min);

void file_get(struct file *f);
void file_put(struct file *f);              /* the last put closes it */

/* lseek over a file of size bytes (the common part of the lseek ops):
 * the new f->off, or -EINVAL for a bad whence or a negative result. */
int64_t file_seek(struct file *f, int64_t off, int whence, int64_t size);

/* May len bytes be written at off in file n (of any filesystem: all file
 * data lives in frames)? 0, or -ENOSPC when the pages it would take would
 * eat into the frames the kernel keeps for itself. */
int vfs_may_write(const struct rnode *n, int64_t off, size_t len);
void vfs_set_time(const struct timespec *now);  /* stamp for changed nodes, every mounted fs (the timer) */

/* Look up an executable regular file for exec: 0 and a borrowed node, or -errno (-EACCES: not a regular file, no x). */
int vfs_exec_lookup(struct rnode *cwd, const char *path, struct rnode **out);

#endif
