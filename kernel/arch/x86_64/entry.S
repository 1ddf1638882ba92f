/*
 * entry.S - the two system-call entries. Both build the struct trap_frame
 * that isr.S builds for interrupts (arch/trap.h) and call the one C
 * dispatcher, syscall_dispatch(frame); docs/abi.md has the user's view.
 */
#include "arch/frame.h"
#include "arch/percpu.h"

	.text

/*
 * int $0x80 (IDT gate with DPL 3: user mode may raise it; an interrupt
 * gate, so IF is clear). The CPU has switched to TSS.rsp0 and pushed
 *   [rsp+32] ss  [rsp+24] rsp  [rsp+16] rflags  [rsp+8] cs  [rsp] rip
 * Every register still holds the caller's value; rax = number,
 * rdi rsi rdx r10 r8 r9 = arguments. Returns with iretq, restoring all
 * registers but rax (the result).
 */
	.global int80_entry
	.balign 16
int80_entry:
	pushq	%rax				/* tf->orig_rax: the number, for a restart */
	pushq	$VEC_INT80			/* tf->vector */
	/* Kernel code may int $0x80 too (tests do): swapgs only from user mode. */
	testb	$3, 24(%rsp)			/* tf->cs */
	jz	1f
	swapgs
1:	lfence					/* no speculation past the swapgs decision */
	PUSH_REGS
	incq	%gs:PC_INT80_CALLS
	CLEAR_SCRATCH
	CLAC_IF_SMAP				/* a gate clears IF and TF, not AC */
	cld
	movq	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	*%gs:PC_DISPATCH		/* syscall_dispatch (or the ring's: sys/ring.c) */
	movq	%rax, TF_RAX(%rsp)		/* tf->rax = the result */
	cmpq	$0, %gs:PC_EXIT_WORK		/* signals to deliver? */
	je	trap_return			/* isr.S: pop, swapgs if user, iretq */
	movq	%rsp, %rdi
	call	exit_work
	jmp	trap_return

/*
 * syscall (from 64-bit user mode only; LSTAR points here). The CPU has
 *   rcx = user rip (the instruction after syscall), r11 = user rflags,
 *   CS/SS = kernel selectors from STAR, rflags &= ~FMASK (IF, TF, DF, AC,
 *   NT... clear), and changed nothing else: rsp and GS are still the user's.
 * rax = number, rdi rsi rdx r10 r8 r9 = arguments.
 * Returns with sysretq when that is safe (arch/sysret.h), else iretq.
 */
	.global syscall_entry
	.balign 16
syscall_entry:
	swapgs					/* GS.base = this CPU's struct percpu */
	movq	%rsp, %gs:PC_USER_RSP		/* no free register: park the user rsp */
	movq	%gs:PC_KSTACK, %rsp		/* the current process's kernel stack */
	pushq	$USER_DS			/* tf->ss */
	pushq	%gs:PC_USER_RSP			/* tf->rsp */
	pushq	%r11				/* tf->rflags */
	pushq	$USER_CS			/* tf->cs */
	pushq	%rcx				/* tf->rip */
	pushq	%rax				/* tf->orig_rax: the number, for a restart */
	pushq	$VEC_SYSCALL_INSN		/* tf->vector */
	PUSH_REGS
	incq	%gs:PC_SYSCALL_CALLS
	CLEAR_SCRATCH
	movq	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	*%gs:PC_DISPATCH		/* syscall_dispatch (or the ring's) */
	movq	%rax, TF_RAX(%rsp)		/* tf->rax = the result */

	/*
	 * The fast way out. Nothing but the result changed in the frame
	 * unless exit_work says so (EXIT_IRET: C code rewrote it; EXIT_SIGNAL:
	 * a handler to set up), so tf->rcx is still the user rip, tf->r11
	 * the user rflags, and CS/SS the user's: syscall_sysret_ok()'s
	 * rcx == rip, r11 == rflags and selector checks hold by construction.
	 * Check the two values sysretq will load as it does: rcx below the
	 * last user page, no TF/RF. (Every C rewrite of a frame must call
	 * frame_rewritten(), which sets EXIT_IRET; docs/security.md.)
	 */
	cmpq	$0, %gs:PC_EXIT_WORK
	jne	.Lslow_exit
	movabsq	$SYSRET_RIP_LIMIT, %rsi		/* (rsi is reloaded by POP_REGS) */
	cmpq	%rsi, TF_RCX(%rsp)
	jae	.Lslow_exit
	testl	$SYSRET_BAD_RFLAGS, TF_R11(%rsp)
	jnz	.Lslow_exit

.Lsysret:
	POP_REGS				/* rcx = tf->rip, r11 = tf->rflags (checked) */
	movq	TF_RSP - TF_VECTOR(%rsp), %rsp	/* the user's stack, from tf->rsp */
	swapgs					/* GS.base = the user's again */
	sysretq					/* rip = rcx, rflags = r11, CS/SS from STAR | 3 */

	/* Signals, a rewritten frame, or a failed fast check: do the work
	 * and decide in C (arch/sysret.h), which counts each iretq fallback. */
.Lslow_exit:
	movq	%rsp, %rdi
	call	syscall_exit_slow		/* eax = may sysretq restore the frame? */
	testl	%eax, %eax
	jnz	.Lsysret
	jmp	trap_return			/* the general iretq path */

/*
 * syscall from 32-bit code (CSTAR). There is no 32-bit code segment, so
 * this cannot happen; if it ever does, answer -ENOSYS without touching the
 * stack or GS (both still the caller's) and go straight back.
 */
	.global syscall32_entry
	.balign 16
syscall32_entry:
	movl	$-38, %eax			/* -ENOSYS */
	sysretl

/*
 * A new process's first way to user mode: proc_alloc's first context
 * "returns" here with rsp at the process's trap frame. Signals sent before
 * it ever ran are acted on first, as on every other way out (Linux's
 * ret_from_fork); then the general iretq path.
 */
	.global ret_from_fork
	.balign 16
ret_from_fork:
	cmpq	$0, %gs:PC_EXIT_WORK
	je	trap_return
	movq	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	exit_work
	jmp	trap_return
