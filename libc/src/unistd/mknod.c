/*
 * mknod.c - making nodes: mknod(at) for any type, mkfifo(at) for FIFOs.
 * The kernel takes the device number as an unsigned int (Linux's "new"
 * encoding, which st_rdev gives back); one that does not fit is EOVERFLOW.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "syscall.h"

int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	if (dev != (unsigned int)dev) {
		errno = EOVERFLOW;
		return -1;
	}
	return __syscall_ret(__syscall4(SYS_mknodat, dirfd, path, mode, dev));
}

int mknod(const char *path, mode_t mode, dev_t dev) { return mknodat(AT_FDCWD, path, mode, dev); }

int mkfifoat(int dirfd, const char *path, mode_t mode) { return mknodat(dirfd, path, mode | S_IFIFO, 0); }

int mkfifo(const char *path, mode_t mode) { return mknodat(AT_FDCWD, path, mode | S_IFIFO, 0); }
