#include <sched.h>
#include <string.h>

#include "syscall.h"

/* The kernel writes the bytes of its own mask and says how many; the
 * rest of the caller's set is cleared (glibc and musl do the same). */
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)
{
	long r = __syscall3(SYS_sched_getaffinity, pid, size, set);

	if (r < 0)
		return __syscall_ret(r);
	memset((char *)set + r, 0, size - r);
	return 0;
}
