#include <sys/resource.h>

#include "syscall.h"

int setrlimit(int resource, const struct rlimit *rlim)
{
	return __syscall_ret(__syscall2(SYS_setrlimit, resource, rlim));
}
