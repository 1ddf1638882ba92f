/*
 * utime.c - a file's access and modification times: utimensat, futimens.
 */
#include <fcntl.h>
#include <sys/stat.h>

#include "syscall.h"

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
	return __syscall_ret(__syscall4(SYS_utimensat, dirfd, path, times, flags));
}

/* futimens is utimensat with a NULL path: the descriptor's own file. */
int futimens(int fd, const struct timespec times[2]) { return utimensat(fd, 0, times, 0); }
