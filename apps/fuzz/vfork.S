/*
 * vfork.S - a call whose child runs on the caller's stack (vfork): the
 * child exits 0 at once, touching no memory, so the caller's frames are
 * still there when it goes on.
 *
 * long vfork_call(long nr, long int80)   int80 != 0: by int $0x80, else syscall
 */
	.text
	.globl vfork_call
	.type vfork_call, @function
vfork_call:
	movq	%rdi, %rax
	movq	%rsi, %r8			/* kept: neither entry changes r8 */
	testq	%r8, %r8
	jnz	1f
	syscall
	jmp	2f
1:	int	$0x80
2:	testq	%rax, %rax
	jnz	4f
	movl	$60, %eax			/* the child: exit(0) */
	xorl	%edi, %edi
	testq	%r8, %r8
	jnz	3f
	syscall
3:	int	$0x80
	ud2
4:	ret					/* the caller: the pid, or an error */
	.size vfork_call, . - vfork_call
	.section .note.GNU-stack, "", @progbits
