/*
 * isr.S - interrupt and exception entry: build a struct trap_frame
 * (include/arch/trap.h) and call trap(frame).
 *
 * What the CPU has pushed when a stub starts (64-bit mode, stack 16-aligned):
 *   [rsp+32] ss   [rsp+24] rsp   [rsp+16] rflags   [rsp+8] cs   [rsp] rip
 *   plus an error code below rip for vectors 8, 10-14, 17, 21, 29, 30.
 * Each stub makes the two shapes equal (a 0 error code where the CPU pushes
 * none), pushes its vector number and jumps to trap_common.
 */
#include "arch/frame.h"

	.macro stub vec, has_err
	.balign 16
isr_\vec:
	.if \has_err == 0
	pushq	$0				/* tf->error */
	.endif
	pushq	$\vec				/* tf->vector */
	jmp	trap_common
	.endm

	.text
	.irp v, 0,2,3,4,5,6,7,9,15,16,18,19,20,22,23,24,25,26,27,28,31,32,255
	stub	\v, 0
	.endr
	/* VEC_IRQ0 (48) .. 63: the ISA IRQs the IOAPIC routes (ioapic.c) */
	.irp v, 48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63
	stub	\v, 0
	.endr
	/* VEC_RESCHEDULE (0xe0), VEC_TLB_SHOOTDOWN (0xf1), VEC_LOCK_WAKE (0xf2): IPIs (arch/trap.h) */
	.irp v, 224,241,242
	stub	\v, 0
	.endr
	.irp v, 8,10,11,12,13,14,17,21,29,30
	stub	\v, 1
	.endr

/*
 * #DB. A user who enters by sysenter with TF set makes the CPU trap after
 * each instruction of the sysenter stub (entry.S) until it clears TF, the
 * first time before its swapgs: GS is still the user's then, so this must
 * be decided before trap_common (which trusts GS for a kernel frame) runs.
 * Those #DBs are ignored, as Linux's is_sysenter_singlestep does: DR6's
 * single-step bit is cleared and the stub goes on (the stub has the user's
 * TF in the frame's rflags, so the user still gets its trap after the
 * call). Every other #DB goes to trap(), which panics for a kernel one.
 */
	.balign 16
isr_1:
	testb	$3, 8(%rsp)			/* cs: from user mode? */
	jnz	2f
	pushq	%rax
	leaq	sysenter_entry(%rip), %rax
	cmpq	%rax, 8(%rsp)			/* rip */
	jb	1f
	leaq	sysenter_singlestep_end(%rip), %rax
	cmpq	%rax, 8(%rsp)
	jae	1f
	movq	$DR6_RESET, %rax		/* the single-step bit is ours, not the user's */
	movq	%rax, %dr6
	popq	%rax
	iretq					/* back into the stub, TF still set */
1:	popq	%rax
2:	pushq	$0				/* tf->error */
	pushq	$1				/* tf->vector */
	jmp	trap_common

/*
 * Common path. rsp -> vector, error, rip, cs, rflags, rsp, ss.
 */
trap_common:
	/* From user mode (CS RPL 3)? Then GS still holds the user's base: swap. */
	testb	$3, 24(%rsp)			/* tf->cs */
	jz	1f
	swapgs
1:	lfence					/* no speculation past the swapgs decision */
	PUSH_REGS
	CLEAR_SCRATCH
	CLAC_IF_SMAP
	cld					/* the C ABI wants DF clear */
	mov	%rsp, %rdi			/* rdi = struct trap_frame * */
	call	trap
	/* fall through */

/*
 * trap_return: leave the kernel through the frame at rsp (every path that
 * returns with iretq ends here, and a new process starts here).
 */
	.global trap_return
trap_return:
	/* iretq to a non-canonical rip or a selector that is not the user's
	 * would fault in ring 0, with the user's GS already loaded. A user
	 * frame like that (a syscall in the last bytes of the user half, or
	 * what a handler left for rt_sigreturn) becomes the user's SIGSEGV
	 * instead, as Linux's failed iret does; a handler rewrites the frame,
	 * so check again. (A canonical kernel-half rip is fine to iretq to:
	 * the fetch then faults in user mode, a #PF, as on Linux.) */
	testb	$3, TF_CS(%rsp)
	jz	3f
	movq	TF_RIP(%rsp), %rax
	sarq	$47, %rax			/* canonical: bits 63..47 alike, rax 0 or -1 */
	incq	%rax				/* ... now 1 or 0 */
	cmpq	$1, %rax
	ja	4f
	cmpq	$USER_CS, TF_CS(%rsp)
	je	5f
	cmpq	$USER32_CS, TF_CS(%rsp)		/* or compat mode's */
	jne	4f
5:	cmpq	$USER_DS, TF_SS(%rsp)
	jne	4f
3:	POP_REGS
	add	$16, %rsp			/* drop vector and error */

	/* Going back to user mode? Give it its GS base back. */
	testb	$3, 8(%rsp)			/* cs */
	jz	2f
	swapgs
2:	iretq

4:	movq	%rsp, %rdi
	call	trap_bad_return			/* trap.c: SIGSEGV to a handler, or the end of the process */
	jmp	trap_return

/* Stub addresses in vector order for idt.c; 0 where there is no stub. */
	.section .rodata
	.balign 8
	.global isr_table
isr_table:
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32
	.quad	isr_\v
	.endr
	.global isr_spurious
isr_spurious:
	.quad	isr_255
/* The IRQ stubs, VEC_IRQ0 upwards, for idt.c. */
	.global isr_irq_table
isr_irq_table:
	.irp v, 48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63
	.quad	isr_\v
	.endr
/* The IPI stubs, VEC_RESCHEDULE, VEC_TLB_SHOOTDOWN and VEC_LOCK_WAKE, for idt.c. */
	.global isr_ipi_table
isr_ipi_table:
	.quad	isr_224, isr_241, isr_242
