#include <unistd.h>

#include "syscall.h"

gid_t getegid(void) { return __syscall0(SYS_getegid); }
