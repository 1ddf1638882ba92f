/*
 * irqbench.S - the interrupt-latency measurement's two pieces of assembly
 * (time/irqbench.c drives them; docs/benchmarks.md explains the figure):
 * the handler of VEC_IRQBENCH, whose first instruction reads the TSC, and
 * the loop that waits for it with interrupts enabled.
 *
 * The handler takes rax and rdx from whatever it interrupts, to keep
 * `rdtsc` its very first instruction. That is safe because the vector is
 * armed only while irqbench_wait runs, and irqbench_wait is a C function:
 * rax and rdx are its caller-saved registers, and it never needs their
 * values across an interrupt (a stamp in rax is a TSC reading either way).
 * The handler sends no EOI: the waiter does, once it has seen the stamp.
 * The normal timer (VEC_TIMER, isr.S) is untouched and costs nothing more.
 */

	.text
	.balign 16
	.global isr_irqbench
isr_irqbench:
	rdtsc					/* the moment "the handler ran" */
	shlq	$32, %rdx
	orq	%rdx, %rax
	movq	%rax, irqbench_stamp(%rip)
	iretq

/*
 * void irqbench_wait(uint64_t limit): enable interrupts and spin until the
 * handler has stamped irqbench_stamp or the TSC passes limit (a timer that
 * never fired); return with interrupts disabled again. Entered with them
 * disabled, after the timer was armed.
 */
	.balign 16
	.global irqbench_wait
irqbench_wait:
	sti
1:	cmpq	$0, irqbench_stamp(%rip)
	jne	2f
	rdtsc
	shlq	$32, %rdx
	orq	%rdx, %rax
	cmpq	%rdi, %rax
	jb	1b
2:	cli
	ret

	.bss
	.balign 8
	.global irqbench_stamp
irqbench_stamp:
	.quad	0				/* the handler's TSC; 0: not yet */
