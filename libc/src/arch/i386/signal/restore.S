/*
 * restore.S (i386) - the sa_restorers sigaction() installs. A handler
 * registered with SA_SIGINFO gets i386's rt frame and returns through
 * __restore_rt (rt_sigreturn, 173); one without gets the old sigframe,
 * whose first word (the signal number) sigreturn (119) wants popped.
 * Both by int $0x80, which every kernel has.
 */
	.text
	.global	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	movl	$173, %eax			/* SYS_rt_sigreturn */
	int	$0x80				/* does not return here */
	ud2
	.size	__restore_rt, . - __restore_rt

	.global	__restore
	.type	__restore, @function
__restore:
	popl	%eax				/* the signal number */
	movl	$119, %eax			/* SYS_sigreturn */
	int	$0x80
	ud2
	.size	__restore, . - __restore
	.section .note.GNU-stack, "", @progbits
