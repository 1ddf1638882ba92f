#include <sys/resource.h>

#include "syscall.h"

int setrlimit(int resource, const struct rlimit *rlim)
{
#ifdef __i386__
	return __syscall_ret(__syscall4(SYS_prlimit64, 0, resource, rlim, 0));   /* i386: 64-bit limits */
#else
	return __syscall_ret(__syscall2(SYS_setrlimit, resource, rlim));
#endif
}
