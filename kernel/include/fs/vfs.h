/*
 * vfs.h - open files and descriptors over the RAM filesystem.
 *
 * The root filesystem is a ramfs filled from the initrd at boot. An open
 * file (struct file) is shared by every descriptor that came from the same
 * open() (dup, fork); it holds the offset and the access mode. The console
 * is an open file of its own kind until there is a /dev.
 */
#ifndef FS_VFS_H
#define FS_VFS_H

#include <stdbool.h>
#include <stdint.h>

#include "fs/ramfs.h"

enum file_kind { FILE_CONSOLE = 1, FILE_NODE };

struct file {
	int refs;                    /* descriptors pointing here */
	enum file_kind kind;
	uint32_t flags;              /* O_ACCMODE bits and O_APPEND */
	int64_t off;
	struct rnode *node;          /* FILE_NODE: held with rnode_get() */
};

extern struct rnode *vfs_root;

/* Device numbers (Linux's): major << 8 | minor. */
#define DEV_NULL    ((1 << 8) | 3)
#define DEV_ZERO    ((1 << 8) | 5)
#define DEV_CONSOLE ((5 << 8) | 1)

void vfs_init(void);                        /* the root ramfs, filled from the initrd */
struct file *file_console(void);            /* a new reference to the console file */
struct file *file_open_node(struct rnode *node, uint32_t flags);  /* NULL when out of memory */
void file_get(struct file *f);
void file_put(struct file *f);              /* the last put closes it */

/* Look up a regular file for exec: 0 and a borrowed node, or -errno. */
int vfs_exec_lookup(struct rnode *cwd, const char *path, struct rnode **out);

#endif
