#include <unistd.h>

#include "syscall.h"

uid_t geteuid(void) { return __syscall0(SYS_geteuid); }
