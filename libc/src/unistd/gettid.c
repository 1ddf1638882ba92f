#include <unistd.h>

#include "syscall.h"

pid_t gettid(void) { return __syscall0(SYS_gettid); }
