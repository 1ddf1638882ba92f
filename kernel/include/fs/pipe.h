/* pipe.h - pipes (fs/pipe.c). */
#ifndef FS_PIPE_H
#define FS_PIPE_H

#include <stddef.h>
#include <stdint.h>

struct file;
struct rnode;

#define PIPEFS_DEV 2                      /* st_dev of pipe nodes (the root is 1) */

/* A new pipe: its read and write ends as open files. flags may hold
 * O_NONBLOCK. 0, or -ENOMEM with nothing made. */
int pipe_open(uint32_t flags, struct file **rd, struct file **wr);
/* Open FIFO node n as f asks (open_by_type, fs/vfs.c): attach to its
 * pipe, waiting for the other end as fifo(7) says. 0 and f->ops set, or
 * -ENXIO (O_WRONLY | O_NONBLOCK and no reader), -EINTR, -EINVAL (access
 * mode 3), -ENOMEM, with nothing left to release. */
int fifo_open(struct rnode *n, struct file *f);
/* The ends' operations (pipe_ops) block as the pipe's rules say. */
#define PIPE_BUF 4096                     /* POSIX: writes this size or less land whole */

#endif
