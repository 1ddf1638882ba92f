#include <sys/resource.h>

#include "syscall.h"

int getrlimit(int resource, struct rlimit *rlim)
{
	return __syscall_ret(__syscall2(SYS_getrlimit, resource, rlim));
}
