/*
 * vfork.S (i386) - vfork(), in assembly because the child runs on the
 * parent's stack (see the x86-64 vfork.S): the return address waits in
 * edx, which int $0x80 keeps. Always int $0x80: the fast entries go
 * through stubs that push onto the very stack the child shares.
 */
	.text
	.global	vfork
	.type	vfork, @function
vfork:
	popl	%edx				/* our return address, off the stack */
	movl	$190, %eax			/* i386's SYS_vfork */
	int	$0x80
	pushl	%edx				/* each of us, on its own time, returns */
	pushl	%eax
	call	__vfork_ret			/* -errno to -1 and errno (vfork_ret.c) */
	addl	$4, %esp
	ret
	.size	vfork, . - vfork
	.section .note.GNU-stack, "", @progbits
