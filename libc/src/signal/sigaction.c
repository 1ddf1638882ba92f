/* sigaction.c - rt_sigaction, with SA_RESTORER and libc's restorer added. */
#include <signal.h>
#include <sys/entry.h>

#include "syscall.h"

void __restore_rt(void), __restore_rt_int80(void);      /* restore.S */

_Static_assert(sizeof(struct sigaction) == sizeof(struct k_sigaction), "the kernel's layout");

void (*libc_restorer(void))(void)
{
	return libc_entry() == ENTRY_INT80 ? __restore_rt_int80 : __restore_rt;
}

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	struct sigaction k;

	if (act) {
		k = *act;
		k.sa_flags |= SA_RESTORER;
		k.sa_restorer = libc_restorer();
	}
	return __syscall_ret(__syscall4(SYS_rt_sigaction, sig, act ? &k : 0, old, SIGSET_SIZE));
}
