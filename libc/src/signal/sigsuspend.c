#include <signal.h>

#include "syscall.h"

/* Wait with *mask in place until a handler has run: always -1 with EINTR. */
int sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__syscall2(SYS_rt_sigsuspend, mask, SIGSET_SIZE));
}
