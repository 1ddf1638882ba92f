/*
 * void swtch(uint64_t *save, uint64_t next)
 *   rdi = where to store this context's rsp, rsi = the rsp to resume.
 * A context is the callee-saved registers pushed below a return address;
 * everything else was saved by the C caller. A new process's first context
 * (proc.c) returns into trap_return with its user frame just above.
 */
	.text
	.global swtch
swtch:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
