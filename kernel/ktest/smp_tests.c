/* smp_tests.c - every CPU the MADT lists is online, each with its own state (arch/smp.h). */
#include "arch/cpu.h"
#include "arch/smp.h"
#include "arch/trap.h"
#include "ktest.h"
#include "time/clock.h"

/* Spin with interrupts on for ms milliseconds (the APs' ticks and IPIs go on meanwhile). */
static void wait_ms(uint64_t ms)
{
	uint64_t t0 = rdtsc();

	while (tsc_to_ns(rdtsc() - t0) < ms * 1000000)
		pause();
}

void test_smp_all_online(void)
{
	KT_CHECK(ncpus_online >= 1 && ncpus_online <= MAX_CPUS);
	KT_CHECK(ncpus_online == smp_cpus_listed());       /* every processor in the MADT came up */
	KT_CHECK(cpu_id() == 0 && this_cpu() == &cpus[0]);
	KT_CHECK(cpus[0].apic_id == lapic_id());
	for (unsigned i = 0; i < ncpus_online; i++) {
		KT_CHECK(cpus[i].cpu == i && cpus[i].self == &cpus[i]);
		for (unsigned j = 0; j < i; j++)
			KT_CHECK(cpus[i].apic_id != cpus[j].apic_id);
	}
}

void test_smp_cpus_own_state(void)
{
	struct cpu_selfcheck b;

	smp_selfcheck(&b);                                 /* the BSP's, for comparison */
	KT_CHECK(b.gs_base == (uint64_t)&cpus[0] && b.kernel_gs_base == 0);
	KT_CHECK(b.tr == TSS_SEL && b.tss_base == (uint64_t)cpus[0].tss && b.cpunode == 0);
	KT_CHECK(!(cpu.rdtscp || cpu.rdpid) || b.tsc_aux == 0);
	for (unsigned i = 1; i < ncpus_online; i++) {
		const struct cpu_selfcheck *r = &ap_selfcheck[i];
		uint64_t ticks = cpus[i].ticks;

		kprintf("# cpu %u: LAPIC id %u, gs %lx, gdt %lx, tss %lx, sysenter_esp %lx\n", i, r->apic_id,
			r->gs_base, r->gdt_base, r->tss_base, r->sysenter_esp);
		/* Its own: the per-CPU area, GDT, TSS (and so rsp0 and IST stacks), sysenter stack, index. */
		KT_CHECK(r->apic_id == cpus[i].apic_id);
		KT_CHECK(r->gs_base == (uint64_t)&cpus[i] && r->kernel_gs_base == 0);
		KT_CHECK(r->gdt_base != b.gdt_base && r->tss_base == (uint64_t)cpus[i].tss && r->tss_base != b.tss_base);
		KT_CHECK(r->tr == TSS_SEL);
		KT_CHECK(r->cpunode == i);                          /* the vDSO's getcpu answer */
		KT_CHECK(!(cpu.rdtscp || cpu.rdpid) || r->tsc_aux == i);
		KT_CHECK(!cpu.sysenter32 || (r->sysenter_esp != b.sysenter_esp && r->sysenter_esp != 0));
		for (unsigned j = 1; j < i; j++)
			KT_CHECK(ap_selfcheck[j].gdt_base != r->gdt_base && ap_selfcheck[j].gs_base != r->gs_base);
		/* The BSP's: control registers, the IDT, the entry MSRs. */
		KT_CHECK(r->cr0 == b.cr0);
		KT_CHECK(r->cr4 == b.cr4);
		KT_CHECK(r->efer == b.efer);
		KT_CHECK(r->xcr0 == b.xcr0 && r->pat == b.pat);
		KT_CHECK(r->idt_base == b.idt_base);
		KT_CHECK(r->star == b.star && r->lstar == b.lstar && r->cstar == b.cstar && r->fmask == b.fmask);
		KT_CHECK(r->sysenter_cs == b.sysenter_cs && r->sysenter_eip == b.sysenter_eip);
		/* Its own LAPIC timer ticks (HZ = 100: a few in 50 ms). */
		wait_ms(50);
		KT_CHECK(cpus[i].ticks > ticks);
	}
}

void test_smp_ipi(void)
{
	for (unsigned i = 1; i < ncpus_online; i++) {
		uint64_t before = cpus[i].ipis;

		lapic_send_ipi(cpus[i].apic_id, VEC_RESCHEDULE);
		lapic_send_ipi(cpus[i].apic_id, VEC_TLB_SHOOTDOWN);
		lapic_send_ipi(cpus[i].apic_id, VEC_LOCK_WAKE);     /* (one nobody waits for: only acknowledged) */
		for (int n = 0; n < 100 && __atomic_load_n(&cpus[i].ipis, __ATOMIC_ACQUIRE) < before + 3; n++)
			wait_ms(1);
		KT_CHECK(cpus[i].ipis == before + 3);
	}
}
