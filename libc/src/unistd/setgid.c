#include <unistd.h>

#include "syscall.h"

int setgid(gid_t gid)
{
	return __syscall_ret(__syscall1(SYS_setgid, gid));
}
