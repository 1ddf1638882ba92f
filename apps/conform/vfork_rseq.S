/*
 * vfork_rseq.S - does vfork's child inherit an rseq registration? For
 * cases_rseq.c; the child shares the caller's stack, so it uses none:
 *
 *   long vfork_rseq(long entry, void *area, long sig)
 *
 * makes clone(CLONE_VM | CLONE_VFORK | SIGCHLD) by entry (ENTRY_INT80 or
 * ENTRY_SYSCALL); the child calls rseq(area, 32, 0, sig) and exits with
 * its result (0: it had no registration; -EBUSY: it had the caller's).
 * The caller gets clone's result, once the child has ended.
 */
#include "regs_asm.h"

	.text
	.global	vfork_rseq
	.type	vfork_rseq, @function
vfork_rseq:
	movq	%rdi, %r8			/* the entry: r8 (tls) is not read without CLONE_SETTLS */
	movq	%rsi, %r9			/* area: r9 is no argument of clone's */
	movq	%rdx, %r10			/* sig: clone's child_tid, unread without CLONE_CHILD_*; rseq's 4th argument */
	movl	$0x4111, %edi			/* CLONE_VM | CLONE_VFORK | SIGCHLD */
	xorl	%esi, %esi			/* newsp 0: the same stack */
	xorl	%edx, %edx			/* parent_tid */
	movl	$56, %eax			/* SYS_clone */
	SYSCALL_VIA %r8
	testq	%rax, %rax
	jnz	5f

	/* The child: rseq(area, 32, 0, sig), then exit with its result. */
	movq	%r9, %rdi
	movl	$32, %esi
	xorl	%edx, %edx
	movl	$334, %eax			/* SYS_rseq */
	SYSCALL_VIA %r8
	movq	%rax, %rdi
	movl	$60, %eax			/* SYS_exit */
	SYSCALL_VIA %r8
	ud2

5:	ret					/* the caller, or an error */
	.size	vfork_rseq, . - vfork_rseq
	.section .note.GNU-stack, "", @progbits
