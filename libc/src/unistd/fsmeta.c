/*
 * fsmeta.c - calls about file systems rather than file contents: chmod,
 * fchmod, mount, umount2, and umount (umount2 with no flags, as x86-64
 * Linux has no umount call of its own).
 */
#include <sys/mount.h>
#include <sys/stat.h>

#include "syscall.h"

int chmod(const char *path, mode_t mode) { return __syscall_ret(__syscall2(SYS_chmod, path, mode)); }
int fchmod(int fd, mode_t mode) { return __syscall_ret(__syscall2(SYS_fchmod, fd, mode)); }

int mount(const char *source, const char *target, const char *fstype, unsigned long flags,
	  const void *data)
{
	return __syscall_ret(__syscall5(SYS_mount, source, target, fstype, flags, data));
}

int umount(const char *target) { return __syscall_ret(__syscall2(SYS_umount2, target, 0)); }
int umount2(const char *target, int flags) { return __syscall_ret(__syscall2(SYS_umount2, target, flags)); }
