/*
 * start.S - abi32's machine code: the raw i386 system call (int $0x80),
 * and the instructions its signal cases fault on (the process entry is
 * apps/common/start32.S).
 * Built for i386 without a libc, so it runs the same on the host's Linux.
 */
	.text
	.code32

/*
 * long sc(long nr, long a0, long a1, long a2, long a3, long a4, long a5):
 * eax = nr, ebx ecx edx esi edi ebp = a0..a5, then int $0x80, or a call
 * of __kernel_vsyscall when vsyscall (AT_SYSINFO) is set; eax back.
 */
	.global sc
sc:
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	movl	20(%esp), %eax			/* nr (ret 16, nr 20, a0 24 ...) */
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	cmpl	$0, vsyscall
	je	1f
	call	*vsyscall			/* the vDSO's entry: sysenter or syscall */
	jmp	2f
1:	int	$0x80
2:	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret

/* void do_ud2(void): ud2 (2 bytes); a SIGILL handler that skips it returns here. */
	.global do_ud2
do_ud2:
	ud2
	ret

/* unsigned read16(void): read address 0x10 (SIGSEGV, si_addr 0x10); the
 * handler skips the 3-byte movl and the result is eax as it was (0x5a5a). */
	.global read16
read16:
	movl	$0x5a5a, %eax
	.global read16_insn
read16_insn:
	movl	0x10, %eax			/* a1 10 00 00 00: 5 bytes */
	ret

/* Set and read the x87 control word. */
	.global fpu_setcw
fpu_setcw:
	fldcw	4(%esp)
	ret
	.global fpu_getcw
fpu_getcw:
	subl	$4, %esp
	fnstcw	(%esp)
	movzwl	(%esp), %eax
	addl	$4, %esp
	ret
