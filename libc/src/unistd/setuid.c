#include <unistd.h>

#include "syscall.h"

int setuid(uid_t uid)
{
	return __syscall_ret(__syscall1(SYS_setuid, uid));
}
