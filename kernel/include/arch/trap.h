/*
 * trap.h - the one frame every kernel entry builds.
 *
 * The assembly stubs push it from the bottom up: first the hardware part
 * (ss .. rip, pushed by the CPU or, for SYSCALL, by the stub), then error
 * and vector, then the general registers. Field order = memory order.
 */
#ifndef ARCH_TRAP_H
#define ARCH_TRAP_H

#include <stdbool.h>
#include <stdint.h>

struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector;         /* pushed by the stub */
	union {
		uint64_t error;          /* CPU error code, or 0 */
		uint64_t orig_rax;       /* a system call's number, as it came (Linux's orig_ax; -1: none) */
	};
	uint64_t rip, cs, rflags, rsp, ss; /* the iretq frame */
};

/* Segment selectors, Linux's numbers (see gdt.c for why they are in this order). */
#define KERNEL_CS 0x10
#define KERNEL_DS 0x18
#define USER32_CS 0x23
#define USER_DS   0x2b
#define USER_CS   0x33
#define TSS_SEL   0x40

/* Was the frame saved from compat mode (a 32-bit process, or a 64-bit one
 * that far-jumped to USER32_CS)? Its system calls use the i386 table. */
static inline int frame_is_compat(const struct trap_frame *tf)
{
	return tf->cs == USER32_CS;
}

/* Interrupt vectors the kernel uses besides the 32 exceptions. */
#define VEC_TIMER    32
#define VEC_IRQBENCH 33          /* the latency measurement's timer only (arch/x86_64/irqbench.S) */
#define VEC_IRQ0     48          /* 48..63: ISA IRQs 0..15 through the IOAPIC (arch/irq.h) */
#define VEC_RESCHEDULE    0xf0   /* IPI: reserved for the cross-CPU scheduler's wake-up (not sent yet) */
#define VEC_TLB_SHOOTDOWN 0xf1   /* IPI: reserved for TLB shootdowns (not sent yet) */
#define VEC_SPURIOUS 0xff

/* The page-fault error code's bits (the CPU's, Linux's names). */
#define X86_PF_PROT  0x01        /* 1: a protection violation, 0: not present */
#define X86_PF_WRITE 0x02
#define X86_PF_USER  0x04        /* from user mode */
#define X86_PF_INSTR 0x10        /* an instruction fetch (NX or SMEP on) */

/* C entry for every interrupt and exception (isr.S calls it). */
void trap(struct trap_frame *tf);
/* isr.S calls it for a user frame iretq cannot return to: SIGSEGV. */
void trap_bad_return(struct trap_frame *tf);

/* A user #PF in the vsyscall page (vsyscall.c): true when it was emulated
 * or its signal is set up, false to let the ordinary fault path have it. */
bool vsyscall_fault(struct trap_frame *tf);
/* The same without the big kernel lock, for a call that needs no more than
 * the clock (every good call): true when done; false leaves everything to
 * vsyscall_fault under the lock (CR2 as it was). */
bool vsyscall_fast(struct trap_frame *tf);

/* One exception-table entry: a fault at `insn` resumes at `fixup`. */
struct ex_entry {
	uint64_t insn;
	uint64_t fixup;
};

/*
 * Put in inline asm after a labelled instruction that may fault:
 *   "1: movq (%rsi), %rax\n" "2:\n" EX_TABLE(1b, 2b)
 */
#define EX_TABLE(insn, fixup) \
	".pushsection .ex_table, \"a\"\n\t.balign 8\n\t.quad " #insn ", " #fixup "\n\t.popsection\n\t"

/* The last exception the fixup table absorbed (for tests and diagnostics). */
struct trap_fixup_record {
	uint64_t count, vector, error, rip, cr2;
};
extern struct trap_fixup_record last_fixup;

struct percpu;
/* Load pc's own GDT and TSS (made on first use), its CPUNODE segment for
 * the vDSO's getcpu holding pc->cpu; segment registers reloaded. */
void gdt_load(struct percpu *pc);
void idt_init(void);                 /* fill the one IDT every CPU shares (idt_load loads it) */
void idt_load(void);
/* Point pc's TSS IST slots at guarded stacks once the VMM can make them. */
void tss_set_ist(struct percpu *pc, int ist, uint64_t top);
void tss_set_rsp0(uint64_t top);     /* this CPU's */
/* The user's FS and GS selectors as this CPU has them now: user code may
 * load any selector (`mov %ss, %gs`, a null selector 1..3), and each
 * thread keeps its own across a switch, as on Linux (fsgsbase selftest). */
uint16_t user_fs_sel(void);
uint16_t user_gs_sel(void);
/* Load the user's FS and GS selectors (only those that differ). Loading
 * one also loads a base (the descriptor's, or zero): the caller writes
 * the bases after, as Linux's x86_fsgsbase_load does. Interrupts off. */
void user_segs_load(uint16_t fs, uint16_t gs);

/* Print the frame's registers (used by panic). */
void trap_dump(const struct trap_frame *tf);   /* vector line + registers */
void regs_dump(const struct trap_frame *tf);   /* registers only */
const char *trap_name(uint64_t vector);

#endif
