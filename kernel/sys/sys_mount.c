/* sys_mount.c - mount and umount2 (not yet: -ENOSYS). */
#include "api/errno.h"
#include "syscall.h"

long sys_mount(struct trap_frame *tf) { return -ENOSYS; }
long sys_umount2(struct trap_frame *tf) { return -ENOSYS; }
