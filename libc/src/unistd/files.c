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
	return __syscall_ret(__syscall3(SYS_open, path, flags, mode));
}

int close(int fd) { return __syscall_ret(__syscall1(SYS_close, fd)); }
off_t lseek(int fd, off_t off, int whence) { return __syscall_ret(__syscall3(SYS_lseek, fd, off, whence)); }
int dup(int fd) { return __syscall_ret(__syscall1(SYS_dup, fd)); }
int dup2(int old, int new) { return __syscall_ret(__syscall2(SYS_dup2, old, new)); }
int stat(const char *path, struct stat *st) { return __syscall_ret(__syscall2(SYS_stat, path, st)); }
int lstat(const char *path, struct stat *st) { return __syscall_ret(__syscall2(SYS_lstat, path, st)); }
int fstat(int fd, struct stat *st) { return __syscall_ret(__syscall2(SYS_fstat, fd, st)); }
int mkdir(const char *path, mode_t mode) { return __syscall_ret(__syscall2(SYS_mkdir, path, mode)); }
int rmdir(const char *path) { return __syscall_ret(__syscall1(SYS_rmdir, path)); }
int unlink(const char *path) { return __syscall_ret(__syscall1(SYS_unlink, path)); }
int link(const char *old, const char *new) { return __syscall_ret(__syscall2(SYS_link, old, new)); }
int rename(const char *old, const char *new) { return __syscall_ret(__syscall2(SYS_rename, old, new)); }
int chdir(const char *path) { return __syscall_ret(__syscall1(SYS_chdir, path)); }
int truncate(const char *path, off_t size) { return __syscall_ret(__syscall2(SYS_truncate, path, size)); }
int ftruncate(int fd, off_t size) { return __syscall_ret(__syscall2(SYS_ftruncate, fd, size)); }
ssize_t getdents64(int fd, void *buf, size_t n) { return __syscall_ret(__syscall3(SYS_getdents64, fd, buf, n)); }

/* getcwd: the kernel returns the length; C returns the buffer. */
char *getcwd(char *buf, size_t size)
{
	return __syscall_ret(__syscall2(SYS_getcwd, buf, size)) < 0 ? 0 : buf;
}
