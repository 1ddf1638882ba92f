/* trap.c - where every interrupt and exception arrives (from isr.S). */
#include <stddef.h>
#include <stdint.h>

#include "arch/cpu.h"
#include "arch/fpu.h"
#include "arch/frame.h"
#include "arch/irq.h"
#include "arch/smp.h"
#include "arch/trap.h"
#include "api/abi.h"
#include "kernel.h"
#include "lock.h"
#include "mm/tlb.h"
#include "mm/pmm.h"
#include "mm/vm.h"
#include "proc.h"
#include "time/timer.h"


static const char *const names[32] = {
	"#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow",
	"#BR bound range", "#UD invalid opcode", "#NM device not available",
	"#DF double fault", "coprocessor segment overrun", "#TS invalid TSS",
	"#NP segment not present", "#SS stack fault", "#GP general protection",
	"#PF page fault", "reserved 15", "#MF x87 error", "#AC alignment check",
	"#MC machine check", "#XM SIMD error", "#VE virtualization", "#CP control protection",
};

struct trap_fixup_record last_fixup;

extern const struct ex_entry __ex_table_start[], __ex_table_end[];

const char *trap_name(uint64_t vector)
{
	if (vector < 32 && names[vector])
		return names[vector];
	return vector == VEC_TIMER ? "timer" : "interrupt";
}

/* Faults an ex_table entry may recover from: #DE, #UD, #NP, #SS, #GP, #PF, #AC,
 * never debug traps, NMI, breakpoints, overflow or machine checks. */
static int is_fault(uint64_t v)
{
	return v == 0 || v == 6 || v == 11 || v == 12 || v == 13 || v == 14 || v == 17;
}

/* The .ex_table entry of the instruction at rip (one that touches user
 * memory), or NULL. */
static const struct ex_entry *ex_entry_at(uint64_t rip)
{
	for (const struct ex_entry *e = __ex_table_start; e < __ex_table_end; e++)
		if (e->insn == rip)
			return e;
	return NULL;
}

/* Resolve a page fault at a user address: true when done (the access
 * goes again), false when it is a fault for the caller to report. Out of
 * memory ends the process (SIGKILL), never the kernel; a kernel copy
 * then fails with -EFAULT on the way out. */
static bool page_fault(struct trap_frame *tf, bool from_user)
{
	struct proc *p = current();
	uint64_t addr = read_cr2();
	int r = vm_fault(p->mm, p, addr, tf->error & (VM_WRITE | VM_EXEC));

	if (r == VM_OOM) {
		kprintf("kernel: out of memory: killed pid %d (%s) at 0x%lx, %lu KiB resident\n",
			p->pid, p->name, addr, vm_resident(p->mm) * (PAGE_SIZE / 1024));
		signal_send(p, SIGKILL);
	}
	if (r != VM_OK && !(r == VM_OOM && from_user))
		return false;
	p->min_flt += r == VM_OK;
	if (from_user && cpu_exit_work())
		exit_work(tf);
	return true;
}

/* A kernel fault at an instruction listed in .ex_table resumes at its fixup. */
static int fixup(struct trap_frame *tf)
{
	const struct ex_entry *e = ex_entry_at(tf->rip);

	if (!e)
		return 0;
	last_fixup = (struct trap_fixup_record){
		.count = last_fixup.count + 1, .vector = tf->vector,
		.error = tf->error, .rip = tf->rip,
		.cr2 = tf->vector == 14 ? read_cr2() : 0,
	};
	tf->rip = e->fixup;
	return 1;
}

void trap_dump(const struct trap_frame *tf)
{
	kprintf("  vector %lu (%s)  error 0x%lx  cr2 0x%016lx  cr3 0x%016lx\n",
		tf->vector, trap_name(tf->vector), tf->error, read_cr2(), read_cr3());
	regs_dump(tf);
}

void regs_dump(const struct trap_frame *tf)
{
	kprintf("  rip %016lx  cs %04lx  rflags %016lx  rsp %016lx  ss %04lx\n",
		tf->rip, tf->cs, tf->rflags, tf->rsp, tf->ss);
	kprintf("  rax %016lx  rbx %016lx  rcx %016lx  rdx %016lx\n", tf->rax, tf->rbx, tf->rcx, tf->rdx);
	kprintf("  rsi %016lx  rdi %016lx  rbp %016lx  r8  %016lx\n", tf->rsi, tf->rdi, tf->rbp, tf->r8);
	kprintf("  r9  %016lx  r10 %016lx  r11 %016lx  r12 %016lx\n", tf->r9, tf->r10, tf->r11, tf->r12);
	kprintf("  r13 %016lx  r14 %016lx  r15 %016lx\n", tf->r13, tf->r14, tf->r15);
	kprintf("  cr0 %016lx  cr4 %016lx  efer %016lx\n", read_cr0(), read_cr4(), rdmsr(MSR_EFER));
}

/* The signal a user-mode exception ends the process with (Linux's choice). */
static int fault_signal(uint64_t vector)
{
	switch (vector) {
	case 0: case 16: case 19: return SIGFPE;   /* #DE, #MF, #XM */
	case 1: case 3: return SIGTRAP;            /* #DB, #BP */
	case 6: case 7: return SIGILL;             /* #UD, #NM (never: CR0.TS stays clear) */
	case 10: case 11: case 12: case 17: return SIGBUS; /* #TS, #NP, #SS, #AC */
	default: return SIGSEGV;                   /* #GP, #PF, #BR, ... */
	}
}

/* trap_return found a user frame it cannot iretq to (isr.S): a
 * non-canonical rip or a selector that is not the user's. Linux's iret would
 * #GP and the kernel would report it as the user's own #GP: so do we
 * (SIGSEGV, SI_KERNEL, trapno 13, the frame's values in the handler's
 * context). */
void trap_bad_return(struct trap_frame *tf)
{
	kernel_lock();                          /* (from isr.S, like trap()) */
	if (!current())
		panic_frame(tf, "return to user rip 0x%lx cs 0x%lx ss 0x%lx, no process", tf->rip, tf->cs, tf->ss);
	tf->vector = 13;
	tf->error = 0;
	signal_fault(tf, SIGSEGV, tf->cs == USER_CS && tf->ss == USER_DS ? "return to a non-canonical address"
									 : "return to a segment that is not the user's");
	if (cpu_exit_work())
		exit_work(tf);
	kernel_unlock();
}

/* Everything but the NMI and the IPIs, under the big kernel lock. */
static void trap_locked(struct trap_frame *tf)
{
	bool from_user = (tf->cs & 3) == 3;

	if (tf->vector == VEC_TIMER) {
		timer_interrupt(tf);    /* the tick and its handlers (time/timer.h) */
		return;
	}
	if (tf->vector >= VEC_IRQ0 && tf->vector < VEC_IRQ0 + NIRQ) {
		irq_dispatch(tf->vector - VEC_IRQ0);
		/* A ^C typed while a process spins in user mode reaches it now. */
		if (from_user && current() && cpu_exit_work())
			exit_work(tf);
		return;
	}
	/* A call into the legacy vsyscall page, emulated (vsyscall.c). */
	if (tf->vector == 14 && from_user && vsyscall_fault(tf)) {
		if (cpu_exit_work())
			exit_work(tf);  /* a signal it raised, or one pending */
		return;
	}
	/* A page fault on a user address, the process's or a kernel copy's
	 * (an instruction in .ex_table): the regions say whether it is
	 * resolved (demand-zero, copy-on-write, stack growth) and the
	 * access tried again, or it is the process's SIGSEGV (or -EFAULT). */
	/* From user mode, a fault without X86_PF_USER is a supervisor access
	 * the CPU made for the user's instruction (a descriptor table read;
	 * QEMU TCG's far return to 32-bit code reads the user's stack so
	 * under SMAP, Linux's sysret_ss_attrs selftest). Mapping cannot
	 * cure it: trying again would loop for ever, so it is the process's
	 * SIGSEGV below (Linux treats it as a kernel fault and kills the task). */
	bool implicit = from_user && !(tf->error & X86_PF_USER);
	if (tf->vector == 14 && current() && current()->mm && (from_user || ex_entry_at(tf->rip)) && !implicit &&
	    page_fault(tf, from_user))
		return;
	/* NMI and machine checks are the machine's, not the process's. */
	if (from_user && current() && tf->vector < 32 && tf->vector != 2 && tf->vector != 18) {
		if (tf->vector == 14) {
			this_cpu()->fault_addr = read_cr2();  /* before a kernel fault can change it */
			/* A kernel-half address reads as a protection fault,
			 * mapped or not (Linux's sanitize_error_code). */
			if (this_cpu()->fault_addr >= USER_TOP)
				tf->error |= X86_PF_PROT;
		}
		if (tf->vector == 1) {
			this_cpu()->debug_status = read_dr6();
			write_dr6(DR6_RESET);
		}
		/* An x87 or SIMD error with no unmasked exception flagged is
		 * spurious: the instruction runs again (Linux does the same). */
		if ((tf->vector == 16 || tf->vector == 19) && !fpu_fault_code(tf->vector))
			return;
		signal_fault(tf, fault_signal(tf->vector), trap_name(tf->vector));
		if (cpu_exit_work())
			exit_work(tf);  /* other pending signals, and the rewrite is seen */
		return;             /* to the handler (or the process ended) */
	}
	if (is_fault(tf->vector) && !from_user && fixup(tf))
		return;
	panic_frame(tf, "%s in %s mode at rip 0x%lx", trap_name(tf->vector),
		    from_user ? "user" : "kernel", tf->rip);
}

void trap(struct trap_frame *tf)
{
	/* Another CPU's panic stops this one (never returns then). */
	if (tf->vector == 2 && smp_nmi(tf))
		return;
	if (tf->vector == VEC_SPURIOUS)
		return;                 /* spurious LAPIC interrupts take no EOI */
	/* The IPIs take no lock: a CPU holding it may be waiting for them. */
	if (tf->vector == VEC_TLB_SHOOTDOWN || tf->vector == VEC_RESCHEDULE || tf->vector == VEC_LOCK_WAKE) {
		this_cpu()->ipis++;
		if (tf->vector == VEC_TLB_SHOOTDOWN)
			tlb_ipi();      /* mm/tlb.c */
		else if (tf->vector == VEC_RESCHEDULE)
			sched_ipi(tf);  /* proc/sched.c: a wake-up, or a look at signals */
		else
			lapic_eoi();    /* the hlt in lock.c is over: that was all */
		return;
	}
	/* A good call into the vsyscall page reads the clock alone: no lock,
	 * as the system calls it stands for (sys/dispatch.c). */
	if (tf->vector == 14 && (tf->cs & 3) == 3 && vsyscall_fast(tf)) {
		if (cpu_exit_work())
			exit_work_locked(tf);
		return;
	}
	kernel_lock();
	trap_locked(tf);
	kernel_unlock();
}
