#include <signal.h>

#include "syscall.h"

/* The signal of *set taken (its number), or -1: EAGAIN at the timeout, EINTR. */
int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info, const struct timespec *restrict timeout)
{
	return __syscall_ret(__syscall4(SYS_rt_sigtimedwait, set, info, timeout, SIGSET_SIZE));
}

int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info)
{
	return sigtimedwait(set, info, 0);
}

/* 0 with the signal in *sig, or the error number (POSIX), retrying EINTR. */
int sigwait(const sigset_t *restrict set, int *restrict sig)
{
	long r;

	do
		r = __syscall4(SYS_rt_sigtimedwait, set, 0, 0, SIGSET_SIZE);
	while (r == -EINTR);
	if (r < 0)
		return (int)-r;
	*sig = (int)r;
	return 0;
}
