/*
 * sys/wait.h - waiting for children (WNOHANG and the status macros in
 * api/abi.h). WIFSTOPPED and WIFCONTINUED report job control's stops
 * and continues (WUNTRACED, WCONTINUED).
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <api/abi.h>
#include <sys/types.h>

#define WCOREDUMP(s)    ((s) & 0x80)
#define WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
#define WSTOPSIG(s)     WEXITSTATUS(s)
#define WIFCONTINUED(s) ((s) == 0xffff)

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, void *rusage);

#endif
