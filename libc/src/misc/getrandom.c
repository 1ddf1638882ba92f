#include <sys/random.h>

#include "syscall.h"

ssize_t getrandom(void *buf, size_t len, unsigned flags)
{
	return __syscall_ret(__syscall3(SYS_getrandom, buf, len, flags));
}
