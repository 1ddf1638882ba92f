/*
 * faults.S - instructions that fault at known addresses, for the signal
 * cases: each routine has an _at label on the faulting instruction and a
 * _resume label after it, where a handler may send the saved rip.
 */
#include "regs_asm.h"

	.text

/* fault_read(addr): one byte from addr. */
	.global fault_read, fault_read_at, fault_read_resume
fault_read:
fault_read_at:
	movb	(%rdi), %al
fault_read_resume:
	ret

/* fault_write(addr): one byte to addr. */
	.global fault_write, fault_write_at, fault_write_resume
fault_write:
fault_write_at:
	movb	$1, (%rdi)
fault_write_resume:
	ret

/* fault_ud2(): an undefined instruction (SIGILL). */
	.global fault_ud2, fault_ud2_at, fault_ud2_resume
fault_ud2:
fault_ud2_at:
	ud2
fault_ud2_resume:
	ret

/* fault_div0(): divide by zero (SIGFPE). */
	.global fault_div0, fault_div0_at, fault_div0_resume
fault_div0:
	xorl	%ecx, %ecx
	movl	$1, %eax
	xorl	%edx, %edx
fault_div0_at:
	divl	%ecx
fault_div0_resume:
	ret

/* fault_hlt(): a privileged instruction (SIGSEGV, #GP). */
	.global fault_hlt, fault_hlt_at, fault_hlt_resume
fault_hlt:
fault_hlt_at:
	hlt
fault_hlt_resume:
	ret

/* fault_on_stack(sp): ud2 with rsp = sp, where no signal frame fits. */
	.global fault_on_stack
fault_on_stack:
	movq	%rdi, %rsp
	ud2

/*
 * regs_ud2(in, out): load rflags and every general register but rsp from
 * in[] (order: rax rbx rcx rdx rsi rdi rbp r8-r15 rflags), execute ud2 at
 * regs_ud2_at, and store them all into out[] from regs_ud2_resume on. The
 * SIGILL handler moves the saved rip from one label to the other; between
 * the two, only what the handler changes may change.
 */
	.global regs_ud2, regs_ud2_at, regs_ud2_resume
regs_ud2:
	PUSH_CALLEE_SAVED
	pushq	%rsi				/* out, for later */
	pushq	120(%rdi)
	popfq
	LOAD_REGS
regs_ud2_at:
	ud2
regs_ud2_resume:
	pushq	%rdi
	pushfq
	movq	16(%rsp), %rdi			/* out */
	STORE_REGS_BUT_RDI
	popq	120(%rdi)			/* rflags */
	popq	40(%rdi)			/* rdi */
	addq	$8, %rsp			/* out */
	cld					/* the C ABI's direction */
	POP_CALLEE_SAVED
	ret

/* align_probe: a signal handler that notes rsp mod 16 at its first
 * instruction (8: as if called, so the frame below is 16-aligned). */
	.global align_probe, align_seen
align_probe:
	movq	%rsp, %rax
	andq	$15, %rax
	movq	%rax, align_seen(%rip)
	ret

/*
 * redzone_kill(pid, sig, entry): fill the 128 bytes below rsp (the red
 * zone a leaf function may use without moving rsp), make the kill call
 * through int $0x80 (entry 1) or syscall, and return how many of the 16
 * quadwords changed: a handler's frame must go below the red zone.
 */
	.global redzone_kill
redzone_kill:
	movabsq	$0x5a5a5a5a5a5a5a00, %r9
	leaq	-128(%rsp), %r10
	xorl	%ecx, %ecx
1:	leaq	(%r9,%rcx), %rax
	movq	%rax, (%r10,%rcx,8)
	incq	%rcx
	cmpq	$16, %rcx
	jne	1b
	movl	$62, %eax			/* SYS_kill(rdi, rsi) */
	cmpl	$1, %edx
	jne	2f
	int	$0x80
	jmp	3f
2:	syscall
3:	leaq	-128(%rsp), %r10		/* (r9, r10 survive both entries) */
	xorl	%ecx, %ecx
	xorl	%edx, %edx
4:	leaq	(%r9,%rcx), %rax
	cmpq	%rax, (%r10,%rcx,8)
	je	5f
	incl	%edx
5:	incq	%rcx
	cmpq	$16, %rcx
	jne	4b
	movl	%edx, %eax
	ret

	.data
	.balign 8
align_seen:
	.quad	-1

/*
 * spin_check(flag): load known values into the registers (and set DF),
 * then spin without a system call until *flag becomes non-zero, checking
 * on every turn that no register changed. Signals reach it only from the
 * timer interrupt; each handler's return must put every register back.
 * Returns 0, or 1 when a register (or DF) had changed.
 */
	.text
	.global spin_check
spin_check:
	PUSH_CALLEE_SAVED
	std
	movq	expect+0(%rip), %rax
	movq	expect+8(%rip), %rbx
	movq	expect+16(%rip), %rcx
	movq	expect+24(%rip), %rdx
	movq	expect+32(%rip), %rsi
	movq	expect+40(%rip), %rbp
	movq	expect+48(%rip), %r8
	movq	expect+56(%rip), %r9
	movq	expect+64(%rip), %r10
	movq	expect+72(%rip), %r11
	movq	expect+80(%rip), %r12
	movq	expect+88(%rip), %r13
	movq	expect+96(%rip), %r14
	movq	expect+104(%rip), %r15
1:	cmpq	expect+0(%rip), %rax
	jne	9f
	cmpq	expect+8(%rip), %rbx
	jne	9f
	cmpq	expect+16(%rip), %rcx
	jne	9f
	cmpq	expect+24(%rip), %rdx
	jne	9f
	cmpq	expect+32(%rip), %rsi
	jne	9f
	cmpq	expect+40(%rip), %rbp
	jne	9f
	cmpq	expect+48(%rip), %r8
	jne	9f
	cmpq	expect+56(%rip), %r9
	jne	9f
	cmpq	expect+64(%rip), %r10
	jne	9f
	cmpq	expect+72(%rip), %r11
	jne	9f
	cmpq	expect+80(%rip), %r12
	jne	9f
	cmpq	expect+88(%rip), %r13
	jne	9f
	cmpq	expect+96(%rip), %r14
	jne	9f
	cmpq	expect+104(%rip), %r15
	jne	9f
	cmpl	$0, (%rdi)			/* the flag is an int */
	je	1b
	pushfq
	popq	%rax
	testq	$0x400, %rax			/* DF still set */
	jz	9f
	xorl	%eax, %eax
	jmp	8f
9:	movl	$1, %eax
8:	cld
	POP_CALLEE_SAVED
	ret

	.section .rodata
	.balign 8
expect:
	.quad	0x0101010101010101, 0x0202020202020202, 0x0303030303030303, 0x0404040404040404
	.quad	0x0505050505050505, 0x0606060606060606, 0x0707070707070707, 0x0808080808080808
	.quad	0x0909090909090909, 0x0a0a0a0a0a0a0a0a, 0x0b0b0b0b0b0b0b0b, 0x0c0c0c0c0c0c0c0c
	.quad	0x0d0d0d0d0d0d0d0d, 0x0e0e0e0e0e0e0e0e
