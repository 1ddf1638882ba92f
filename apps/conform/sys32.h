/*
 * sys32.h - conform32 (-m32): the i386 calls the cases' SYS_ names stand
 * for (included by conform.h). Where i386 has an old call and a newer one
 * whose structures are the ones libc32 defines (struct stat = stat64,
 * off_t and rlim_t 64-bit, 32-bit uids), the cases make the newer one, as
 * Linux's 32-bit libcs do. Every other SYS_ name is i386's own number.
 */
#ifndef CONFORM_SYS32_H
#define CONFORM_SYS32_H

#include <sys/syscall.h>

#undef SYS_stat
#define SYS_stat SYS_stat64
#undef SYS_lstat
#define SYS_lstat SYS_lstat64
#undef SYS_fstat
#define SYS_fstat SYS_fstat64
#define SYS_newfstatat SYS_fstatat64
#undef SYS_fcntl
#define SYS_fcntl SYS_fcntl64
#undef SYS_mmap
#define SYS_mmap SYS_mmap2              /* the cases map at offset 0 or a bad one */
#undef SYS_select
#define SYS_select SYS__newselect
#undef SYS_sendfile
#define SYS_sendfile SYS_sendfile64
#undef SYS_getuid
#define SYS_getuid SYS_getuid32
#undef SYS_geteuid
#define SYS_geteuid SYS_geteuid32
#undef SYS_getgid
#define SYS_getgid SYS_getgid32
#undef SYS_getegid
#define SYS_getegid SYS_getegid32
#undef SYS_setuid
#define SYS_setuid SYS_setuid32
#undef SYS_setgid
#define SYS_setgid SYS_setgid32
#undef SYS_setreuid
#define SYS_setreuid SYS_setreuid32
#undef SYS_setregid
#define SYS_setregid SYS_setregid32
#undef SYS_setresuid
#define SYS_setresuid SYS_setresuid32
#undef SYS_setresgid
#define SYS_setresgid SYS_setresgid32
#undef SYS_getresuid
#define SYS_getresuid SYS_getresuid32
#undef SYS_getresgid
#define SYS_getresgid SYS_getresgid32
#undef SYS_getgroups
#define SYS_getgroups SYS_getgroups32
#undef SYS_setgroups
#define SYS_setgroups SYS_setgroups32
#undef SYS_chown
#define SYS_chown SYS_chown32
#undef SYS_lchown
#define SYS_lchown SYS_lchown32
#undef SYS_fchown
#define SYS_fchown SYS_fchown32

/* What i386's old statfs (99) and fstatfs (100) fill: every field a
 * 32-bit word (Linux's struct compat_statfs, 64 bytes). The cases call
 * them by these numbers beside statfs64's STATFS (conform.h). */
struct statfs32 {
	unsigned f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	unsigned f_namelen, f_frsize, f_flags, f_spare[4];
};
_Static_assert(sizeof(struct statfs32) == 64, "i386 struct statfs");

#endif
