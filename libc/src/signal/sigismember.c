#include <errno.h>
#include <signal.h>

/* 1 when sig is in *set, 0 when not, -1 (EINVAL) for no signal. */
int sigismember(const sigset_t *set, int sig)
{
	if (sig < 1 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	return (*set & SIGBIT(sig)) != 0;
}
