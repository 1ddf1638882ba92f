#include <sys/entry.h>

#include "syscall.h"

int trapdoor_procs(struct trapdoor_proc *buf, int n)
{
	return __syscall_ret(__syscall2(SYS_trapdoor_procs, buf, n));
}
