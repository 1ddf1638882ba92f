#include <sys/statfs.h>

#include "syscall.h"

int statfs(const char *path, struct statfs *st) { return __syscall_ret(__syscall2(SYS_statfs, path, st)); }
int fstatfs(int fd, struct statfs *st) { return __syscall_ret(__syscall2(SYS_fstatfs, fd, st)); }
