/*
 * smp.h - every CPU the ACPI MADT lists: started at boot (arch/x86_64/smp.c),
 * each with its own struct percpu (arch/percpu.h), GDT, TSS, LAPIC timer and
 * idle loop.
 *
 * Each AP halts in ap_idle() (smp.c) until CPU 0's scheduler starts, then
 * runs its own scheduler (proc/sched.c) under the big kernel lock (lock.h).
 * The interfaces:
 *   cpu_id(), this_cpu()           this CPU's index and area (arch/percpu.h)
 *   cpus[i], ncpus_online          every online CPU's area, indexes 0 .. n-1
 *   lapic_send_ipi(apic_id, vec)   a fixed-vector IPI to one CPU (kernel.h)
 *   VEC_RESCHEDULE, VEC_TLB_SHOOTDOWN, VEC_LOCK_WAKE   the IPI vectors (arch/trap.h)
 */
#ifndef ARCH_SMP_H
#define ARCH_SMP_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/percpu.h"

struct trap_frame;

#define MAX_CPUS 16                /* CPUs beyond this many in the MADT are reported and left off */

extern struct percpu cpus[MAX_CPUS];   /* cpus[0] the BSP; the APs in MADT order */
extern volatile unsigned ncpus_online; /* cpus[0 .. ncpus_online) are up */
/* The CPUs that are online as a mask, bit n for CPU n: what an affinity may name. */
static inline uint64_t cpus_online(void) { return ncpus_online >= 64 ? ~0ULL : (1ULL << ncpus_online) - 1; }

/* What an AP found in its own registers once set up, for the BSP to
 * check (ktest smp_cpus_own_state): each CPU's own values and the ones
 * it must share with the BSP. */
struct cpu_selfcheck {
	uint64_t cr0, cr4, efer, xcr0, pat, tsc_aux;
	uint64_t gs_base, kernel_gs_base;
	uint64_t star, lstar, cstar, fmask, sysenter_cs, sysenter_esp, sysenter_eip;
	uint64_t gdt_base, idt_base, tss_base;  /* the descriptor tables it loaded (sgdt, sidt, TR's base) */
	uint16_t tr;                             /* str */
	uint32_t apic_id;                        /* what its LAPIC says */
	uint32_t cpunode;                        /* lsl on the vDSO's getcpu segment */
};

/* The record of CPU i (filled by the CPU itself: the BSP in the test). */
void smp_selfcheck(struct cpu_selfcheck *r);
extern struct cpu_selfcheck ap_selfcheck[MAX_CPUS];

/* Boot every AP in the MADT (INIT-SIPI-SIPI through a low trampoline),
 * each to its idle loop; print `smp: N CPUs online (LAPIC ids ...)`.
 * After lapic_init and timer_init (its delays use the calibrated TSC,
 * and each AP starts its own LAPIC timer at the BSP's rate). */
void smp_boot(void);
/* How many processors the MADT listed as enabled or online-capable (BSP
 * included), for the test; the ones past MAX_CPUS or unaddressable too. */
unsigned smp_cpus_listed(void);

/* This CPU's index found by its LAPIC id (no GS needed); 0 before the APs start. */
unsigned smp_cpu_by_lapic(void);
/* ktest panic-ap: make CPU 1 panic from its idle loop (CPU 0 without APs). */
void smp_test_panic_ap(void);

/* Panic: stop every other CPU by NMI; each prints its registers and halts.
 * Waits (bounded) for their reports. */
void smp_stop_others(void);
/* From trap() for an NMI: true when it was a panic's stop (never returns
 * then); false for any other NMI. Finds its CPU by LAPIC id, not GS: an
 * NMI may land between a swapgs and the return to user mode. */
bool smp_nmi(const struct trap_frame *tf);

#endif
