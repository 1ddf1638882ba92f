/*
 * regs_asm.h - assembler macros the register tests share (conform's
 * regs.S, clone.S, vfork_rseq.S, usertests' faults.S, fpu.S, farjump.S), for a struct regs at the address in a
 * register: rax rbx rcx rdx rsi rdi rbp r8 .. r15 rflags, 8 bytes each.
 */
#ifndef APPS_REGS_ASM_H
#define APPS_REGS_ASM_H

/* Save and restore the registers the C ABI makes ours to keep. */
	.macro	PUSH_CALLEE_SAVED
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	.endm

	.macro	POP_CALLEE_SAVED
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	.endm

/* Load every general register from the struct at (%rdi); rdi goes last,
 * since it holds the struct's address until then. */
	.macro	LOAD_REGS
	movq	0(%rdi), %rax
	movq	8(%rdi), %rbx
	movq	16(%rdi), %rcx
	movq	24(%rdi), %rdx
	movq	32(%rdi), %rsi
	movq	48(%rdi), %rbp
	movq	56(%rdi), %r8
	movq	64(%rdi), %r9
	movq	72(%rdi), %r10
	movq	80(%rdi), %r11
	movq	88(%rdi), %r12
	movq	96(%rdi), %r13
	movq	104(%rdi), %r14
	movq	112(%rdi), %r15
	movq	40(%rdi), %rdi
	.endm

/* Store every general register but rdi (which holds the struct's
 * address: the caller saves rdi's own value first) into (%rdi). */
	.macro	STORE_REGS_BUT_RDI
	movq	%rax, 0(%rdi)
	movq	%rbx, 8(%rdi)
	movq	%rcx, 16(%rdi)
	movq	%rdx, 24(%rdi)
	movq	%rsi, 32(%rdi)
	movq	%rbp, 48(%rdi)
	movq	%r8, 56(%rdi)
	movq	%r9, 64(%rdi)
	movq	%r10, 72(%rdi)
	movq	%r11, 80(%rdi)
	movq	%r12, 88(%rdi)
	movq	%r13, 96(%rdi)
	movq	%r14, 104(%rdi)
	movq	%r15, 112(%rdi)
	.endm

/* Make the system call in rax through the entry reg names (conform's
 * ENTRY_SYSCALL, 2: syscall; anything else: int $0x80). */
	.macro	SYSCALL_VIA reg
	cmpq	$2, \reg
	jne	.Lint80\@
	syscall
	jmp	.Lentered\@
.Lint80\@:
	int	$0x80
.Lentered\@:
	.endm

#endif
