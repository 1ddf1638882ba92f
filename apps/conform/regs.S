/*
 * regs.S - make one system call with every general register set from a
 * struct regs, and record every register (and rflags) right after it.
 *
 *   void regs_call_int80(const struct regs *in, struct regs *out)
 *   void regs_call_syscall(const struct regs *in, struct regs *out)
 *
 * struct regs: rax rbx rcx rdx rsi rdi rbp r8 .. r15 rflags rsp set_rsp,
 * 8 bytes each. in->rflags is loaded with popfq just before the call (only
 * the bits user mode may change take effect). With in->set_rsp, rsp holds
 * in->rsp at the call (0, a kernel address, anything); out->rsp is rsp
 * right after it. Between the two no instruction uses the stack, and the
 * statics below keep ours.
 */
#include "regs_asm.h"

	.bss
	.balign	8
call_rsp:	.quad	0			/* rsp at the call */
our_rsp:	.quad	0			/* ours, meanwhile */
after_rsp:	.quad	0			/* rsp right after the call */

	.macro	REGS_CALL name, insn
	.text
	.global \name
\name:
	/* Save callee-saved registers and the two pointers on our stack. */
	PUSH_CALLEE_SAVED
	pushq	%rsi				/* out */
	pushq	%rdi				/* in */

	pushq	120(%rdi)			/* in->rflags, popped last */
	leaq	8(%rsp), %rax			/* our rsp once that is popped ... */
	cmpq	$0, 136(%rdi)
	cmovneq	128(%rdi), %rax			/* ... or in->rsp */
	movq	%rax, call_rsp(%rip)
	LOAD_REGS				/* rdi last: it held `in` */
	popfq					/* flags under test, from here to the call */
	movq	%rsp, our_rsp(%rip)		/* (mov leaves the flags alone) */
	movq	call_rsp(%rip), %rsp
	\insn
	.global \name\()_return
\name\()_return:
	movq	%rsp, after_rsp(%rip)
	movq	our_rsp(%rip), %rsp
	pushfq					/* flags as the kernel left them */
	pushq	%rdi
	movq	24(%rsp), %rdi			/* out (above rflags, rdi and `in`) */
	STORE_REGS_BUT_RDI
	popq	40(%rdi)			/* rdi */
	popq	120(%rdi)			/* rflags */
	movq	after_rsp(%rip), %rax
	movq	%rax, 128(%rdi)			/* rsp */
	pushq	$0x202				/* a clean rflags for C again (DF, AC, NT off) */
	popfq

	addq	$16, %rsp			/* in, out */
	POP_CALLEE_SAVED
	ret
	.endm

	REGS_CALL regs_call_int80, "int $0x80"
	REGS_CALL regs_call_syscall, "syscall"

	.global regs_syscall_return
	.set	regs_syscall_return, regs_call_syscall_return
