/*
 * poll.c - poll, ppoll, select and pselect. ppoll and pselect take a copy
 * of the timeout, since the kernel writes the time left back (POSIX says
 * theirs is const); select's is the caller's, changed as Linux changes it.
 */
#include <poll.h>
#include <sys/select.h>

#include "syscall.h"

int poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	return __syscall_ret(__syscall3(SYS_poll, fds, n, timeout_ms));
}

int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *timeout, const sigset_t *mask)
{
	struct timespec ts;

	if (timeout)
		ts = *timeout;
	return __syscall_ret(__syscall5(SYS_ppoll, fds, n, timeout ? &ts : 0, mask, sizeof(sigset_t)));
}

int select(int n, fd_set *in, fd_set *out, fd_set *ex, struct timeval *timeout)
{
#ifdef SYS__newselect
	return __syscall_ret(__syscall5(SYS__newselect, n, in, out, ex, timeout));   /* i386's select */
#else
	return __syscall_ret(__syscall5(SYS_select, n, in, out, ex, timeout));
#endif
}

int pselect(int n, fd_set *in, fd_set *out, fd_set *ex, const struct timespec *timeout, const sigset_t *mask)
{
	struct timespec ts;
	struct { const sigset_t *mask; unsigned long size; } sig = { mask, sizeof(sigset_t) };

	if (timeout)
		ts = *timeout;
	return __syscall_ret(__syscall6(SYS_pselect6, n, (long)in, (long)out, (long)ex, (long)(timeout ? &ts : 0), (long)&sig));
}
