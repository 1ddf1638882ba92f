/*
 * frame.h - assembly macros that push and pop the general-register part of
 * struct trap_frame (arch/trap.h), shared by every entry stub so all of
 * them build exactly the same frame (with the generated asm_offsets.h);
 * and, for C, the vector numbers the system-call stubs store.
 */
#ifndef ARCH_FRAME_H
#define ARCH_FRAME_H

#ifndef __ASSEMBLER__
/* The value tf->vector holds for frames built by the system-call stubs:
 * which entry a call came by (arch/trap.h: frame_is_compat says the mode;
 * api/entry_paths.h lists the paths). */
#define VEC_SYSCALL_INSN 0x100       /* syscall from 64-bit mode */
#define VEC_INT80        0x80        /* int $0x80, from either mode */
#define VEC_SYSENTER     0x101       /* sysenter (compat mode) */
#define VEC_SYSCALL32    0x102       /* syscall from compat mode */
#endif

#ifdef __ASSEMBLER__
/* TF_* (frame offsets), PC_* (per-CPU offsets), the selectors, vectors,
 * flag bits and errno values, generated from the C headers
 * (arch/x86_64/asm-offsets.c). */
#include "asm_offsets.h"

	/* compat=1: the same frame for a compat-mode caller: r8-r15 are no
	 * i386 registers, so they are saved as zeros and come back zero
	 * (nothing from the kernel or from the process's 64-bit days leaks). */
	.macro PUSH_REGS compat=0
	pushq	%rax				/* tf->rax */
	pushq	%rbx				/* tf->rbx */
	pushq	%rcx				/* tf->rcx */
	pushq	%rdx				/* tf->rdx */
	pushq	%rsi				/* tf->rsi */
	pushq	%rdi				/* tf->rdi */
	pushq	%rbp				/* tf->rbp */
	.if \compat
	.rept 8
	pushq	$0				/* tf->r8 .. tf->r15 */
	.endr
	.else
	pushq	%r8				/* tf->r8  */
	pushq	%r9				/* tf->r9  */
	pushq	%r10				/* tf->r10 */
	pushq	%r11				/* tf->r11 */
	pushq	%r12				/* tf->r12 */
	pushq	%r13				/* tf->r13 */
	pushq	%r14				/* tf->r14 */
	pushq	%r15				/* tf->r15 */
	.endif
	.endm

	.macro PUSH_REGS_COMPAT
	PUSH_REGS compat=1
	.endm

	/* skip_dx_cx=1: leave rdx and rcx as they are and step over their
	 * slots (sysexit loads both from elsewhere: entry.S). */
	.macro POP_REGS skip_dx_cx=0
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
	.if \skip_dx_cx
	addq	$16, %rsp			/* tf->rdx, tf->rcx */
	.else
	popq	%rdx
	popq	%rcx
	.endif
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
