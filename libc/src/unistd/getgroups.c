#include <unistd.h>

#include "syscall.h"

int getgroups(int size, gid_t list[])
{
	return __syscall_ret(__syscall2(SYS_getgroups, size, list));
}
