#include <errno.h>
#include <signal.h>

int sigaddset(sigset_t *set, int sig)
{
	if (sig < 1 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	*set |= SIGBIT(sig);
	return 0;
}
