/*
 * links.c - symbolic links and the name calls relative to a directory
 * descriptor: symlink(at), linkat, unlinkat, mkdirat, renameat(2), fchmodat.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syscall.h"

int symlink(const char *target, const char *path) { return __syscall_ret(__syscall2(SYS_symlink, target, path)); }

int symlinkat(const char *target, int dirfd, const char *path)
{
	return __syscall_ret(__syscall3(SYS_symlinkat, target, dirfd, path));
}

int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags)
{
	return __syscall_ret(__syscall5(SYS_linkat, olddirfd, old, newdirfd, new, flags));
}

int unlinkat(int dirfd, const char *path, int flags) { return __syscall_ret(__syscall3(SYS_unlinkat, dirfd, path, flags)); }

int mkdirat(int dirfd, const char *path, mode_t mode) { return __syscall_ret(__syscall3(SYS_mkdirat, dirfd, path, mode)); }

int renameat(int olddirfd, const char *old, int newdirfd, const char *new)
{
	return __syscall_ret(__syscall4(SYS_renameat, olddirfd, old, newdirfd, new));
}

int renameat2(int olddirfd, const char *old, int newdirfd, const char *new, unsigned flags)
{
	return __syscall_ret(__syscall5(SYS_renameat2, olddirfd, old, newdirfd, new, flags));
}

/* fchmodat's flags (AT_SYMLINK_NOFOLLOW) need fchmodat2: only 0 is taken here. */
int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	if (flags)
		return __syscall_ret(-EINVAL);
	return __syscall_ret(__syscall3(SYS_fchmodat, dirfd, path, mode));
}
