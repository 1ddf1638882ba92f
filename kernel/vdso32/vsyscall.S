/*
 * vsyscall.S - the 32-bit vDSO's entry code, Linux's convention
 * (arch/x86/entry/vdso/vdso32/system_call.S): a 32-bit program calls
 * __kernel_vsyscall (AT_SYSINFO) with the i386 registers of int $0x80,
 * eax = number, ebx ecx edx esi edi ebp = arguments, and gets eax back
 * with every other register as it was. docs/abi.md has the register
 * table of each entry.
 */

	.text
	.code32

	.global __kernel_vsyscall
	.type __kernel_vsyscall, @function
	.balign 16
__kernel_vsyscall:
	/* sysenter keeps neither the user eip nor esp, and syscall clobbers
	 * ecx: save the three registers the fast entries need, so arg6
	 * (ebp) is on the stack where the kernel reads it, at (esp). */
	pushl	%ecx
	pushl	%edx
	pushl	%ebp

	/*
	 * The slot the kernel patches at boot (proc/vdso32.c) to the fastest
	 * entry this CPU has in compat mode:
	 *   Intel vendor with SEP:  movl %esp, %ebp; sysenter   (ebp = user esp)
	 *   AMD vendor:             movl %ecx, %ebp; syscall    (ebp = arg2; ecx is lost)
	 *   otherwise:              four nops, then the int $0x80 below.
	 * Both fast entries come back to int80_landing_pad, never here.
	 */
	.global vsyscall_slot
vsyscall_slot:
	nop
	nop
	nop
	nop

	int	$0x80
	/* Every compat entry returns here: iretq after int $0x80 (also for a
	 * restarted call: rip - 2 is the int $0x80 above), sysexit and sysretl
	 * by construction (the kernel sets the return eip to this address). */
	.global int80_landing_pad
int80_landing_pad:
	popl	%ebp
	popl	%edx
	popl	%ecx
	ret
	.size __kernel_vsyscall, . - __kernel_vsyscall

/* The signal restorers a handler returns to when sigaction gave no
 * SA_RESTORER: sigreturn (119) pops the signal number first, as Linux's. */
	.global __kernel_sigreturn
	.type __kernel_sigreturn, @function
	.balign 32
__kernel_sigreturn:
	popl	%eax
	movl	$119, %eax			/* __NR_sigreturn (i386) */
	int	$0x80
	.size __kernel_sigreturn, . - __kernel_sigreturn

	.global __kernel_rt_sigreturn
	.type __kernel_rt_sigreturn, @function
	.balign 32
__kernel_rt_sigreturn:
	movl	$173, %eax			/* __NR_rt_sigreturn (i386) */
	int	$0x80
	.size __kernel_rt_sigreturn, . - __kernel_rt_sigreturn

	.section .note.GNU-stack, "", @progbits
