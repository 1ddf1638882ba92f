/* pipe.c - pipe and pipe2: fds[0] reads what fds[1] writes. */
#include <unistd.h>

#include "syscall.h"

int pipe(int fds[2]) { return __syscall_ret(__syscall1(SYS_pipe, fds)); }
int pipe2(int fds[2], int flags) { return __syscall_ret(__syscall2(SYS_pipe2, fds, flags)); }
