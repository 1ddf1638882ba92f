/*
 * restore.S - the sa_restorers sigaction() installs, one per entry path
 * (sigaction.c picks the one libc uses). A handler's ret lands here with
 * rsp at the frame's ucontext (api/signal.h); rt_sigreturn takes the
 * interrupted registers and mask back from it. x86-64 has no default
 * restorer: the kernel will not run a handler without one.
 */
	.text
	.global	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	movl	$15, %eax			/* SYS_rt_sigreturn */
	syscall					/* does not return here */
	ud2
	.size	__restore_rt, . - __restore_rt

	.global	__restore_rt_int80
	.type	__restore_rt_int80, @function
__restore_rt_int80:
	movl	$15, %eax
	int	$0x80
	ud2
	.size	__restore_rt_int80, . - __restore_rt_int80
