/*
 * sigaction.c (i386) - rt_sigaction with SA_RESTORER and libc's restorer:
 * __restore_rt for SA_SIGINFO handlers (i386's rt frame), __restore for
 * the others (the old sigframe), as Linux's i386 kernel picks the frame.
 */
#include <signal.h>
#include <stddef.h>
#include <sys/entry.h>

#include "syscall.h"

void __restore_rt(void), __restore(void);      /* arch/i386/signal/restore.S */

/* Linux i386's struct sigaction for rt_sigaction: 20 bytes, 32-bit words. */
_Static_assert(sizeof(struct sigaction) == 20, "i386 rt_sigaction's layout");
_Static_assert(offsetof(struct sigaction, sa_flags) == 4, "sa_flags offset");
_Static_assert(offsetof(struct sigaction, sa_restorer) == 8, "sa_restorer offset");
_Static_assert(offsetof(struct sigaction, sa_mask) == 12, "sa_mask offset");

void (*libc_restorer(void))(void) { return __restore_rt; }

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	struct sigaction k;

	if (act) {
		k = *act;
		k.sa_flags |= SA_RESTORER;
		k.sa_restorer = (act->sa_flags & SA_SIGINFO) ? __restore_rt : __restore;
	}
	return __syscall_ret(__syscall4(SYS_rt_sigaction, sig, act ? &k : 0, old, SIGSET_SIZE));
}
