/*
 * entry.S - the system-call entries: int $0x80 (from either mode), syscall
 * from 64-bit mode, and the compat-mode fast entries sysenter and syscall
 * (CSTAR). Each builds the struct trap_frame that isr.S builds for
 * interrupts (arch/trap.h) and calls the one C dispatcher,
 * syscall_dispatch(frame) (the fast compat ones through
 * do_fast_syscall32); docs/abi.md has the user's view and the table of
 * every entry, its return instruction and its counter.
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
 * sysenter (from compat mode; IA32_SYSENTER_EIP points here, set only on
 * Intel vendors: syscall.c). Linux's entry_SYSENTER_compat. The CPU has
 *   CS = IA32_SYSENTER_CS (0x10), SS = 0x18, rsp = IA32_SYSENTER_ESP (this
 *   CPU's small entry stack), IF and VM cleared, nothing else changed:
 *   TF, DF, AC and NT are the user's; GS is the user's; the user's eip
 *   and esp are saved nowhere.
 * By the vDSO's convention (__kernel_vsyscall, docs/abi.md) eax = number,
 * ebx ecx edx esi edi = args 1-5, ebp = the user esp, and at (esp) the
 * pushed ebp = arg 6, then edx and ecx. C makes the frame look like an
 * int $0x80 from the vDSO (do_fast_syscall32); the return is to the
 * vDSO's landing pad, by sysexit when safe, else by iretq.
 *
 * With TF set, a #DB strikes after every instruction from the first one
 * on; isr.S ignores those inside [sysenter_entry, sysenter_singlestep_end)
 * (Linux's is_sysenter_singlestep) until the popfq below clears TF. The
 * saved user rflags keep TF, so the user gets its trap after the return
 * (by iretq: TF is never restored by sysexit).
 */
	.global sysenter_entry
	.balign 16
sysenter_entry:
	swapgs					/* GS.base = this CPU's struct percpu */
	movq	%gs:PC_KSTACK, %rsp		/* the current process's kernel stack */
	pushq	$USER_DS			/* tf->ss */
	pushq	$0				/* tf->rsp: C takes it from ebp */
	pushfq					/* tf->rflags: the user's, but IF (C sets it) */
	pushq	$USER32_CS			/* tf->cs */
	pushq	$0				/* tf->rip: C sets the landing pad */
	movl	%eax, %eax			/* the i386 number, zero-extended */
	pushq	%rax				/* tf->orig_rax */
	pushq	$VEC_SYSENTER			/* tf->vector */
	PUSH_REGS
	incq	%gs:PC_SYSENTER_CALLS
	/* sysenter filters no flags: clear NT, AC and TF for the kernel if
	 * any is set (DF: cld below). The user's copy in the frame keeps them. */
	testl	$(RFLAGS_NT_BIT | RFLAGS_AC_BIT | RFLAGS_TF_BIT), TF_RFLAGS(%rsp)
	jz	1f
	pushq	$2				/* only the always-one bit */
	popfq
1:	cld
	.global sysenter_singlestep_end
sysenter_singlestep_end:			/* (a #DB after the popfq reports the cld) */
	CLEAR_SCRATCH
	movq	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	do_fast_syscall32		/* eax = may sysexit return? */
	testl	%eax, %eax
	jz	trap_return			/* the general iretq path */

	/*
	 * sysexit (32-bit form) loads eip = edx, esp = ecx, CS = SYSENTER_CS
	 * + 16 | 3 (0x23), SS = + 24 | 3 (0x2b): the landing pad pops the
	 * user's ecx and edx again. It restores no flags: popfq them first,
	 * with IF clear until the sti, whose one-instruction shadow covers
	 * sysexit (an interrupt in between would find the user's GS).
	 */
	POP_REGS				/* rsp -> tf->vector */
	movl	TF_RIP - TF_VECTOR(%rsp), %edx	/* the landing pad (checked by C) */
	movl	TF_RSP - TF_VECTOR(%rsp), %ecx	/* the user esp (checked: 32 bits) */
	pushq	TF_RFLAGS - TF_VECTOR(%rsp)	/* the user's rflags (no TF/RF/NT/VM: checked) */
	btrq	$9, (%rsp)			/* ... with IF clear for now */
	popfq
	swapgs					/* GS.base = the user's again */
	sti
	sysexit

/*
 * syscall from compat mode (CSTAR; on every CPU with SYSCALL, though only
 * AMD vendors offer it: ENTRY_SYSCALL32). Linux's entry_SYSCALL_compat.
 * The CPU has
 *   ecx = the user eip after syscall (ignored: the return is to the
 *   landing pad), r11 = user rflags, CS/SS = kernel selectors from STAR,
 *   rflags &= ~FMASK (IF, TF, DF, AC, NT... clear); rsp and GS the user's.
 * By the vDSO's convention eax = number, ebx = arg 1, ebp = arg 2 (ecx is
 * lost), edx esi edi = args 3-5, arg 6 at (esp), the pushed ebp.
 * Returns with sysretl when safe (do_fast_syscall32), else iretq.
 */
	.global syscall32_entry
	.balign 16
syscall32_entry:
	swapgs					/* GS.base = this CPU's struct percpu */
	movl	%esp, %r8d			/* the user esp (r8 is no i386 register) */
	movq	%gs:PC_KSTACK, %rsp		/* the current process's kernel stack */
	pushq	$USER_DS			/* tf->ss */
	pushq	%r8				/* tf->rsp */
	pushq	%r11				/* tf->rflags */
	pushq	$USER32_CS			/* tf->cs */
	pushq	%rcx				/* tf->rip: C sets the landing pad */
	movl	%eax, %eax			/* the i386 number, zero-extended */
	pushq	%rax				/* tf->orig_rax */
	pushq	$VEC_SYSCALL32			/* tf->vector */
	PUSH_REGS
	incq	%gs:PC_SYSCALL32_CALLS
	CLEAR_SCRATCH
	movq	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	do_fast_syscall32		/* eax = may sysretl return? */
	testl	%eax, %eax
	jz	trap_return			/* the general iretq path */

	/*
	 * sysretl loads eip = ecx, rflags = r11, CS = STAR[63:48] | 3 (0x23),
	 * SS = + 8 | 3 (0x2b); rsp is ours to load. r8-r10 come back zero
	 * from the frame; r11 keeps the user's own eflags (as on Linux).
	 */
	POP_REGS				/* rsp -> tf->vector */
	movl	TF_RIP - TF_VECTOR(%rsp), %ecx	/* the landing pad (checked by C) */
	movq	TF_RFLAGS - TF_VECTOR(%rsp), %r11 /* the user's rflags (no TF/RF: checked) */
	movl	TF_RSP - TF_VECTOR(%rsp), %esp	/* the user esp, zero-extended */
	swapgs					/* GS.base = the user's again */
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
