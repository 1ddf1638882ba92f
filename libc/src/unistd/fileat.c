/*
 * fileat.c - names relative to a directory descriptor (openat, fstatat,
 * faccessat, readlinkat), their AT_FDCWD forms, creat and umask.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syscall.h"

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	int mode = 0;

	if (flags & O_CREAT) {               /* the mode is there only with O_CREAT */
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	return __syscall_ret(__syscall4(SYS_openat, dirfd, path, flags | __O_LARGEFILE, mode));
}

int creat(const char *path, mode_t mode) { return __syscall_ret(__syscall2(SYS_creat, path, mode)); }

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
#ifdef __i386__
	return __syscall_ret(__syscall4(SYS_fstatat64, dirfd, path, st, flags));   /* struct stat64 */
#else
	return __syscall_ret(__syscall4(SYS_newfstatat, dirfd, path, st, flags));
#endif
}

int access(const char *path, int mode) { return __syscall_ret(__syscall2(SYS_access, path, mode)); }

/* faccessat with flags is faccessat2; without, the older call, which every kernel has. */
int faccessat(int dirfd, const char *path, int mode, int flags)
{
	if (flags)
		return __syscall_ret(__syscall4(SYS_faccessat2, dirfd, path, mode, flags));
	return __syscall_ret(__syscall3(SYS_faccessat, dirfd, path, mode));
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return __syscall_ret(__syscall3(SYS_readlink, path, buf, size));
}

ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size)
{
	return __syscall_ret(__syscall4(SYS_readlinkat, dirfd, path, buf, size));
}

/* umask cannot fail. */
mode_t umask(mode_t mask) { return __syscall1(SYS_umask, mask); }
