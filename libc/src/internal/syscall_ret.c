#include <errno.h>

#include "syscall.h"

int errno;

/* Results in [-4095, -1] are -errno: the only place errno comes from a call. */
long __syscall_ret(unsigned long r)
{
	if (r > -(unsigned long)MAX_ERRNO - 1) {
		errno = -(long)r;
		return -1;
	}
	return r;
}
