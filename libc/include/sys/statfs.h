/* sys/statfs.h - what a file system holds (struct statfs in api/statfs.h). */
#ifndef _SYS_STATFS_H
#define _SYS_STATFS_H

#include <api/statfs.h>

int statfs(const char *path, struct statfs *st);
int fstatfs(int fd, struct statfs *st);

#endif
