/*
 * perm.h - who may do what to a file: the one place permission bits are
 * read (host-tested).
 *
 * There are no users: every process acts as the owner of every file, but
 * without root's override. So the owner's three bits (0700) decide; the
 * group and other bits are stored and reported, never consulted. As Linux
 * applies them to a file's owner:
 *
 *   read a file, list a directory (open)              r
 *   write or truncate a file (open, truncate)         w
 *   run a file (execve)                               x
 *   search a directory (every one walked, chdir)      x
 *   add, remove or rename entries in a directory      w and x
 *   chmod                                             none: the owner may always
 *
 * A filesystem mounted MS_RDONLY refuses writes to its files and
 * directories (-EROFS, before the bits are looked at; device nodes stay
 * writable, as on Linux) and chmod; one mounted MS_NOEXEC refuses to run
 * its files. ramfs itself checks nothing.
 */
#ifndef FS_PERM_H
#define FS_PERM_H

#include <stdint.h>

#include "fs/ramfs.h"

/* What perm_check() is asked for (Linux's MAY_* values). */
#define MAY_EXEC  1
#define MAY_WRITE 2
#define MAY_READ  4

/* May the caller do want (MAY_* bits) to n? 0, -EROFS (a write on a read-only filesystem) or -EACCES. */
int perm_check(const struct rnode *n, int want);

/* What open(2) with flags needs of an existing n: the access mode's rights (mode 3 needs both) and w for O_TRUNC. */
int perm_open(const struct rnode *n, uint32_t flags);

/* May the caller change n's mode (chmod)? 0, or -EROFS on a read-only
 * filesystem, -EPERM for a node with node operations (procfs). */
int perm_setattr(const struct rnode *n);

#endif
