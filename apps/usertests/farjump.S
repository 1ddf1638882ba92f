/*
 * farjump.S - a 64-bit process visits compat mode (usertests' t_compat.c).
 *
 * long farjump_getpid(uint64_t regs_out[8]): set r8-r15 to known values,
 * far-jump to the 32-bit user code segment (0x23), make the i386 getpid
 * (eax = 20) by int $0x80 there, far-jump back to 0x33, and store r8-r15
 * as they came back. Returns what the call returned (eax).
 */
#include "regs_asm.h"

	.text
	.code64
	.global farjump_getpid
farjump_getpid:
	PUSH_CALLEE_SAVED
	movq	%rdi, %rbx			/* regs_out: kept in rbx (int $0x80 keeps it) */
	movq	%rsp, %rbp			/* the 64-bit stack: esp alone cannot hold it */
	movabsq	$0x8888888888888888, %r8
	movabsq	$0x9999999999999999, %r9
	movabsq	$0xaaaaaaaaaaaaaaaa, %r10
	movabsq	$0xbbbbbbbbbbbbbbbb, %r11
	movabsq	$0xcccccccccccccccc, %r12
	movabsq	$0xdddddddddddddddd, %r13
	movabsq	$0xeeeeeeeeeeeeeeee, %r14
	movabsq	$0xffffffffffffffff, %r15
	ljmpl	*to32(%rip)			/* m16:32: the code below 4 GiB */

	.code32
compat:
	movl	$20, %eax			/* i386 getpid */
	int	$0x80
	ljmp	$0x33, $back64

	.code64
back64:
	movq	%rbp, %rsp
	movq	%r8, 0(%rbx)
	movq	%r9, 8(%rbx)
	movq	%r10, 16(%rbx)
	movq	%r11, 24(%rbx)
	movq	%r12, 32(%rbx)
	movq	%r13, 40(%rbx)
	movq	%r14, 48(%rbx)
	movq	%r15, 56(%rbx)
	movl	%eax, %eax
	POP_CALLEE_SAVED
	ret

/* A 64-bit process executing sysenter (it has no 32-bit vDSO to return to). */
	.global sysenter64
sysenter64:
	movl	$39, %eax
	sysenter
	ret

	.section .rodata
	.balign 8
to32:
	.long	compat
	.word	0x23

	.section .note.GNU-stack, "", @progbits
