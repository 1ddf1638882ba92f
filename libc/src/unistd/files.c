/*
 * files.c - the file system calls: each wrapper is one system call through
 * the selected entry, with errno from __syscall_ret().
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syscall.h"

int open(const char *path, int flags, ...)
{
	va_list ap;
	int mode = 0;

	if (flags & O_CREAT) {               /* the mode is there only with O_CREAT */
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	return __syscall_ret(__syscall3(SYS_open, path, flags | __O_LARGEFILE, mode));
}

int close(int fd) { return __syscall_ret(__syscall1(SYS_close, fd)); }
#ifdef __i386__
/* i386: a 64-bit offset goes through _llseek (high word first), and
 * struct stat is struct stat64, which the *stat64 calls fill. */
off_t lseek(int fd, off_t off, int whence)
{
	off_t result;
	long r = __syscall5(SYS__llseek, fd, (long)((uint64_t)off >> 32), (long)(uint32_t)off, &result, whence);

	return r < 0 ? __syscall_ret(r) : result;
}
int stat(const char *path, struct stat *st) { return __syscall_ret(__syscall2(SYS_stat64, path, st)); }
int lstat(const char *path, struct stat *st) { return __syscall_ret(__syscall2(SYS_lstat64, path, st)); }
int fstat(int fd, struct stat *st) { return __syscall_ret(__syscall2(SYS_fstat64, fd, st)); }
int truncate(const char *path, off_t size) { return __syscall_ret(__syscall3(SYS_truncate64, path, __LL_LO(size), __LL_HI(size))); }
int ftruncate(int fd, off_t size) { return __syscall_ret(__syscall3(SYS_ftruncate64, fd, __LL_LO(size), __LL_HI(size))); }
#else
off_t lseek(int fd, off_t off, int whence) { return __syscall_ret(__syscall3(SYS_lseek, fd, off, whence)); }
int stat(const char *path, struct stat *st) { return __syscall_ret(__syscall2(SYS_stat, path, st)); }
int lstat(const char *path, struct stat *st) { return __syscall_ret(__syscall2(SYS_lstat, path, st)); }
int fstat(int fd, struct stat *st) { return __syscall_ret(__syscall2(SYS_fstat, fd, st)); }
int truncate(const char *path, off_t size) { return __syscall_ret(__syscall2(SYS_truncate, path, size)); }
int ftruncate(int fd, off_t size) { return __syscall_ret(__syscall2(SYS_ftruncate, fd, size)); }
#endif
int dup(int fd) { return __syscall_ret(__syscall1(SYS_dup, fd)); }
int dup2(int old, int new) { return __syscall_ret(__syscall2(SYS_dup2, old, new)); }
int mkdir(const char *path, mode_t mode) { return __syscall_ret(__syscall2(SYS_mkdir, path, mode)); }
int rmdir(const char *path) { return __syscall_ret(__syscall1(SYS_rmdir, path)); }
int unlink(const char *path) { return __syscall_ret(__syscall1(SYS_unlink, path)); }
int link(const char *old, const char *new) { return __syscall_ret(__syscall2(SYS_link, old, new)); }
int rename(const char *old, const char *new) { return __syscall_ret(__syscall2(SYS_rename, old, new)); }
int chdir(const char *path) { return __syscall_ret(__syscall1(SYS_chdir, path)); }
ssize_t getdents64(int fd, void *buf, size_t n) { return __syscall_ret(__syscall3(SYS_getdents64, fd, buf, n)); }

/* getcwd: the kernel returns the length; C returns the buffer. */
char *getcwd(char *buf, size_t size)
{
	return __syscall_ret(__syscall2(SYS_getcwd, buf, size)) < 0 ? 0 : buf;
}
