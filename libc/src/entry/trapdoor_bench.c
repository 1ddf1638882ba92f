#include <sys/entry.h>

#include "syscall.h"

int trapdoor_bench(int which, int n, struct trapdoor_bench *out, int flags)
{
	return __syscall_ret(__syscall4(SYS_trapdoor_bench, which, n, out, flags));
}
