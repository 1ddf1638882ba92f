/*
 * crt0.S - _start, where every program begins (see docs/abi.md).
 *
 * The kernel starts a program with rsp -> argc, argv..., NULL, envp...,
 * NULL, auxv pairs; every other register is 0 and rflags is 0x202. The
 * registers are kept in __start_regs (rax..r15, then rflags) so a test can
 * check that promise, then __libc_start(sp) runs main and exits.
 */
	.text
	.global _start
_start:
	movq	%rax, __start_regs+0(%rip)
	movq	%rbx, __start_regs+8(%rip)
	movq	%rcx, __start_regs+16(%rip)
	movq	%rdx, __start_regs+24(%rip)
	movq	%rsi, __start_regs+32(%rip)
	movq	%rdi, __start_regs+40(%rip)
	movq	%rbp, __start_regs+48(%rip)
	movq	%r8,  __start_regs+56(%rip)
	movq	%r9,  __start_regs+64(%rip)
	movq	%r10, __start_regs+72(%rip)
	movq	%r11, __start_regs+80(%rip)
	movq	%r12, __start_regs+88(%rip)
	movq	%r13, __start_regs+96(%rip)
	movq	%r14, __start_regs+104(%rip)
	movq	%r15, __start_regs+112(%rip)
	pushfq
	popq	__start_regs+120(%rip)
	xorl	%ebp, %ebp			/* the end of the frame chain */
	movq	%rsp, %rdi			/* rdi = the initial stack (argc) */
	andq	$-16, %rsp			/* the C ABI's alignment */
	call	__libc_start
	hlt					/* not reached: __libc_start exits */

	.bss
	.balign 8
	.global __start_regs
__start_regs:
	.skip	16 * 8
