/*
 * sigreturn.S - rt_sigreturn by hand (handlers return through libc's
 * restorers, libc_restorer()).
 */
	.text

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
