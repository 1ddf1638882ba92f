/*
 * restart.c - restarting system calls after signals, as Linux does
 * (signal(7), "Interruption of system calls and library functions by
 * signal handlers"). A call a signal interrupts returns a restart code
 * (restart.h) instead of -EINTR; syscall_restart, on the way back to user
 * mode, decides:
 *
 *   code                   a handler runs          no handler runs
 *   -ERESTARTSYS           -EINTR, or restart      restart
 *                          with SA_RESTART
 *   -ERESTARTNOINTR        restart                 restart
 *   -ERESTARTNOHAND        -EINTR                  restart
 *   -ERESTART_RESTARTBLOCK -EINTR                  restart_syscall
 *
 * "Restart" backs rip up over the 2-byte instruction (int $0x80 and
 * syscall alike) and puts the original number back in rax; a call whose
 * restart must not start over (nanosleep's time left, poll's deadline)
 * leaves a restart block that restart_syscall (219) runs instead.
 */
#include "api/errno.h"
#include "arch/frame.h"
#include "proc.h"
#include "restart.h"
#include "syscall.h"

#define NR32_RESTART_SYSCALL 0                    /* restart_syscall in the i386 table */

/* restart_syscall with nothing to go on with: -EINTR (Linux's do_no_restart_syscall). */
static long no_restart(struct restart_block *r)
{
	(void)r;
	return -EINTR;
}

long restart_set(long (*fn)(struct restart_block *), uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	current()->restart = (struct restart_block){ fn, { a0, a1, a2, a3 } };
	return -ERESTART_RESTARTBLOCK;
}

/* restart_syscall(): go on with the call a signal interrupted (the block
 * is used once: a call interrupted again sets a new one). */
long sys_restart_syscall(struct trap_frame *tf)
{
	struct proc *p = current();
	struct restart_block r = p->restart;

	(void)tf;
	p->restart.fn = NULL;
	return (r.fn ? r.fn : no_restart)(&r);
}

void syscall_restart(struct trap_frame *tf, const struct k_sigaction *a)
{
	long r = (long)tf->rax;
	bool again;

	/* Only a system call's result (not an interrupted user rax, nor a
	 * frame rt_sigreturn restored, whose orig_rax is -1). */
	if ((tf->vector != VEC_INT80 && tf->vector != VEC_SYSCALL_INSN && tf->vector != VEC_SYSENTER &&
	     tf->vector != VEC_SYSCALL32) || tf->orig_rax == (uint64_t)-1)
		return;
	switch (-r) {
	case ERESTARTSYS:
		again = !a || (a->flags & SA_RESTART);
		break;
	case ERESTARTNOINTR:
		again = true;
		break;
	case ERESTARTNOHAND:
	case ERESTART_RESTARTBLOCK:
		again = !a;
		break;
	default:
		return;
	}
	if (!again) {
		tf->rax = (uint64_t)-EINTR;
		return;
	}
	/* restart_syscall is 0 in the i386 table. A compat fast entry's frame
	 * returns to the vDSO's landing pad, right after an int $0x80: going
	 * back over it re-enters by int $0x80, with the registers the pad's
	 * pops expect (Linux's way). */
	tf->rax = r != -ERESTART_RESTARTBLOCK ? tf->orig_rax
		  : frame_is_compat(tf) ? (uint64_t)NR32_RESTART_SYSCALL : (uint64_t)__NR_restart_syscall;
	tf->rip -= 2;                             /* int $0x80 and syscall are both 2 bytes */
	frame_rewritten(current());
}
