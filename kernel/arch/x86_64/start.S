/*
 * start.S - the first kernel instructions.
 *
 * On entry (from bootloader/main.c):
 *   rdi = struct boot_info *, a direct-map address
 *   rsp = the loader's stack (identity-mapped, about to be abandoned)
 *   interrupts off, the loader's page tables in CR3
 */
	.section .text.entry, "ax"
	.global _start
_start:
	lea	boot_stack_top(%rip), %rsp	/* our own stack, in .bss */
	xor	%ebp, %ebp			/* end of the frame-pointer chain */
	call	kmain				/* rdi still holds boot_info */
1:	cli
	hlt
	jmp	1b

/*
 * void call_on_stack(void *arg, void (*fn)(void *), uint64_t top)
 * Switch to the stack whose top is `top` and call fn(arg); never returns.
 *   rdi = arg (passed through), rsi = fn, rdx = top
 */
	.text
	.global call_on_stack
call_on_stack:
	mov	%rdx, %rsp
	xor	%ebp, %ebp
	call	*%rsi
	ud2					/* fn must not return */

	.section .bss
	.balign 16
boot_stack:
	.skip	16384
boot_stack_top:
