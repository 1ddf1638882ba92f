/* sigaction.c - rt_sigaction, with SA_RESTORER and libc's restorer added. */
#include <signal.h>

#include "syscall.h"

void __restore_rt(void);                 /* restore.S */

_Static_assert(sizeof(struct sigaction) == sizeof(struct k_sigaction), "the kernel's layout");

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	struct sigaction k;

	if (act) {
		k = *act;
		k.sa_flags |= SA_RESTORER;
		k.sa_restorer = __restore_rt;
	}
	return __syscall_ret(__syscall4(SYS_rt_sigaction, sig, act ? &k : 0, old, SIGSET_SIZE));
}
