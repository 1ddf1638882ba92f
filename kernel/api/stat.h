/*
 * stat.h - file types, permission bits and struct stat, shared by the kernel
 * and libc. Values and the layout of struct stat are Linux's x86-64 ones
 * (144 bytes), so stat(2) results can be copied out as they are.
 */
#ifndef API_STAT_H
#define API_STAT_H

#include <stdint.h>

#include "api/abi.h"

/* File types: the top four bits of st_mode. */
#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000

#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)
#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISBLK(m)  (((m) & S_IFMT) == S_IFBLK)
#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)

/* Permission bits: the low twelve bits of st_mode. */
#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#define S_IRWXU 00700
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100
#define S_IRWXG 00070
#define S_IRGRP 00040
#define S_IWGRP 00020
#define S_IXGRP 00010
#define S_IRWXO 00007
#define S_IROTH 00004
#define S_IWOTH 00002
#define S_IXOTH 00001
#define S_IALLUGO 07777 /* every permission bit (Linux's name) */

/* utimensat's special tv_nsec values. */
#define UTIME_NOW  ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

#ifdef __i386__
/* A -m32 program's struct stat is i386's struct stat64 (what stat64,
 * fstat64, lstat64 and fstatat64 fill): 64-bit sizes and inode numbers,
 * 32-bit times, 4-byte alignment of the 64-bit fields. */
struct stat {
	uint64_t st_dev;
	uint32_t __pad0;
	uint32_t __st_ino;    /* the low 32 bits of st_ino */
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	uint32_t __pad3;
	int64_t st_size;      /* bytes */
	int32_t st_blksize;   /* preferred I/O size */
	int64_t st_blocks;    /* 512-byte units allocated */
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	uint64_t st_ino;
};
_Static_assert(sizeof(struct stat) == 96, "struct stat is Linux i386's struct stat64");
_Static_assert(__builtin_offsetof(struct stat, st_mode) == 16, "st_mode offset");
_Static_assert(__builtin_offsetof(struct stat, st_rdev) == 32, "st_rdev offset");
_Static_assert(__builtin_offsetof(struct stat, st_size) == 44, "st_size offset");
_Static_assert(__builtin_offsetof(struct stat, st_blocks) == 56, "st_blocks offset");
_Static_assert(__builtin_offsetof(struct stat, st_atim) == 64, "st_atim offset");
_Static_assert(__builtin_offsetof(struct stat, st_ino) == 88, "st_ino offset");
#else
struct stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	int32_t __pad0;
	uint64_t st_rdev;
	int64_t st_size;      /* bytes */
	int64_t st_blksize;   /* preferred I/O size */
	int64_t st_blocks;    /* 512-byte units allocated */
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	int64_t __unused[3];
};

_Static_assert(sizeof(struct stat) == 144, "struct stat is Linux x86-64's");
_Static_assert(__builtin_offsetof(struct stat, st_mode) == 24, "st_mode offset");
_Static_assert(__builtin_offsetof(struct stat, st_rdev) == 40, "st_rdev offset");
_Static_assert(__builtin_offsetof(struct stat, st_size) == 48, "st_size offset");
_Static_assert(__builtin_offsetof(struct stat, st_atim) == 72, "st_atim offset");
#endif

#endif
