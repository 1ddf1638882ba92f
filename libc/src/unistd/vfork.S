/*
 * vfork.S - vfork(), in assembly because the child runs on the parent's
 * stack: whatever the child pushes after the call overwrites what the
 * parent left below its stack pointer. So nothing of ours stays on the
 * stack across the call: the return address waits in rdx, which neither
 * entry changes (syscall clobbers only rcx and r11), and the call is made
 * inline by the entry libc uses (as musl's vfork.s does, with one entry).
 */
	.text
	.global	vfork
	.type	vfork, @function
vfork:
	popq	%rdx				/* our return address, off the stack */
	movl	$58, %eax			/* SYS_vfork */
	cmpl	$2, __libc_entry_in_use(%rip)	/* ENTRY_SYSCALL? (asserted in vfork_ret.c) */
	jne	1f
	syscall
	jmp	2f
1:	int	$0x80
2:	pushq	%rdx				/* each of us, on its own time, returns */
	movq	%rax, %rdi
	jmp	__vfork_ret			/* -errno to -1 and errno (vfork_ret.c) */
	.size	vfork, . - vfork
	.section .note.GNU-stack, "", @progbits
