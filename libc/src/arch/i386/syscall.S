/*
 * syscall.S - the raw i386 calls (sys/entry_i386.h): one C-callable
 * function per entry, long f(n, a1, a2, a3, a4, a5, a6), cdecl.
 *
 * Each saves the registers the C ABI says a callee keeps (ebx esi edi ebp),
 * loads Linux's i386 argument registers from its stack arguments, enters
 * the kernel its own way and returns eax: the result or -errno.
 *
 *   stack after the four pushes:  20(%esp) n   24 a1  28 a2  32 a3
 *                                 36 a4  40 a5  44 a6
 */
	.text

/* LOAD_ARGS: save the callee-saved registers and load eax and ebx..ebp. */
.macro LOAD_ARGS
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%ebx
	movl	20(%esp), %eax			/* the number */
	movl	24(%esp), %ebx			/* arg1 */
	movl	28(%esp), %ecx			/* arg2 */
	movl	32(%esp), %edx			/* arg3 */
	movl	36(%esp), %esi			/* arg4 */
	movl	40(%esp), %edi			/* arg5 */
	movl	44(%esp), %ebp			/* arg6 */
.endm

/* RESTORE_RET: the callee-saved registers back, and return eax. */
.macro RESTORE_RET
	popl	%ebx
	popl	%esi
	popl	%edi
	popl	%ebp
	ret
.endm

	.global	__syscall6_int80
	.type	__syscall6_int80, @function
__syscall6_int80:
	LOAD_ARGS
	int	$0x80				/* preserves every register but eax */
	RESTORE_RET
	.size	__syscall6_int80, . - __syscall6_int80

	.global	__syscall6_vsyscall
	.type	__syscall6_vsyscall, @function
__syscall6_vsyscall:
	LOAD_ARGS
	call	*__libc_sysinfo			/* __kernel_vsyscall: the kernel's pick */
	RESTORE_RET
	.size	__syscall6_vsyscall, . - __syscall6_vsyscall

	.global	__syscall6_sysenter
	.type	__syscall6_sysenter, @function
__syscall6_sysenter:
	LOAD_ARGS
	call	sysenter_stub			/* returns here from the landing pad */
	RESTORE_RET
	.size	__syscall6_sysenter, . - __syscall6_sysenter

	.global	__syscall6_syscall32
	.type	__syscall6_syscall32, @function
__syscall6_syscall32:
	LOAD_ARGS
	call	syscall32_stub
	RESTORE_RET
	.size	__syscall6_syscall32, . - __syscall6_syscall32

/*
 * The two fast stubs, laid out as __kernel_vsyscall is: the kernel finds
 * arg6 at (esp) (the pushed ebp) and returns to the vDSO's landing pad,
 * which pops ebp, edx, ecx and returns to whoever called the stub.
 */
sysenter_stub:
	pushl	%ecx
	pushl	%edx
	pushl	%ebp				/* arg6, where the kernel reads it */
	movl	%esp, %ebp			/* sysenter keeps no esp: pass it in ebp */
	sysenter
	ud2					/* not reached */

syscall32_stub:
	pushl	%ecx
	pushl	%edx
	pushl	%ebp
	movl	%ecx, %ebp			/* syscall overwrites ecx: arg2 goes in ebp */
	syscall
	ud2

	.section .note.GNU-stack, "", @progbits
