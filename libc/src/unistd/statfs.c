#include <sys/statfs.h>

#include "syscall.h"

#ifdef __i386__
/* i386: struct statfs is struct statfs64, and the 64 calls take its size. */
int statfs(const char *path, struct statfs *st) { return __syscall_ret(__syscall3(SYS_statfs64, path, sizeof(*st), st)); }
int fstatfs(int fd, struct statfs *st) { return __syscall_ret(__syscall3(SYS_fstatfs64, fd, sizeof(*st), st)); }
#else
int statfs(const char *path, struct statfs *st) { return __syscall_ret(__syscall2(SYS_statfs, path, st)); }
int fstatfs(int fd, struct statfs *st) { return __syscall_ret(__syscall2(SYS_fstatfs, fd, st)); }
#endif
