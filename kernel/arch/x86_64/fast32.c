/*
 * fast32.c - the C side of the compat fast entries, sysenter and syscall
 * from compat mode (entry.S). The stubs build the frame in its final
 * form themselves, as an int $0x80 at the 32-bit vDSO's landing pad
 * would have saved it (Linux's entry_SYSENTER_compat and
 * entry_SYSCALL_compat push pt_regs the same way), load arg 6 and call
 * the dispatcher; C runs only off the fast path: a 64-bit program that
 * used them, exit work, and the flags sysexit / sysretl cannot restore.
 */
#include "api/signal.h"
#include "arch/cpu.h"
#include "arch/frame.h"
#include "arch/percpu.h"
#include "arch/sysret.h"
#include "kernel.h"
#include "lock.h"
#include "proc.h"
#include "syscall.h"
#include "vdso32.h"

/* Where the fast entries return in p: the 32-bit vDSO's landing pad (the
 * pops after its int $0x80), or 0 for a 64-bit program, which has none.
 * switch_to and execve keep percpu.fast32_pad equal to it. */
uint64_t fast32_landing_pad(const struct proc *p)
{
	return p->compat ? p->vdso_base + VDSO32_SYM_int80_landing_pad : 0;
}

/* A 64-bit program (in 64-bit mode, or far-jumped to compat mode) has no
 * 32-bit vDSO to come back to: it ends as if the instruction did not
 * exist (as sysenter on AMD CPUs): SIGILL. */
void fast32_bad_mode(struct trap_frame *tf)
{
	kernel_lock();                            /* (ends the process: never let go here) */
	proc_kill_fault(tf, SIGILL, tf->vector == VEC_SYSENTER ? "sysenter from a 64-bit program"
							 : "compat syscall from a 64-bit program");
}

/*
 * May the fast entry leave by sysexit / sysretl? They load only eip (the
 * landing pad), esp (sysexit) and fixed selectors, and restore no RF, so
 * the frame must be exactly what they can express (Linux's checks in
 * do_fast_syscall_32); else the stub leaves by iretq, counted here.
 */
static int fast32_return_ok(struct trap_frame *tf)
{
	/* A handler to run, sigreturn, a restart (rip - 2), execve moved it. */
	if (tf->rip != this_cpu()->fast32_pad || tf->rip == 0)
		goto iret;
	if (tf->cs != USER32_CS || tf->ss != USER_DS)
		goto iret;
	/* sysexit takes a 32-bit esp; sysretl leaves rsp as the stub sets it. */
	if (tf->rsp > UINT32_MAX)
		goto iret;
	/* TF would trap in the kernel's context after sysretl (and sysexit
	 * restores flags by popfq); RF cannot be restored; NT and VM must
	 * not be loaded into the kernel's flags by that popfq. */
	if (tf->rflags & FAST32_BAD_RFLAGS)
		goto iret;
	return 1;

iret:
	if (tf->vector == VEC_SYSENTER)
		this_cpu()->sysexit_fallbacks++;
	else
		this_cpu()->sysretl_fallbacks++;
	return 0;
}

/*
 * The fast stubs' slow way out, when percpu.exit_work is set or the
 * user's flags hold one that sysexit / sysretl cannot restore: the exit
 * work (a handler, sigreturn, a restart, a stop may rewrite the frame),
 * then may the frame leave by sysexit / sysretl (else iretq)?
 */
int fast32_exit_slow(struct trap_frame *tf)
{
	if (cpu_exit_work())
		exit_work_locked(tf);
	return fast32_return_ok(tf);
}
