#include <signal.h>

#include "syscall.h"

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	return __syscall_ret(__syscall4(SYS_rt_sigprocmask, how, set, old, SIGSET_SIZE));
}
