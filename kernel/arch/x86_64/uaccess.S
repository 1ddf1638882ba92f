/*
 * uaccess.S - the only instructions that touch user memory. Each one that
 * can fault has an .ex_table entry (arch/trap.h), so a bad user pointer
 * makes trap() resume at the fixup, which returns -EFAULT, instead of a
 * kernel panic. The C wrappers in mm/uaccess.c check the ranges and open
 * the SMAP window (stac/clac) around these calls.
 */
#include "arch/frame.h"                 /* EFAULT, from api/errno.h (asm-offsets.c) */

	.text

/*
 * long __copy_user(void *dst, const void *src, size_t n)
 *   rdi = dst, rsi = src, rdx = n.  Returns 0, or -EFAULT when a fault
 *   stopped the copy (some bytes may have been copied). Quadwords first
 *   (rcx = n / 8), then the last n % 8 bytes.
 */
	.global __copy_user
__copy_user:
	movq	%rdx, %rcx
	shrq	$3, %rcx			/* rcx = quadwords */
1:	rep movsq
	movq	%rdx, %rcx
	andq	$7, %rcx			/* rcx = the bytes after them */
2:	rep movsb
	xorl	%eax, %eax
	ret
3:	movq	$-EFAULT, %rax
	ret
	.pushsection .ex_table, "a"
	.balign 8
	.quad	1b, 3b
	.quad	2b, 3b
	.popsection

/*
 * size_t __copy_user_upto(void *dst, const void *src, size_t n)
 *   The same copy, for callers that keep what got through: returns how
 *   many bytes it copied, n unless a fault stopped it. A fault in the
 *   quadword copy goes on a byte at a time from the quadword that faulted
 *   (its first bytes may be on a good page), so the copy stops exactly at
 *   the faulting byte, where rep movsb leaves rcx = the bytes not copied.
 */
	.global __copy_user_upto
__copy_user_upto:
	movq	%rdx, %rcx
	shrq	$3, %rcx			/* rcx = quadwords */
7:	rep movsq
	movq	%rdx, %rcx
	andq	$7, %rcx			/* rcx = the bytes after them */
8:	rep movsb
	movq	%rdx, %rax
	ret
9:	shlq	$3, %rcx			/* the quadwords left, in bytes ... */
	movq	%rdx, %rax
	andq	$7, %rax
	addq	%rax, %rcx			/* ... and the tail: every byte not copied */
10:	rep movsb
	movq	%rdx, %rax
	ret
11:	movq	%rdx, %rax
	subq	%rcx, %rax			/* n - the bytes left */
	ret
	.pushsection .ex_table, "a"
	.balign 8
	.quad	7b, 9b
	.quad	8b, 11b
	.quad	10b, 11b
	.popsection

/*
 * long __strncpy_user(char *dst, const char *src, size_t n)
 *   rdi = dst, rsi = src, rdx = n (> 0).  Copies up to and including the
 *   first NUL, at most n bytes. Returns the string's length (without the
 *   NUL), n when there was no NUL in the first n bytes, or -EFAULT.
 *   rax = index, cl = the byte.
 */
	.global __strncpy_user
__strncpy_user:
	xorl	%eax, %eax
3:	cmpq	%rdx, %rax
	jae	5f				/* n bytes and no NUL */
4:	movb	(%rsi,%rax), %cl		/* may fault */
	movb	%cl, (%rdi,%rax)
	testb	%cl, %cl
	jz	5f
	incq	%rax
	jmp	3b
5:	ret
6:	movq	$-EFAULT, %rax
	ret
	.pushsection .ex_table, "a"
	.balign 8
	.quad	4b, 6b
	.popsection

/*
 * long __cmpxchg_user32(uint32_t *uaddr, uint32_t *old, uint32_t new)
 *   rdi = uaddr, rsi = old (kernel: what we expect, and what was there),
 *   edx = new. lock cmpxchg: the user word becomes new if it held *old;
 *   either way *old gets what it held (eax). Returns 0, or -EFAULT.
 *   Other CPUs' threads change the word in user mode meanwhile: only an
 *   atomic compare-and-exchange can tell (the robust list, proc/robust.c).
 */
	.global __cmpxchg_user32
__cmpxchg_user32:
	movl	(%rsi), %eax			/* eax = what we expect */
11:	lock cmpxchgl %edx, (%rdi)
	movl	%eax, (%rsi)			/* what the word held */
	xorl	%eax, %eax
	ret
12:	movq	$-EFAULT, %rax
	ret
	.pushsection .ex_table, "a"
	.balign 8
	.quad	11b, 12b
	.popsection
