/*
 * clone.S - a raw clone for the cases in cases_mem.c, whose child uses no
 * stack at all (with CLONE_VM it shares the caller's):
 *
 *   long clone_probe(long entry, long flags, long newsp, long *where)
 *
 * makes clone(flags, newsp, 0, 0, 0) by entry (ENTRY_INT80 or
 * ENTRY_SYSCALL). The child stores its rsp at *where and exits with 7 by
 * the same entry; the caller gets clone's result.
 */
#include "regs_asm.h"

	.text
	.global	clone_probe
	.type	clone_probe, @function
clone_probe:
	movq	%rdi, %r8			/* the entry: r8 (tls) is not read without CLONE_SETTLS */
	movq	%rcx, %r9			/* where: r9 is no argument of clone's */
	movq	%rsi, %rdi			/* flags */
	movq	%rdx, %rsi			/* newsp */
	xorl	%edx, %edx			/* parent_tid */
	xorl	%r10d, %r10d			/* child_tid */
	movl	$56, %eax			/* SYS_clone */
	SYSCALL_VIA %r8
	testq	%rax, %rax
	jnz	3f
	movq	%rsp, (%r9)			/* the child */
	movl	$60, %eax			/* SYS_exit */
	movl	$7, %edi
	SYSCALL_VIA %r8
	ud2
3:	ret					/* the caller, or an error */
	.size	clone_probe, . - clone_probe
	.section .note.GNU-stack, "", @progbits
