/*
 * statfs.h - struct statfs (Linux x86-64's, 120 bytes), its f_flags bits
 * and the f_type magic numbers trapdoor reports; shared by kernel and libc.
 */
#ifndef API_STATFS_H
#define API_STATFS_H

#include <stdint.h>

#define TMPFS_MAGIC  0x01021994      /* the root file system and every mount */
#define PIPEFS_MAGIC 0x50495045      /* a pipe's (fstatfs) */
#define PROC_SUPER_MAGIC 0x9fa0      /* procfs */

/* f_flags: ST_VALID, and the mount's flags (the values of MS_*). */
#define ST_RDONLY 0x0001
#define ST_NOSUID 0x0002
#define ST_NODEV  0x0004
#define ST_NOEXEC 0x0008
#define ST_VALID  0x0020

typedef struct {
	int32_t val[2];
} fsid_t;

/* The words that are longs: a -m32 program's struct statfs is i386's
 * struct statfs64 (what statfs64 and fstatfs64 fill). */
struct statfs {
	long f_type;
	long f_bsize;                 /* the block size (a page) */
	uint64_t f_blocks;            /* blocks the file system may hold */
	uint64_t f_bfree;             /* blocks free */
	uint64_t f_bavail;            /* blocks free to an unprivileged user */
	uint64_t f_files;             /* nodes it may hold */
	uint64_t f_ffree;             /* nodes free */
	fsid_t f_fsid;
	long f_namelen;               /* the longest name */
	long f_frsize;                /* the fragment size (= f_bsize) */
	long f_flags;                 /* ST_* */
	long f_spare[4];
};

#ifdef __i386__
_Static_assert(sizeof(struct statfs) == 84, "struct statfs is Linux i386's struct statfs64");
_Static_assert(__builtin_offsetof(struct statfs, f_fsid) == 48, "f_fsid offset");
#else
_Static_assert(sizeof(struct statfs) == 120, "struct statfs is Linux x86-64's");
_Static_assert(__builtin_offsetof(struct statfs, f_fsid) == 56, "f_fsid offset");
#endif

#endif
