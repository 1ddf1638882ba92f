/*
 * owner.c - a file's owner and group: chown, fchown, lchown, fchownat.
 */
#include <fcntl.h>
#include <unistd.h>

#include "syscall.h"

int chown(const char *path, uid_t uid, gid_t gid) { return __syscall_ret(__syscall3(SYS_chown, path, uid, gid)); }
int fchown(int fd, uid_t uid, gid_t gid) { return __syscall_ret(__syscall3(SYS_fchown, fd, uid, gid)); }
int lchown(const char *path, uid_t uid, gid_t gid) { return __syscall_ret(__syscall3(SYS_lchown, path, uid, gid)); }

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	return __syscall_ret(__syscall5(SYS_fchownat, dirfd, path, uid, gid, flags));
}
