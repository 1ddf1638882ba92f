/*
 * upath.h - user paths for the system calls (sys/upath.c): copied in once,
 * then resolved from the working directory or, for the *at calls, from the
 * directory a descriptor has open, as Linux's path_init does.
 */
#ifndef UPATH_H
#define UPATH_H

#include <stdbool.h>
#include <stdint.h>

#include "fs/ramfs.h"

/* Copy user path u into a fresh PATH_MAX buffer (kfree it); NULL and *err
 * (-EFAULT, -ENAMETOOLONG, -ENOMEM) on failure. */
char *path_in(uint64_t u, long *err);

/* The current process's working directory. */
struct rnode *cwd(void);

/* Where a relative path starts for dirfd: the working directory for
 * AT_FDCWD, else the directory dirfd has open. 0, -EBADF or -ENOTDIR. */
long at_dir(uint64_t dirfd, struct rnode **dir);

/*
 * Resolve user path upath against dirfd into *out (borrowed). atflags:
 * with AT_EMPTY_PATH an empty path names dirfd's own file (any kind),
 * else it is -ENOENT; with AT_SYMLINK_NOFOLLOW a link as the last
 * component is the result (lstat), else it is followed. Errors in Linux's order: the copy (-EFAULT,
 * -ENAMETOOLONG), an empty path, dirfd (-EBADF, -ENOTDIR), the walk.
 */
long lookup_at(uint64_t dirfd, uint64_t upath, int atflags, struct rnode **out);

/* The same for a path already copied in. */
long lookup_at_k(uint64_t dirfd, const char *path, int atflags, struct rnode **out);

#endif
