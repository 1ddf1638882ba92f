/*
 * entry.S - one system call made from an odd user state: rflags bits set
 * that the kernel must clear for itself (DF, AC, NT: int $0x80 clears
 * none of DF and AC, syscall only what FMASK says) and rsp pointing
 * anywhere (0, a kernel address, a non-canonical one, an unmapped page):
 * the kernel must use its own stack and give back every register but
 * rax, rcx and r11. No memory is touched between setting the state and
 * putting ours back, but for aligned reads of *o.
 *
 * long odd_call(const struct odd *o)    (struct odd in fuzz.h)
 *   0 nr   8..48 a[0..5]   56 rflags bits   64 rsp   72 int80?   80 replace rsp?
 */
	.text
	.globl odd_call
	.type odd_call, @function
odd_call:
	pushq %rbx
	pushq %r12
	pushq %r13
	movq %rdi, %rbx                 /* o */
	movq %rsp, %r12                 /* our stack: back after the call */
	movq 72(%rbx), %r13             /* which entry */

	/* Load the call, then the flags. */
	pushfq
	movq 56(%rbx), %rax
	orq %rax, (%rsp)
	movq 0(%rbx), %rax
	movq 8(%rbx), %rdi
	movq 16(%rbx), %rsi
	movq 24(%rbx), %rdx
	movq 32(%rbx), %r10
	movq 40(%rbx), %r8
	movq 48(%rbx), %r9
	popfq

	/* The odd stack, and in. */
	cmpq $0, 80(%rbx)
	je 1f
	movq 64(%rbx), %rsp
1:	testq %r13, %r13
	jz 2f
	int $0x80
	jmp 3f
2:	syscall

	/* Ours again: the stack, then the flags (DF, NT and AC off). */
3:	movq %r12, %rsp
	pushfq
	andq $~0x44400, (%rsp)
	popfq
	popq %r13
	popq %r12
	popq %rbx
	ret
	.size odd_call, . - odd_call
