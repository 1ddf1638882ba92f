/*
 * trampoline.S - where an AP starts: real mode -> protected mode -> long
 * mode -> the kernel (Intel SDM vol. 3A, "Multiple-processor (MP)
 * initialization" and "Initializing IA-32e mode").
 *
 * A start-up IPI starts the AP in real mode at CS = page << 8, IP = 0, so
 * the code between trampoline_start and trampoline_end is copied by smp.c
 * to a page below 1 MiB and runs there, at whatever address that is: every
 * absolute address it needs (its GDT's base, the far-jump targets) is in
 * the data block at its end, which smp.c fills in for the copy, and the
 * code reaches the block relative to the page's base (ds in real mode, ebx
 * after). The block also carries the BSP's control registers, so the AP
 * runs with exactly its CR0, CR4 and EFER.NXE from the first instruction
 * on (cpu_local_init then sets them again, the same way on every CPU).
 *
 * Paging needs tables whose root is below 4 GiB (a 32-bit mov to CR3):
 * smp.c builds a PML4 in the low pages beside the code, its upper half
 * copied from the kernel's (so the kernel image and stacks are mapped as
 * usual) and its slot 0 identity-mapping the first 2 MiB, which holds this
 * code, for the instant between enabling paging and jumping to the higher
 * half. In the kernel (ap_start64) the AP loads the kernel's own CR3,
 * which never has the identity map.
 */
	.section .rodata
	.balign 16
	.global trampoline_start, trampoline_end
	.global tr_gdt, tr_gdtr, tr_far32, tr_far64, tr_prot, tr_long
	.global tr_pml4, tr_cr4, tr_cr0, tr_efer, tr_cr3, tr_stack, tr_percpu, tr_entry

#define OFF(sym) (sym - trampoline_start)

	.code16
trampoline_start:
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	xorl	%ebx, %ebx
	movw	%ax, %bx
	shll	$4, %ebx			/* ebx = the page's physical address */
	lgdtl	OFF(tr_gdtr)
	movl	%cr0, %eax
	andl	$0x9fffffff, %eax		/* caches on (INIT leaves CD and NW set) */
	orl	$1, %eax			/* PE */
	movl	%eax, %cr0
	ljmpl	*OFF(tr_far32)			/* to tr_prot, with CS = the 32-bit code segment */

	.code32
tr_prot:
	movw	$0x10, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movl	OFF(tr_cr4)(%ebx), %eax		/* the BSP's CR4 (PAE and the rest) */
	movl	%eax, %cr4
	movl	OFF(tr_pml4)(%ebx), %eax
	movl	%eax, %cr3
	movl	$0xc0000080, %ecx		/* EFER: LME, and NXE as on the BSP */
	rdmsr
	orl	OFF(tr_efer)(%ebx), %eax
	wrmsr
	movl	OFF(tr_cr0)(%ebx), %eax		/* the BSP's CR0: PG on, so long mode is active */
	movl	%eax, %cr0
	ljmpl	*OFF(tr_far64)(%ebx)		/* to tr_long, with CS = the 64-bit code segment */

	.code64
tr_long:
	movl	%ebx, %ebx			/* the upper halves are undefined after the switch */
	movq	OFF(tr_stack)(%rbx), %rsp
	movq	OFF(tr_percpu)(%rbx), %rdi
	movq	OFF(tr_cr3)(%rbx), %rsi
	movq	OFF(tr_entry)(%rbx), %rax
	jmp	*%rax				/* ap_start64, in the higher half */

	.balign 8
tr_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff		/* 0x08: 32-bit code, 4 GiB */
	.quad	0x00cf92000000ffff		/* 0x10: data, 4 GiB */
	.quad	0x00af9a000000ffff		/* 0x18: 64-bit code */
tr_gdt_end:
tr_gdtr:
	.word	tr_gdt_end - tr_gdt - 1
	.long	0				/* base: the copy's tr_gdt (smp.c) */
	.balign 4
tr_far32:
	.long	0				/* the copy's tr_prot */
	.word	0x08
tr_far64:
	.long	0				/* the copy's tr_long */
	.word	0x18
tr_pml4:
	.long	0				/* the low PML4 (physical, below 1 MiB) */
tr_cr4:
	.long	0
tr_cr0:
	.long	0
tr_efer:
	.long	0				/* bits to set in EFER */
	.balign 8
tr_cr3:
	.quad	0				/* the kernel's own PML4 */
tr_stack:
	.quad	0				/* the AP's kernel stack top */
tr_percpu:
	.quad	0				/* its struct percpu */
tr_entry:
	.quad	0				/* ap_start64 */
trampoline_end:

/*
 * ap_start64(percpu, cr3): the AP's first instructions in the higher half,
 * on its own kernel stack: the kernel's page tables, then C.
 *   rdi = struct percpu *, rsi = the kernel's CR3
 */
	.text
	.global ap_start64
ap_start64:
	movq	%rsi, %cr3
	xorl	%ebp, %ebp			/* end of the frame-pointer chain */
	call	ap_main				/* smp.c; never returns */
	ud2
