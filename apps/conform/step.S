/*
 * step.S - one system call made with TF (single-step) set.
 *
 *   long step_call_int80(long a1, long a2, long a3, long nr)
 *   long step_call_syscall(long a1, long a2, long a3, long nr)
 *
 * popfq sets TF, and the CPU traps after the instruction that follows the
 * one that set it: here the entry instruction, which does not trap itself
 * (int $0x80 goes through a gate that clears TF, syscall clears it through
 * FMASK). The kernel must return with TF set and by iretq, so the #DB comes
 * after the first user instruction after the call: with rip at
 * step_trap_<path>, once the nop at step_after_<path> has run. (sysretq
 * would trap before that nop.) The SIGTRAP handler clears TF in the saved
 * rflags; the code clears it too before returning.
 */
	.macro	STEP_CALL path, insn
	.text
	.global	step_call_\path
step_call_\path:
	movq	%rcx, %rax			/* nr; a1..a3 are in rdi, rsi, rdx */
	pushfq
	orq	$0x100, (%rsp)			/* TF */
	popfq
	\insn
	.global	step_after_\path
step_after_\path:
	nop					/* the one instruction that runs stepped */
	.global	step_trap_\path
step_trap_\path:
	pushfq
	andq	$~0x100, (%rsp)
	popfq
	ret

	/* step_entry_<path>: the entry instruction alone and a nop, for a
	 * context a signal handler builds (rip here, TF set, any rsp): the
	 * call runs, and the trap after the nop finds that rsp. */
	.global	step_entry_\path
step_entry_\path:
	\insn
	nop
	ud2					/* not reached */
	.endm

	STEP_CALL int80, "int $0x80"
	STEP_CALL syscall, "syscall"
