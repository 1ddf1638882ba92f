/*
 * panic.c - the end of the line: one recognisable `KERNEL PANIC:` line, the
 * registers of this CPU and then of every other one (each stopped by an
 * NMI: arch/smp.h), and a failure exit status for the host.
 */
#include "arch/cpu.h"
#include "arch/smp.h"
#include "arch/trap.h"
#include "kernel.h"
#include "syscall.h"

static int panicking = -1;         /* the CPU that panicked first, or -1 */

static void vpanic(const struct trap_frame *tf, const char *fmt, va_list ap)
{
	int me, first = -1;

	cli();
	me = (int)smp_cpu_by_lapic();      /* by LAPIC id: GS may be the user's in an NMI */
	if (!__atomic_compare_exchange_n(&panicking, &first, me, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
		if (first == me)           /* a panic while panicking: just stop */
			machine_exit(KEXIT_PANIC);
		for (;;)                   /* another CPU's panic reports; its NMI stops this one */
			hlt();
	}
	console_unlocked = true;           /* a CPU stopped mid-line must not hold the console */
	kprintf("\nKERNEL PANIC: ");
	kvprintf(fmt, ap);
	kprintf("\n");
	if (ncpus_online > 1)
		kprintf("  on cpu %d (LAPIC id %u) of %u online\n", me, cpus[me].apic_id, ncpus_online);
	if (tf) {
		trap_dump(tf);
	} else {
		struct trap_frame here = { 0 };
		__asm__ volatile("leaq (%%rip), %0; movq %%rsp, %1; movq %%rbp, %2"
				 : "=r"(here.rip), "=r"(here.rsp), "=r"(here.rbp));
		here.rflags = read_rflags();
		kprintf("  (called by the kernel, not from a trap)  cr2 0x%016lx  cr3 0x%016lx\n",
			read_cr2(), read_cr3());
		regs_dump(&here);
	}
	smp_stop_others();                 /* each prints its registers, then halts */
	/* Frame-pointer backtrace: every kernel function that calls others keeps
	 * rbp (-fno-omit-frame-pointer). Leaf functions and the dispatcher do not,
	 * so a fault inside one may show a short or odd trace; each step is
	 * checked against the page tables, so it is never unsafe. */
	uint64_t *fp = tf ? (uint64_t *)tf->rbp : __builtin_frame_address(0);
	kprintf("  backtrace:");
	for (int i = 0; i < 16 && (uint64_t)fp >= DIRECT_MAP_BASE && ((uint64_t)fp & 7) == 0; i++) {
		if (vmm_translate((uint64_t)fp) == ~0ULL || vmm_translate((uint64_t)(fp + 1)) == ~0ULL)
			break;
		kprintf(" %lx", fp[1]);
		fp = (uint64_t *)fp[0];
	}
	kprintf("\n");
	syscall_ring_dump();
	machine_exit(KEXIT_PANIC);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic(NULL, fmt, ap);
	va_end(ap);
	__builtin_unreachable();
}

void panic_frame(const struct trap_frame *tf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic(tf, fmt, ap);
	va_end(ap);
	__builtin_unreachable();
}
