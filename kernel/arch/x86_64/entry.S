/*
 * entry.S - the two system-call entries. Both build the struct trap_frame
 * that isr.S builds for interrupts (arch/trap.h) and call the one C
 * dispatcher, syscall_dispatch(frame); docs/abi.md has the user's view.
 */
#include "arch/frame.h"
#include "arch/percpu.h"

#define USER_CS 0x2b
#define USER_DS 0x23

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
	pushq	$0				/* tf->error */
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
	call	syscall_dispatch
	jmp	trap_return			/* isr.S: pop, swapgs if user, iretq */

/*
 * syscall (from 64-bit user mode only; LSTAR points here). The CPU has
 *   rcx = user rip (the instruction after syscall), r11 = user rflags,
 *   CS/SS = kernel selectors from STAR, rflags &= ~FMASK (IF, TF, DF, AC,
 *   NT... clear), and changed nothing else: rsp and GS are still the user's.
 * rax = number, rdi rsi rdx r10 r8 r9 = arguments.
 * Returns with sysretq when syscall_sysret_ok(frame) agrees (arch/sysret.h),
 * else iretq.
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
	pushq	$0				/* tf->error */
	pushq	$VEC_SYSCALL_INSN		/* tf->vector */
	PUSH_REGS
	incq	%gs:PC_SYSCALL_CALLS
	CLEAR_SCRATCH
	movq	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	syscall_dispatch_sysret		/* dispatch; eax = may sysretq restore it? */
	testl	%eax, %eax			/* (the reasons are in arch/sysret.h) */
	jz	trap_return			/* no: the general iretq path */

	POP_REGS				/* rcx = tf->rip, r11 = tf->rflags (checked equal) */
	movq	TF_RSP - TF_VECTOR(%rsp), %rsp	/* the user's stack, from tf->rsp */
	swapgs					/* GS.base = the user's again */
	sysretq					/* rip = rcx, rflags = r11, CS/SS from STAR | 3 */

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
