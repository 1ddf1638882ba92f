#include <sys/wait.h>

#include "syscall.h"

pid_t wait4(pid_t pid, int *status, int options, void *rusage)
{
	return __syscall_ret(__syscall4(SYS_wait4, pid, status, options, rusage));
}

pid_t waitpid(pid_t pid, int *status, int options) { return wait4(pid, status, options, 0); }

pid_t wait(int *status) { return wait4(-1, status, 0, 0); }
