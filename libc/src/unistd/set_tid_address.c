#include <sys/prctl.h>

#include "syscall.h"

pid_t set_tid_address(int *tidptr) { return __syscall1(SYS_set_tid_address, tidptr); }
