/* fcntl.h - open() flags, lseek() whences, the *at() calls' AT_* and
 * fcntl()'s commands (Linux's values). */
#ifndef API_FCNTL_H
#define API_FCNTL_H

#define O_RDONLY    00
#define O_WRONLY    01
#define O_RDWR      02
#define O_ACCMODE   03
#define O_CREAT     0100
#define O_EXCL      0200
#define O_TRUNC     01000
#define O_APPEND    02000
#define O_NONBLOCK  04000
#define O_LARGEFILE 0100000         /* always on for a 64-bit open; F_GETFL shows it */
#define O_DIRECTORY 0200000
#define O_NOFOLLOW  0400000         /* a link as the last component is -ELOOP */
#define O_CLOEXEC   02000000
#define O_PATH      010000000       /* a descriptor that only names its file */

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define AT_FDCWD            (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR        0x200   /* unlinkat: rmdir */
#define AT_EACCESS          0x200   /* faccessat2 */
#define AT_SYMLINK_FOLLOW   0x400   /* linkat */
#define AT_NO_AUTOMOUNT     0x800
#define AT_EMPTY_PATH       0x1000
#define AT_STATX_SYNC_TYPE  0x6000

/* renameat2() flags */
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE  (1 << 1)
#define RENAME_WHITEOUT  (1 << 2)

/* access() modes */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

/* fcntl() */
#define F_DUPFD         0
#define F_GETFD         1
#define F_SETFD         2
#define F_GETFL         3
#define F_SETFL         4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC      1

#endif
