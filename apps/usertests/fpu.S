/*
 * fpu.S - x87/SSE/AVX registers held across system calls, for t_fpu.c.
 * Compiled code may use any vector register between two statements, so
 * what must survive a fork, a switch or a signal is loaded, kept and
 * stored within one function. The layout is struct fpu_regs (t_fpu.c):
 *
 *     0  v[16][32]   ymm0-15 (xmm0-15 in the low 16 bytes of each)
 *   512  st[8][16]   st0-st7, 80-bit values in 16 bytes
 *   640  mxcsr       644 fcw
 *   648  avx         1: move whole ymm registers, 0: xmm only
 *   652  fast        1: syscall, 0: int $0x80
 */
#include "regs_asm.h"

#define V      0
#define ST     512
#define MXCSR  640
#define FCW    644
#define AVX    648
#define FAST   652

	.text

/*
 * long fpu_hold(const struct fpu_regs *in, struct fpu_regs *out,
 *               long nr, long a0, long a1, long count)
 *   Load every register from in, make system call nr(a0, a1) count times
 *   (count >= 1), store every register into out; returns the last call's
 *   rax. The caller gets FCW and MXCSR at their defaults and an empty x87
 *   stack back. After a fork both processes store into their own out.
 */
	.global fpu_hold
fpu_hold:
	PUSH_CALLEE_SAVED
	movq	%rdi, %r12			/* r12 = in */
	movq	%rsi, %r13			/* r13 = out */
	movq	%rdx, %r14			/* r14 = nr */
	movq	%rcx, %r15			/* r15 = a0 */
	movq	%r8, %rbx			/* rbx = a1 */
	movq	%r9, %rbp			/* rbp = calls left */

	/* Control words, then the x87 stack: st7 first, so st0 ends on top. */
	ldmxcsr	MXCSR(%r12)
	fninit
	fldcw	FCW(%r12)
	fldt	ST+7*16(%r12)
	fldt	ST+6*16(%r12)
	fldt	ST+5*16(%r12)
	fldt	ST+4*16(%r12)
	fldt	ST+3*16(%r12)
	fldt	ST+2*16(%r12)
	fldt	ST+1*16(%r12)
	fldt	ST+0*16(%r12)

	/* The vector registers: whole ymm with AVX, else the xmm halves. */
	cmpl	$0, AVX(%r12)
	je	1f
	vmovdqu	V+0*32(%r12), %ymm0
	vmovdqu	V+1*32(%r12), %ymm1
	vmovdqu	V+2*32(%r12), %ymm2
	vmovdqu	V+3*32(%r12), %ymm3
	vmovdqu	V+4*32(%r12), %ymm4
	vmovdqu	V+5*32(%r12), %ymm5
	vmovdqu	V+6*32(%r12), %ymm6
	vmovdqu	V+7*32(%r12), %ymm7
	vmovdqu	V+8*32(%r12), %ymm8
	vmovdqu	V+9*32(%r12), %ymm9
	vmovdqu	V+10*32(%r12), %ymm10
	vmovdqu	V+11*32(%r12), %ymm11
	vmovdqu	V+12*32(%r12), %ymm12
	vmovdqu	V+13*32(%r12), %ymm13
	vmovdqu	V+14*32(%r12), %ymm14
	vmovdqu	V+15*32(%r12), %ymm15
	jmp	2f
1:	movdqu	V+0*32(%r12), %xmm0
	movdqu	V+1*32(%r12), %xmm1
	movdqu	V+2*32(%r12), %xmm2
	movdqu	V+3*32(%r12), %xmm3
	movdqu	V+4*32(%r12), %xmm4
	movdqu	V+5*32(%r12), %xmm5
	movdqu	V+6*32(%r12), %xmm6
	movdqu	V+7*32(%r12), %xmm7
	movdqu	V+8*32(%r12), %xmm8
	movdqu	V+9*32(%r12), %xmm9
	movdqu	V+10*32(%r12), %xmm10
	movdqu	V+11*32(%r12), %xmm11
	movdqu	V+12*32(%r12), %xmm12
	movdqu	V+13*32(%r12), %xmm13
	movdqu	V+14*32(%r12), %xmm14
	movdqu	V+15*32(%r12), %xmm15

	/* The calls: rax = nr, rdi = a0, rsi = a1, through the entry asked for. */
2:	movq	%r14, %rax
	movq	%r15, %rdi
	movq	%rbx, %rsi
	cmpl	$0, FAST(%r12)
	je	3f
	syscall
	jmp	4f
3:	int	$0x80
4:	decq	%rbp
	jnz	2b

	/* Store it all (rax, the result, is left alone). */
	cmpl	$0, AVX(%r12)
	je	5f
	vmovdqu	%ymm0, V+0*32(%r13)
	vmovdqu	%ymm1, V+1*32(%r13)
	vmovdqu	%ymm2, V+2*32(%r13)
	vmovdqu	%ymm3, V+3*32(%r13)
	vmovdqu	%ymm4, V+4*32(%r13)
	vmovdqu	%ymm5, V+5*32(%r13)
	vmovdqu	%ymm6, V+6*32(%r13)
	vmovdqu	%ymm7, V+7*32(%r13)
	vmovdqu	%ymm8, V+8*32(%r13)
	vmovdqu	%ymm9, V+9*32(%r13)
	vmovdqu	%ymm10, V+10*32(%r13)
	vmovdqu	%ymm11, V+11*32(%r13)
	vmovdqu	%ymm12, V+12*32(%r13)
	vmovdqu	%ymm13, V+13*32(%r13)
	vmovdqu	%ymm14, V+14*32(%r13)
	vmovdqu	%ymm15, V+15*32(%r13)
	vzeroupper
	jmp	6f
5:	movdqu	%xmm0, V+0*32(%r13)
	movdqu	%xmm1, V+1*32(%r13)
	movdqu	%xmm2, V+2*32(%r13)
	movdqu	%xmm3, V+3*32(%r13)
	movdqu	%xmm4, V+4*32(%r13)
	movdqu	%xmm5, V+5*32(%r13)
	movdqu	%xmm6, V+6*32(%r13)
	movdqu	%xmm7, V+7*32(%r13)
	movdqu	%xmm8, V+8*32(%r13)
	movdqu	%xmm9, V+9*32(%r13)
	movdqu	%xmm10, V+10*32(%r13)
	movdqu	%xmm11, V+11*32(%r13)
	movdqu	%xmm12, V+12*32(%r13)
	movdqu	%xmm13, V+13*32(%r13)
	movdqu	%xmm14, V+14*32(%r13)
	movdqu	%xmm15, V+15*32(%r13)
6:	fstpt	ST+0*16(%r13)
	fstpt	ST+1*16(%r13)
	fstpt	ST+2*16(%r13)
	fstpt	ST+3*16(%r13)
	fstpt	ST+4*16(%r13)
	fstpt	ST+5*16(%r13)
	fstpt	ST+6*16(%r13)
	fstpt	ST+7*16(%r13)
	stmxcsr	MXCSR(%r13)
	fnstcw	FCW(%r13)

	/* The C ABI's control words back: FCW 0x37f (fninit), MXCSR 0x1f80. */
	fninit
	ldmxcsr	mxcsr_default(%rip)
	POP_CALLEE_SAVED
	ret

/*
 * void fpu_dirty(const struct fpu_regs *in)
 *   Load FCW, MXCSR and ymm15 (xmm15 without AVX) from in and return with
 *   them still set, for a case that checks what execve leaves.
 */
	.global fpu_dirty
fpu_dirty:
	ldmxcsr	MXCSR(%rdi)
	fldcw	FCW(%rdi)
	cmpl	$0, AVX(%rdi)
	je	1f
	vmovdqu	V+15*32(%rdi), %ymm15
	ret
1:	movdqu	V+15*32(%rdi), %xmm15
	ret

/*
 * void fpu_peek(struct fpu_regs *out)
 *   Store FCW, MXCSR and ymm15 (xmm15 without AVX: out->avx says) as they
 *   are now; nothing else.
 */
	.global fpu_peek
fpu_peek:
	stmxcsr	MXCSR(%rdi)
	fnstcw	FCW(%rdi)
	cmpl	$0, AVX(%rdi)
	je	1f
	vmovdqu	%ymm15, V+15*32(%rdi)
	ret
1:	movdqu	%xmm15, V+15*32(%rdi)
	ret

	.section .rodata
	.balign 4
mxcsr_default:
	.long	0x1f80
