#include <time.h>

#include "syscall.h"

/* POSIX: the error number itself, errno untouched. */
int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req, struct timespec *rem)
{
	return (int)-__syscall4(SYS_clock_nanosleep, clk, flags, req, rem);
}
