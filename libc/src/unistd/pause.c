#include <unistd.h>

#include "syscall.h"

/* Sleep until a signal is caught: always -1 with EINTR. */
int pause(void) { return __syscall_ret(__syscall0(SYS_pause)); }
