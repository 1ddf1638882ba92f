/* sys/wait.h - waiting for children (status macros in api/abi.h). */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <api/abi.h>
#include <sys/types.h>

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, void *rusage);

#endif
