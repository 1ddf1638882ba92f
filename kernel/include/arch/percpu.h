/*
 * percpu.h - the per-CPU area, reached through GS in the kernel.
 *
 * While the CPU runs kernel code, GS.base points at this CPU's struct
 * percpu; while it runs user code, GS.base is the user's and the kernel's
 * pointer waits in MSR_KERNEL_GS_BASE. Every entry from user mode (and
 * only from user mode) does swapgs first. The assembly entry stubs get
 * the PC_* offsets of its fields generated (arch/x86_64/asm-offsets.c).
 */
#ifndef ARCH_PERCPU_H
#define ARCH_PERCPU_H

/* exit_work bits: what the way back to user mode must do first. */
#define EXIT_SIGNAL 1            /* deliver pending signals */
#define EXIT_IRET   2            /* C code rewrote the user frame: leave by iretq */
#define EXIT_RSEQ   4            /* switched back in with an rseq area: refresh it, abort a section */

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct proc;
struct trap_frame;
struct tss;

struct percpu {
	struct percpu *self;        /* so C can find the area: mov %gs:0 */
	uint64_t kstack_top;        /* loaded into rsp by the syscall stub */
	uint64_t user_rsp;          /* scratch for the syscall stub */
	struct proc *current;       /* the process this CPU runs */
	uint64_t int80_calls;       /* counters for trapdoor_stats */
	uint64_t syscall_calls;
	uint64_t sysret_fallbacks;  /* syscall entries that had to leave by iretq */
	uint64_t user_faults;
	uint64_t exit_work;         /* EXIT_* bits for the current process */
	long (*dispatch)(struct trap_frame *tf);  /* syscall_dispatch, or the ring's */
	uint64_t fault_addr;        /* CR2 of the last user page fault (later kernel faults overwrite CR2) */
	uint64_t debug_status;      /* DR6 of the last user #DB */
	uint64_t int80_32_calls;    /* int $0x80 from compat mode (int80_calls: from 64-bit mode) */
	uint64_t sysenter_calls;    /* sysenter (from compat mode, Intel vendors) */
	uint64_t syscall32_calls;   /* syscall from compat mode (CSTAR) */
	uint64_t sysexit_fallbacks; /* sysenter entries that had to leave by iretq */
	uint64_t sysretl_fallbacks; /* compat syscall entries that had to leave by iretq */
	long (*dispatch32)(struct trap_frame *tf);  /* syscall32_dispatch, or the ring's */
	uint64_t vsyscall_calls;    /* calls into the vsyscall page emulated (arch/x86_64/vsyscall.c) */
	uint64_t fast32_pad;        /* the current process's 32-bit vDSO landing pad, 0 for a 64-bit one:
				     * the sysenter and compat-syscall stubs' return eip (fast32.c) */
	uint32_t cpu;               /* this CPU's index: 0 the BSP, then the APs in MADT order (arch/smp.h) */
	uint32_t apic_id;           /* its local APIC's id, what IPIs are addressed to */
	struct tss *tss;            /* its own TSS (gdt.c): rsp0 and the IST stacks */
	uint64_t ticks;             /* its own LAPIC timer's interrupts */
	uint64_t ipis;              /* IPIs it took (VEC_RESCHEDULE, _TLB_SHOOTDOWN, _LOCK_WAKE) */
	uint64_t user_sels;         /* the user DS, ES, FS, GS it holds as of the last save (struct
				     * user_sels' packed form; ~0 before any): the switch's fast path */
	bool tls_loaded;            /* its GDT's TLS slots hold some thread's nonzero descriptors */
};

/* Has the way back to user mode work to do (percpu.exit_work)? */
static inline bool cpu_exit_work(void)
{
	__asm__ goto("cmpq $0, %%gs:%c0\n\tjne %l1" : : "i"(offsetof(struct percpu, exit_work)) : "cc", "memory" : work);
	return false;
work:
	return true;
}

/* This CPU's area (every CPU has its own: arch/smp.h has the array). */
static inline struct percpu *this_cpu(void)
{
	struct percpu *p;
	__asm__("movq %%gs:0, %0" : "=r"(p));
	return p;
}

/* This CPU's index (percpu.cpu): 0 the BSP, 1.. the APs. Only stable
 * while nothing can move the caller to another CPU (today: always, as
 * kernel code runs with interrupts off and processes only on CPU 0). */
static inline unsigned cpu_id(void)
{
	uint32_t c;
	__asm__("movl %%gs:%c1, %0" : "=r"(c) : "i"(offsetof(struct percpu, cpu)));
	return c;
}

/*
 * Everything one CPU keeps of its own, set up the same way on the BSP at
 * boot and on each AP as it starts (the one function for both): its GDT
 * and TSS, the shared IDT, CR0/CR4/EFER/XCR0 as cpu_init chose for all,
 * PAT, GS.base = pc (KERNEL_GS_BASE 0), TSC_AUX = its index, and the
 * SYSCALL/SYSENTER MSRs with the dispatchers. Not the LAPIC (lapic.c).
 */
void cpu_local_init(struct percpu *pc);

#endif
#endif
