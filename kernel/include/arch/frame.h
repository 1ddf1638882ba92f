/*
 * frame.h - assembly macros that push and pop the general-register part of
 * struct trap_frame (arch/trap.h), shared by every entry stub so all of
 * them build exactly the same frame. Include from .S files only.
 */
#ifndef ARCH_FRAME_H
#define ARCH_FRAME_H

#define TF_R11     (4 * 8)   /* offsets into struct trap_frame */
#define TF_RCX     (12 * 8)
#define TF_RAX     (14 * 8)
#define TF_VECTOR  (15 * 8)
#define TF_RIP     (17 * 8)
#define TF_CS      (18 * 8)
#define TF_RFLAGS  (19 * 8)
#define TF_RSP     (20 * 8)
#define TF_SS      (21 * 8)

/* sysretq's limits (arch/sysret.h, which checks them against USER_TOP and
 * RFLAGS_*): a return rip below the last user page, no TF or RF. */
#define SYSRET_RIP_LIMIT  0x00007ffffffff000
#define SYSRET_BAD_RFLAGS 0x10100

/* The value tf->vector holds for frames built by the system-call stubs:
 * which entry a call came by (arch/trap.h: frame_is_compat says the mode). */
#define VEC_SYSCALL_INSN 0x100       /* syscall from 64-bit mode */
#define VEC_INT80        0x80        /* int $0x80, from either mode */
#define VEC_SYSENTER     0x101       /* sysenter (compat mode) */
#define VEC_SYSCALL32    0x102       /* syscall from compat mode */

#ifdef __ASSEMBLER__
#define USER_DS 0x2b                 /* the user selectors, as in arch/trap.h */
#define USER_CS 0x33
#define USER32_CS 0x23
#define DR6_RESET_VALUE 0xffff0ff0   /* as arch/cpu.h's DR6_RESET */
#define RFLAGS_TF_BIT 0x100          /* rflags bits, as in arch/cpu.h */
#define RFLAGS_NT_BIT 0x4000
#define RFLAGS_AC_BIT 0x40000

	.macro PUSH_REGS
	pushq	%rax				/* tf->rax */
	pushq	%rbx				/* tf->rbx */
	pushq	%rcx				/* tf->rcx */
	pushq	%rdx				/* tf->rdx */
	pushq	%rsi				/* tf->rsi */
	pushq	%rdi				/* tf->rdi */
	pushq	%rbp				/* tf->rbp */
	pushq	%r8				/* tf->r8  */
	pushq	%r9				/* tf->r9  */
	pushq	%r10				/* tf->r10 */
	pushq	%r11				/* tf->r11 */
	pushq	%r12				/* tf->r12 */
	pushq	%r13				/* tf->r13 */
	pushq	%r14				/* tf->r14 */
	pushq	%r15				/* tf->r15 */
	.endm

	.macro POP_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	.endm

	/* User mode may enter with rflags.AC set, which would switch SMAP off
	 * for the kernel: clear it (clac exists only on CPUs with SMAP). */
	.macro CLAC_IF_SMAP
	testb	$1, smap_enabled(%rip)
	jz	.Lno_clac\@
	clac
.Lno_clac\@:
	.endm

	/* Scratch (caller-saved) registers still hold user values: zero them
	 * so no user-chosen value rides into the C code, even speculatively.
	 * Callee-saved ones are preserved by the C code and restored anyway. */
	.macro CLEAR_SCRATCH
	xorl	%esi, %esi
	xorl	%edx, %edx
	xorl	%ecx, %ecx
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r11d, %r11d
	.endm
#endif
#endif
