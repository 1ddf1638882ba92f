/* signal.c - the old interface: set a handler with nothing blocked; the previous one, or SIG_ERR. */
#include <signal.h>

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa = { .sa_handler = handler }, old;

	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}
