/*
 * thread.S - a raw clone for the thread cases (t_thread.c):
 *
 *   long thread_clone(long entry, long flags, struct thread_start *sp,
 *                     int *ptid, int *ctid, long tls)
 *
 * makes clone(flags, sp, ptid, ctid, tls) by entry (ENTRY_INT80 or
 * ENTRY_SYSCALL). The new thread starts with rsp = sp, where the caller
 * put a struct thread_start { long entry; void (*fn)(void *); void *arg; };
 * it calls fn(arg) on the stack below that and then ends by exit(0) (the
 * thread alone) through the same entry. The caller gets clone's result.
 *
 *   long thread_clone3(long entry, struct clone_args *args, long size)
 *
 * the same by clone3(args, size): the new thread starts with rsp =
 * args->stack + args->stack_size, where the struct thread_start is.
 */
#include "regs_asm.h"

	.text
	.global	thread_clone
	.type	thread_clone, @function
thread_clone:
	/* rdi entry, rsi flags, rdx sp, rcx ptid, r8 ctid, r9 tls */
	movq	%rdi, %rax
	movq	%rsi, %rdi			/* clone's flags */
	movq	%rdx, %rsi			/* newsp */
	movq	%rcx, %rdx			/* parent_tid */
	movq	%r8, %r10			/* child_tid */
	movq	%r9, %r8			/* tls */
	movq	%rax, %r9			/* the entry, in a register clone does not read */
	movl	$56, %eax			/* SYS_clone */
	SYSCALL_VIA %r9
	testq	%rax, %rax
	jnz	1f
	/* The new thread: rsp is sp, at its struct thread_start. */
.Lchild:
	movq	%rsp, %rbx			/* callee-saved: the start record */
	movq	16(%rbx), %rdi			/* arg */
	andq	$-16, %rsp			/* aligned for the call */
	callq	*8(%rbx)			/* fn(arg) */
	movq	(%rbx), %r9			/* the entry */
	movl	$60, %eax			/* SYS_exit: this thread only */
	xorl	%edi, %edi
	SYSCALL_VIA %r9
	ud2
1:	ret					/* the caller, or an error */
	.size	thread_clone, . - thread_clone

	.global	thread_clone3
	.type	thread_clone3, @function
thread_clone3:
	/* rdi entry, rsi args, rdx size */
	movq	%rdi, %r9			/* the entry, in a register clone3 does not read */
	movq	%rsi, %rdi			/* args */
	movq	%rdx, %rsi			/* size */
	movl	$435, %eax			/* SYS_clone3 */
	SYSCALL_VIA %r9
	testq	%rax, %rax
	jz	.Lchild				/* the new thread, as clone's */
	ret
	.size	thread_clone3, . - thread_clone3
	.section .note.GNU-stack, "", @progbits
