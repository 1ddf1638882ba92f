/*
 * restore.S - __restore_rt, the sa_restorer sigaction() installs. A
 * handler's ret lands here with rsp at the frame's ucontext (api/signal.h);
 * rt_sigreturn takes the interrupted registers and mask back from it.
 * x86-64 has no default restorer: the kernel will not run a handler without one.
 */
	.text
	.global	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	movl	$15, %eax			/* SYS_rt_sigreturn */
	syscall					/* does not return here */
	.size	__restore_rt, . - __restore_rt
