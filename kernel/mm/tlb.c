/*
 * tlb.c - TLB shootdowns by IPI (Intel SDM vol. 3A 4.10.5, "Propagation of
 * paging-structure changes to multiple processors").
 *
 * Only the holder of the big kernel lock changes page tables, so one
 * request at a time is enough: the initiator writes what to flush, marks
 * each target CPU pending, sends each VEC_TLB_SHOOTDOWN, flushes its own
 * TLB, and waits until every target has cleared its mark. A target flushes
 * in the IPI (in user mode, or idle) or, spinning for a lock with
 * interrupts off, in tlb_poll: it never waits for the initiator, so the
 * wait ends. The targets are the CPUs whose current thread runs in the
 * space; a CPU that runs nothing loads the kernel's own CR3 before it
 * goes idle (sched.c), and every switch loads CR3 afresh, so no other CPU
 * can hold a stale entry of the space.
 */
#include "arch/cpu.h"
#include "arch/percpu.h"
#include "arch/smp.h"
#include "arch/trap.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/tlb.h"
#include "proc.h"

static struct {
	uint64_t va, npages;              /* what to flush: npages 0 = everything */
	volatile uint32_t pending[MAX_CPUS];  /* set by the initiator, cleared by each target */
} req;

uint64_t tlb_shootdowns;

/* Flush what req says from this CPU's TLB. */
static void flush_here(uint64_t va, uint64_t npages)
{
	if (npages == 0 || npages > 32) {
		write_cr3(read_cr3());            /* every non-global entry */
		return;
	}
	for (uint64_t i = 0; i < npages; i++)
		invlpg(va + i * PAGE_SIZE);
}

void tlb_poll(void)
{
	unsigned c = cpu_id();

	if (!__atomic_load_n(&req.pending[c], __ATOMIC_ACQUIRE))
		return;
	flush_here(req.va, req.npages);
	__atomic_store_n(&req.pending[c], 0, __ATOMIC_RELEASE);
}

void tlb_ipi(void)
{
	tlb_poll();
	lapic_eoi();
}

void tlb_flush_range(uint64_t root, uint64_t va, uint64_t npages)
{
	unsigned me = cpu_id(), targets = 0;

	if ((read_cr3() & PTE_ADDR) == root)
		flush_here(va, npages);
	for (unsigned c = 0; c < ncpus_online; c++) {
		struct proc *p = cpus[c].current;
		if (c == me || !p || p->cr3 != root)
			continue;
		if (!targets++)
			req.va = va, req.npages = npages;
		__atomic_store_n(&req.pending[c], 1, __ATOMIC_RELEASE);
		lapic_send_ipi(cpus[c].apic_id, VEC_TLB_SHOOTDOWN);
		tlb_shootdowns++;
	}
	for (unsigned c = 0; targets && c < ncpus_online; c++)
		while (__atomic_load_n(&req.pending[c], __ATOMIC_ACQUIRE))
			pause();
}
