/*
 * entry.S - the system-call entries: int $0x80 (from either mode), syscall
 * from 64-bit mode, and the compat-mode fast entries sysenter and syscall
 * (CSTAR). Each builds the struct trap_frame that isr.S builds for
 * interrupts (arch/trap.h) and calls the one C dispatcher,
 * syscall_dispatch(frame) (compat callers: syscall32_dispatch, through
 * percpu.dispatch / dispatch32: sys/ring.c); docs/abi.md has the user's
 * view and the table of every entry, its return instruction and its
 * counter.
 */
#include "arch/frame.h"
#include "arch/percpu.h"

	.text

/*
 * int $0x80 (IDT gate with DPL 3: user mode may raise it; an interrupt
 * gate, so IF is clear). The CPU has switched to TSS.rsp0 and pushed
 *   [rsp+32] ss  [rsp+24] rsp  [rsp+16] rflags  [rsp+8] cs  [rsp] rip
 * Every register still holds the caller's value. From 64-bit mode: rax =
 * number, rdi rsi rdx r10 r8 r9 = arguments, the x86-64 table (trapdoor's
 * rule). From compat mode (CS = USER32_CS): eax = number, ebx ecx edx esi
 * edi ebp = arguments, the i386 table, r8-r15 zeroed. Returns with iretq,
 * restoring all registers but rax (the result).
 */
	.global int80_entry
	.balign 16
int80_entry:
	pushq	%rax				/* tf->orig_rax: the number, for a restart */
	pushq	$VEC_INT80			/* tf->vector */
	/* 64-bit user mode is the common case; compat mode and the kernel
	 * (tests int $0x80 too) go the long way. Only user mode swapgs. */
	cmpq	$USER_CS, 24(%rsp)		/* tf->cs */
	jne	int80_not_user64
	swapgs
	lfence					/* no speculation past the swapgs decision */
int80_64:
	PUSH_REGS
	incq	%gs:PC_INT80_CALLS
	CLEAR_SCRATCH
	CLAC_IF_SMAP				/* a gate clears IF and TF, not AC */
	cld
	movq	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	*%gs:PC_DISPATCH		/* syscall_dispatch (or the ring's: sys/ring.c) */
	movq	%rax, TF_RAX(%rsp)		/* tf->rax = the result */
	cmpq	$0, %gs:PC_EXIT_WORK		/* signals to deliver, a rewritten frame? */
	jne	int80_work
	/*
	 * The fast way out: without exit work the frame is still the one the
	 * CPU pushed (every C rewrite sets EXIT_IRET: docs/security.md), so
	 * CS and SS are the user's and only rip needs trap_return's check:
	 * after an int $0x80 in the last bytes of the user half it is not
	 * canonical. A kernel caller's rip is above the limit too.
	 */
	movabsq	$SYSRET_RIP_LIMIT, %rsi		/* (rsi is reloaded by POP_REGS) */
	cmpq	%rsi, TF_RIP(%rsp)
	jae	trap_return
	POP_REGS
	addq	$16, %rsp			/* drop vector and orig_rax */
	swapgs					/* GS.base = the user's again */
	iretq

	/* Exit work (signals, a frame C rewrote): then the general iretq
	 * path, which checks what iretq will load. */
int80_work:
	movq	%rsp, %rdi
	call	exit_work_locked		/* exit_work under the big kernel lock */
	jmp	trap_return

	/* Not from 64-bit user mode: from compat mode (the only other user
	 * code segment, USER32_CS) or from the kernel (no swapgs). */
int80_not_user64:
	testb	$3, 24(%rsp)			/* tf->cs: from user mode? */
	jz	1f
	swapgs
	lfence
	jmp	int80_compat
1:	lfence
	jmp	int80_64

	/* int $0x80 from compat mode (Linux's entry_INT80_compat): the same,
	 * with the i386 table and r8-r15 saved as zeros. Without exit work
	 * the frame is the CPU's own: a 32-bit eip is canonical, CS and SS
	 * the user's, so no checks before the iretq. */
int80_compat:
	PUSH_REGS_COMPAT
	incq	%gs:PC_INT80_32_CALLS
	CLEAR_SCRATCH
	CLAC_IF_SMAP
	cld
	movq	%rsp, %rdi
	call	*%gs:PC_DISPATCH32		/* syscall32_dispatch (or the ring's) */
	movq	%rax, TF_RAX(%rsp)		/* tf->rax = the result */
	cmpq	$0, %gs:PC_EXIT_WORK
	jne	int80_work
	POP_REGS
	addq	$16, %rsp			/* drop vector and orig_rax */
	swapgs					/* GS.base = the user's again */
	iretq

/*
 * syscall (from 64-bit user mode only; LSTAR points here). The CPU has
 *   rcx = user rip (the instruction after syscall), r11 = user rflags,
 *   CS/SS = kernel selectors from STAR, rflags &= ~FMASK (IF, TF, DF, AC,
 *   NT... clear), and changed nothing else: rsp and GS are still the user's.
 * rax = number, rdi rsi rdx r10 r8 r9 = arguments.
 * Returns with sysretq when that is safe (arch/sysret.h), else iretq.
 */
	.global syscall_entry
	.balign 16
syscall_entry:
	swapgs					/* GS.base = this CPU's struct percpu */
	movq	%rsp, %gs:PC_USER_RSP		/* no free register: park the user rsp */
	movq	%gs:PC_KSTACK, %rsp		/* the current process's kernel stack */
	pushq	$USER_DS			/* tf->ss */
	pushq	%gs:PC_USER_RSP			/* tf->rsp */
	pushq	%r11				/* tf->rflags */
	pushq	$USER_CS			/* tf->cs */
	pushq	%rcx				/* tf->rip */
	pushq	%rax				/* tf->orig_rax: the number, for a restart */
	pushq	$VEC_SYSCALL_INSN		/* tf->vector */
	PUSH_REGS
	incq	%gs:PC_SYSCALL_CALLS
	CLEAR_SCRATCH
	movq	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	*%gs:PC_DISPATCH		/* syscall_dispatch (or the ring's) */
	movq	%rax, TF_RAX(%rsp)		/* tf->rax = the result */

	/*
	 * The fast way out. Nothing but the result changed in the frame
	 * unless exit_work says so (EXIT_IRET: C code rewrote it; EXIT_SIGNAL:
	 * a handler to set up), so tf->rcx is still the user rip, tf->r11
	 * the user rflags, and CS/SS the user's: syscall_sysret_ok()'s
	 * rcx == rip, r11 == rflags and selector checks hold by construction.
	 * Check the two values sysretq will load as it does: rcx below the
	 * last user page, no TF/RF. (Every C rewrite of a frame must call
	 * frame_rewritten(), which sets EXIT_IRET; docs/security.md.)
	 */
	cmpq	$0, %gs:PC_EXIT_WORK
	jne	.Lslow_exit
	movabsq	$SYSRET_RIP_LIMIT, %rsi		/* (rsi is reloaded by POP_REGS) */
	cmpq	%rsi, TF_RCX(%rsp)
	jae	.Lslow_exit
	testl	$SYSRET_BAD_RFLAGS, TF_R11(%rsp)
	jnz	.Lslow_exit

.Lsysret:
	POP_REGS				/* rcx = tf->rip, r11 = tf->rflags (checked) */
	movq	TF_RSP - TF_VECTOR(%rsp), %rsp	/* the user's stack, from tf->rsp */
	swapgs					/* GS.base = the user's again */
	sysretq					/* rip = rcx, rflags = r11, CS/SS from STAR | 3 */

	/* Signals, a rewritten frame, or a failed fast check: do the work
	 * and decide in C (arch/sysret.h), which counts each iretq fallback. */
.Lslow_exit:
	movq	%rsp, %rdi
	call	syscall_exit_slow		/* eax = may sysretq restore the frame? */
	testl	%eax, %eax
	jnz	.Lsysret
	jmp	trap_return			/* the general iretq path */

/*
 * The compat fast entries (Linux's entry_SYSENTER_compat and
 * entry_SYSCALL_compat with do_fast_syscall_32, all in assembly here)
 * push the frame in its final form, that of an int $0x80 at the 32-bit
 * vDSO's landing pad: tf->rip = percpu.fast32_pad, the landing pad (0 for
 * a 64-bit program, which has no 32-bit vDSO: SIGILL), tf->rsp = the user
 * esp, tf->rbp = arg 6. Two halves, around PUSH_REGS_COMPAT.
 *
 * FAST32_ARG6 ESP RESULT, once the stub has pushed tf->ss .. tf->vector
 * (rsp -> tf->vector) and the kernel may run with the flags it has (no
 * TF, NT, AC; DF clear); ESP holds the user esp, zero-extended. arg 6 (ebp),
 * which __kernel_vsyscall pushed at (esp), is loaded into ebp, so that
 * PUSH_REGS_COMPAT puts it in tf->rbp: one load with an exception-table
 * entry. esp is a 32-bit address, inside the user half by construction,
 * so no range check; the SMAP window is open for that one instruction.
 * A fault makes the result -EFAULT (and the landing pad's pops then fault
 * too: SIGSEGV, as on Linux). The rare paths live in .text.unlikely.
 */
	.macro FAST32_ARG6 esp, result
	cmpq	$0, TF_RIP - TF_VECTOR(%rsp)	/* no landing pad: a 64-bit program */
	je	.Lbad_mode\@
	testb	$1, smap_enabled(%rip)
	jz	.Lno_smap\@
	stac
.Lload\@:
	movl	(\esp), %ebp			/* arg 6: may fault */
	clac
.Lloaded\@:

	.pushsection .text.unlikely, "ax"
	/* The same load without SMAP (no stac/clac on such CPUs). */
.Lno_smap\@:
.Lload_no_smap\@:
	movl	(\esp), %ebp			/* arg 6: may fault */
	jmp	.Lloaded\@
	/* The load faulted (trap.c resumed here, AC as it was): finish the
	 * frame (tf->rbp keeps the user's ebp) and return -EFAULT. */
.Lfault\@:
	CLAC_IF_SMAP
	PUSH_REGS_COMPAT
	CLEAR_SCRATCH
	movq	$-EFAULT, %rax
	jmp	\result
	/* sysenter or compat syscall from a 64-bit program: SIGILL (fast32.c). */
.Lbad_mode\@:
	PUSH_REGS_COMPAT
	CLEAR_SCRATCH
	movq	%rsp, %rdi
	call	fast32_bad_mode			/* does not return */
	.popsection

	.pushsection .ex_table, "a"
	.balign 8
	.quad	.Lload\@, .Lfault\@
	.quad	.Lload_no_smap\@, .Lfault\@
	.popsection
	.endm

/*
 * FAST32_CALL RESULT, after PUSH_REGS_COMPAT (RESULT: the label
 * FAST32_ARG6's fault path jumps to with -EFAULT): the i386 dispatcher (percpu.dispatch32), the
 * result to tf->rax. Without exit work the frame changed nowhere else, so
 * only the user's flags can stop sysexit / sysretl: TF, RF, NT or VM send
 * the stub the slow way (fast32.c decides, and counts the iretq). It ends
 * where sysexit / sysretl may return.
 */
	.macro FAST32_CALL result
	CLEAR_SCRATCH
	movq	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	*%gs:PC_DISPATCH32		/* syscall32_dispatch (or the ring's) */
\result:
	movq	%rax, TF_RAX(%rsp)		/* tf->rax = the result */
	cmpq	$0, %gs:PC_EXIT_WORK		/* signals, a rewritten frame? */
	jne	.Lslow\@
	testl	$FAST32_BAD_RFLAGS, TF_RFLAGS(%rsp)
	jnz	.Lslow\@
.Lfast\@:

	.pushsection .text.unlikely, "ax"
	/* Exit work, or flags sysexit / sysretl cannot restore: C decides. */
.Lslow\@:
	movq	%rsp, %rdi
	call	fast32_exit_slow		/* eax = may sysexit / sysretl return? */
	testl	%eax, %eax
	jnz	.Lfast\@
	jmp	trap_return			/* the general iretq path */
	.popsection
	.endm

/*
 * sysenter (from compat mode; IA32_SYSENTER_EIP points here, set only on
 * Intel vendors: syscall.c). Linux's entry_SYSENTER_compat. The CPU has
 *   CS = IA32_SYSENTER_CS (0x10), SS = 0x18, rsp = IA32_SYSENTER_ESP (this
 *   CPU's small entry stack), IF and VM cleared, nothing else changed:
 *   TF, DF, AC and NT are the user's; GS is the user's; the user's eip
 *   and esp are saved nowhere.
 * By the vDSO's convention (__kernel_vsyscall, docs/abi.md) eax = number,
 * ebx ecx edx esi edi = args 1-5, ebp = the user esp, and at (esp) the
 * pushed ebp = arg 6, then edx and ecx. The frame is pushed as an int
 * $0x80 at the vDSO's landing pad would have saved it (FAST32_CALL); the
 * return is to that landing pad, by sysexit when safe, else by iretq.
 *
 * With TF set, a #DB strikes after every instruction from the first one
 * on; isr.S ignores those inside [sysenter_entry, sysenter_singlestep_end)
 * (Linux's is_sysenter_singlestep) until the popfq below clears TF. The
 * saved user rflags keep TF, so the user gets its trap after the return
 * (by iretq: TF is never restored by sysexit).
 */
	.global sysenter_entry
	.balign 16
sysenter_entry:
	swapgs					/* GS.base = this CPU's struct percpu */
	movq	%gs:PC_KSTACK, %rsp		/* the current process's kernel stack */
	pushq	$USER_DS			/* tf->ss */
	movl	%ebp, %ebp			/* (zero-extended) */
	pushq	%rbp				/* tf->rsp: __kernel_vsyscall put esp in ebp */
	pushfq					/* tf->rflags: the user's ... */
	orl	$RFLAGS_IF, (%rsp)		/* ... with IF, which sysenter cleared */
	pushq	$USER32_CS			/* tf->cs */
	pushq	%gs:PC_FAST32_PAD		/* tf->rip: the vDSO's landing pad */
	movl	%eax, %eax			/* the i386 number, zero-extended */
	pushq	%rax				/* tf->orig_rax */
	pushq	$VEC_SYSENTER			/* tf->vector */
	/* sysenter filters no flags: clear NT, AC, TF and DF for the kernel
	 * if any is set. The user's copy in the frame keeps them. */
	testl	$(RFLAGS_NT | RFLAGS_AC | RFLAGS_TF | RFLAGS_DF), TF_RFLAGS - TF_VECTOR(%rsp)
	jz	1f
	pushq	$2				/* only the always-one bit */
	popfq
1:	incq	%gs:PC_SYSENTER_CALLS		/* (a #DB after the popfq reports this one) */
	.global sysenter_singlestep_end
sysenter_singlestep_end:
	FAST32_ARG6 %rbp, .Lsysenter_result	/* ebp = arg 6 */
	PUSH_REGS_COMPAT
	FAST32_CALL .Lsysenter_result

	/*
	 * sysexit (32-bit form) loads eip = edx, esp = ecx, CS = SYSENTER_CS
	 * + 16 | 3 (0x23), SS = + 24 | 3 (0x2b): the landing pad pops the
	 * user's ecx and edx again, so their frame slots are skipped. It
	 * restores no flags: popfq them first, with IF clear until the sti,
	 * whose one-instruction shadow covers sysexit (an interrupt in
	 * between would find the user's GS).
	 */
	POP_REGS skip_dx_cx=1			/* rdx, rcx: loaded below; rsp -> tf->vector */
	movl	TF_RIP - TF_VECTOR(%rsp), %edx	/* the landing pad */
	movl	TF_RSP - TF_VECTOR(%rsp), %ecx	/* the user esp (32 bits: pushed so) */
	pushq	TF_RFLAGS - TF_VECTOR(%rsp)	/* the user's rflags (no TF/RF/NT/VM: checked) */
	btrq	$9, (%rsp)			/* ... with IF clear for now */
	popfq
	swapgs					/* GS.base = the user's again */
	sti
	sysexit

/*
 * syscall from compat mode (CSTAR; on every CPU with SYSCALL, though only
 * AMD vendors offer it: ENTRY_SYSCALL32). Linux's entry_SYSCALL_compat.
 * The CPU has
 *   ecx = the user eip after syscall (ignored: the return is to the
 *   landing pad), r11 = user rflags, CS/SS = kernel selectors from STAR,
 *   rflags &= ~FMASK (IF, TF, DF, AC, NT... clear); rsp and GS the user's.
 * By the vDSO's convention eax = number, ebx = arg 1, ebp = arg 2 (ecx is
 * lost), edx esi edi = args 3-5, arg 6 at (esp), the pushed ebp. The
 * frame is pushed in its final form (FAST32_CALL); the return is to the
 * landing pad, by sysretl when safe, else by iretq.
 */
	.global syscall32_entry
	.balign 16
syscall32_entry:
	swapgs					/* GS.base = this CPU's struct percpu */
	movl	%esp, %r8d			/* the user esp (r8 is no i386 register) */
	movq	%gs:PC_KSTACK, %rsp		/* the current process's kernel stack */
	pushq	$USER_DS			/* tf->ss */
	pushq	%r8				/* tf->rsp */
	pushq	%r11				/* tf->rflags */
	pushq	$USER32_CS			/* tf->cs */
	pushq	%gs:PC_FAST32_PAD		/* tf->rip: the vDSO's landing pad */
	movl	%eax, %eax			/* the i386 number, zero-extended */
	pushq	%rax				/* tf->orig_rax */
	pushq	$VEC_SYSCALL32			/* tf->vector */
	incq	%gs:PC_SYSCALL32_CALLS
	movl	%ebp, %ecx			/* arg 2 came in ebp: tf->rcx */
	FAST32_ARG6 %r8, .Lsyscall32_result	/* ebp = arg 6 */
	PUSH_REGS_COMPAT
	FAST32_CALL .Lsyscall32_result

	/*
	 * sysretl loads eip = ecx, rflags = r11, CS = STAR[63:48] | 3 (0x23),
	 * SS = + 8 | 3 (0x2b); rsp is ours to load. r8-r10 come back zero
	 * from the frame; r11 keeps the user's own eflags (as on Linux).
	 */
	POP_REGS				/* rsp -> tf->vector */
	movl	TF_RIP - TF_VECTOR(%rsp), %ecx	/* the landing pad */
	movq	TF_RFLAGS - TF_VECTOR(%rsp), %r11 /* the user's rflags (no TF/RF: checked) */
	movl	TF_RSP - TF_VECTOR(%rsp), %esp	/* the user esp, zero-extended */
	swapgs					/* GS.base = the user's again */
	sysretl

/*
 * A new process's first way to user mode: proc_alloc's first context
 * "returns" here with rsp at the process's trap frame. Signals sent before
 * it ever ran are acted on first, as on every other way out (Linux's
 * ret_from_fork); then the general iretq path. The scheduler's hold on
 * the big kernel lock, which came with the switch, ends first.
 */
	.global ret_from_fork
	.balign 16
ret_from_fork:
	call	kernel_unlock_all		/* the scheduler switched here holding the big lock (lock.h) */
	cmpq	$0, %gs:PC_EXIT_WORK
	je	trap_return
	movq	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	exit_work_locked		/* exit_work under the big kernel lock */
	jmp	trap_return
