/*
 * restorer.S - where a signal handler returns (sa_restorer): rt_sigreturn
 * with rsp at the frame's ucontext, one version per entry so each path's
 * runs return through their own entry.
 */
	.text
	.global ut_restorer_int80
ut_restorer_int80:
	movl	$15, %eax			/* SYS_rt_sigreturn */
	int	$0x80
	ud2					/* not reached */

	.global ut_restorer_syscall
ut_restorer_syscall:
	movl	$15, %eax
	syscall
	ud2

/* sigreturn_at(sp, entry): rt_sigreturn by hand with rsp = sp (a frame the
 * caller built, or garbage), through int $0x80 when entry is 1, else
 * syscall. Returns only if the kernel lets it. */
	.global sigreturn_at
sigreturn_at:
	movq	%rdi, %rsp
	movl	$15, %eax
	cmpl	$1, %esi
	jne	1f
	int	$0x80
	ud2
1:	syscall
	ud2
