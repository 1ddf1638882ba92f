#include <sys/resource.h>

#include "syscall.h"

int getrlimit(int resource, struct rlimit *rlim)
{
#ifdef __i386__
	return __syscall_ret(__syscall4(SYS_prlimit64, 0, resource, 0, rlim));   /* i386: 64-bit limits */
#else
	return __syscall_ret(__syscall2(SYS_getrlimit, resource, rlim));
#endif
}
