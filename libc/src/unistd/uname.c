#include <sys/utsname.h>

#include "syscall.h"

int uname(struct utsname *u) { return __syscall_ret(__syscall1(SYS_uname, u)); }
