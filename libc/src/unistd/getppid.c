#include <unistd.h>

#include "syscall.h"

pid_t getppid(void) { return __syscall0(SYS_getppid); }
