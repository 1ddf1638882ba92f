/* percpu.c - one CPU's own set-up, the same on the BSP and every AP (see arch/percpu.h). */
#include "arch/cpu.h"
#include "arch/percpu.h"
#include "arch/trap.h"
#include "syscall.h"

void cpu_local_init(struct percpu *pc)
{
	gdt_load(pc);                      /* its own GDT and TSS (this reloads GS: base set below) */
	idt_load();                        /* the shared IDT */
	cpu_enable();                      /* CR0, CR4, EFER, PAT, XCR0 as cpu_init chose for all */
	pc->self = pc;
	pc->user_sels = ~0ULL;             /* gdt_load left the kernel's DS and ES: no thread's */
	wrmsr(MSR_GS_BASE, (uint64_t)pc);
	wrmsr(MSR_KERNEL_GS_BASE, 0);      /* the first user process starts with GS.base 0 */
	/* rdtscp and rdpid tell user code which CPU it ran on, as on Linux
	 * (node << 12 | cpu, node 0); the vDSO's getcpu reads the same from
	 * the CPUNODE segment (gdt.c). */
	if (cpu.rdtscp || cpu.rdpid)
		wrmsr(MSR_TSC_AUX, pc->cpu & 0xfff);
	syscall_cpu_init();                /* STAR, LSTAR, CSTAR, FMASK, SYSENTER_*, percpu.dispatch */
}
