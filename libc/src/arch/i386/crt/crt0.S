/*
 * crt0.S (i386) - _start of a -m32 program (see docs/abi.md).
 *
 * The kernel starts it with esp -> argc, argv..., NULL, envp..., NULL,
 * auxv pairs (32-bit words). __libc_start(sp) runs main and exits.
 */
	.text
	.global _start
_start:
	xorl	%ebp, %ebp			/* the end of the frame chain */
	movl	%esp, %eax			/* eax = the initial stack (argc) */
	andl	$-16, %esp			/* the C ABI's alignment at the call */
	subl	$12, %esp
	pushl	%eax				/* __libc_start(sp) */
	call	__libc_start
	hlt					/* not reached: __libc_start exits */

	.section .note.GNU-stack, "", @progbits
