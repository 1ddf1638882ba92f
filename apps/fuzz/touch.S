/*
 * touch.S - one user access that may fault, for stage 3 (vmseq.c): each
 * routine has an _at label on the access and a _resume label after it.
 * vmseq.c's SIGSEGV handler sends the saved rip from _at to _resume with
 * rax = -1, so a faulting access returns -1 instead of ending the batch.
 */
	.text

/* long touch_read(const void *addr): the byte at addr, or -1. */
	.global touch_read, touch_read_at, touch_read_resume
touch_read:
touch_read_at:
	movzbl	(%rdi), %eax
touch_read_resume:
	ret

/* long touch_write(void *addr, int byte): 0, or -1. */
	.global touch_write, touch_write_at, touch_write_resume
touch_write:
touch_write_at:
	movb	%sil, (%rdi)
	xorl	%eax, %eax
touch_write_resume:
	ret

	.section .note.GNU-stack, "", @progbits
