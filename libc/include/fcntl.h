/* fcntl.h - open(), openat(), fcntl() and their flags (values in api/fcntl.h). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <api/fcntl.h>
#include <sys/types.h>

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
