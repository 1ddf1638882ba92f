/*
 * vfs.h - open files and descriptors over the RAM filesystem.
 *
 * The root filesystem is a ramfs filled from the initrd at boot. An open
 * file (struct file) is shared by every descriptor that came from the same
 * open() (dup, fork); it holds the offset and the access mode. The console
 * (/dev/console) is an open file of its own kind: its reads and writes go
 * to the serial and framebuffer consoles; a pipe's ends are open files of
 * a third kind (fs/pipe.c).
 */
#ifndef FS_VFS_H
#define FS_VFS_H

#include <stdbool.h>
#include <stdint.h>

#include "api/fcntl.h"
#include "fs/ramfs.h"
#include "lib/nospec.h"
#include "proc.h"

enum file_kind { FILE_CONSOLE = 1, FILE_NODE, FILE_PIPE };

struct file {
	int refs;                    /* descriptors pointing here */
	enum file_kind kind;
	uint32_t flags;              /* O_ACCMODE bits and the status flags (F_GETFL): O_APPEND, O_NONBLOCK, O_LARGEFILE */
	int64_t off;
	struct rnode *node;          /* held with rnode_get() (a pipe's is nameless) */
	struct pipe *pipe;           /* FILE_PIPE: the pipe (fs/pipe.c) */
};

extern struct rnode *vfs_root;
extern uint64_t files_open;                 /* struct files alive, for leak checks */

/* Device numbers (Linux's): major << 8 | minor. */
#define DEV_NULL    ((1 << 8) | 3)
#define DEV_ZERO    ((1 << 8) | 5)
#define DEV_CONSOLE ((5 << 8) | 1)

void vfs_init(void);                        /* the root ramfs, filled from the initrd */
struct file *file_console(void);            /* a new reference to init's console file */
struct file *file_open_console(uint32_t flags); /* /dev/console opened anew; NULL when out of memory */
struct file *file_open_node(struct rnode *node, uint32_t flags);  /* NULL when out of memory */
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

	return fd < NOFILE ? current()->fds[index_nospec(fd, NOFILE)] : NULL;
}

/* The lowest free descriptor of the current process at or above min and
 * below its RLIMIT_NOFILE, or -EMFILE. */
int fd_alloc(int min);

void file_get(struct file *f);
void file_put(struct file *f);              /* the last put closes it */

/* May file n (of any filesystem: all file data is kernel memory) grow to
 * size bytes? 0, or -ENOSPC when its buffer would eat into the frames the
 * kernel keeps for itself. */
int vfs_may_grow(const struct rnode *n, uint64_t size);
void vfs_set_time(const struct timespec *now);  /* stamp for changed nodes, every mounted fs (the timer) */

/* Look up an executable regular file for exec: 0 and a borrowed node, or -errno (-EACCES: not a regular file, no x). */
int vfs_exec_lookup(struct rnode *cwd, const char *path, struct rnode **out);

#endif
