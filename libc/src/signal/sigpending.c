#include <signal.h>

#include "syscall.h"

int sigpending(sigset_t *set)
{
	return __syscall_ret(__syscall2(SYS_rt_sigpending, set, SIGSET_SIZE));
}
