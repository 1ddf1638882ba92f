/*
 * start32.S - the process entry of the 32-bit (i386) programs built with
 * no libc (apps/entry32, apps/abi32: nolibc32_program in
 * apps/CMakeLists.txt): call main32(sp) with esp -> argc, argv..., NULL,
 * envp..., NULL, auxv, then exit_group(its result) by int $0x80.
 */
	.text
	.code32

	.global _start
_start:
	movl	%esp, %eax
	andl	$-16, %esp			/* the C ABI's alignment */
	subl	$12, %esp
	pushl	%eax				/* main32(sp) */
	call	main32
	movl	%eax, %ebx			/* exit_group(status) */
	movl	$252, %eax
	int	$0x80
	hlt
