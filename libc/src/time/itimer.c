#include <sys/time.h>

#include "syscall.h"

int setitimer(int which, const struct itimerval *restrict value, struct itimerval *restrict old)
{
	return __syscall_ret(__syscall3(SYS_setitimer, which, value, old));
}

int getitimer(int which, struct itimerval *value)
{
	return __syscall_ret(__syscall2(SYS_getitimer, which, value));
}
