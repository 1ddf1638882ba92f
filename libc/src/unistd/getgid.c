#include <unistd.h>

#include "syscall.h"

gid_t getgid(void) { return __syscall0(SYS_getgid); }
