/* syscall_ret.c - errno itself (set from system calls by __syscall_ret() in syscall.h). */
int errno;
