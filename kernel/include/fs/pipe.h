/* pipe.h - pipes (fs/pipe.c). */
#ifndef FS_PIPE_H
#define FS_PIPE_H

#include <stddef.h>
#include <stdint.h>

struct file;

#define PIPEFS_DEV 2                      /* st_dev of pipe nodes (the root is 1) */

/* A new pipe: its read and write ends as open files. flags may hold
 * O_NONBLOCK. 0, or -ENOMEM with nothing made. */
int pipe_open(uint32_t flags, struct file **rd, struct file **wr);
void pipe_close(struct file *f);          /* from file_put: one end's last close */
/* Block as the pipe's rules say; the count, 0 at end of file, or -errno. */
long pipe_read_user(struct file *f, char *u, size_t n);
long pipe_write_user(struct file *f, const char *u, size_t n);
long pipe_write_kernel(struct file *f, const char *buf, size_t n);  /* writev's gathered bytes */
long pipe_read_kernel(struct file *f, char *buf, size_t n);         /* readv's, to scatter */
#define PIPE_BUF 4096                     /* POSIX: writes this size or less land whole */

#endif
