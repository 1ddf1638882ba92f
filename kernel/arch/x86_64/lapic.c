/*
 * lapic.c - the local APIC (xAPIC, memory-mapped through the direct map) and
 * the legacy 8259 PICs, which are remapped away from the exception vectors
 * and masked: every interrupt we use comes from the LAPIC (the timer) or
 * from the IOAPIC through it (devices, ioapic.c).
 */
#include "arch/cpu.h"
#include "arch/trap.h"
#include "kernel.h"

#define LAPIC_ID       0x020
#define LAPIC_TPR      0x080
#define LAPIC_EOI      0x0b0
#define LAPIC_SVR      0x0f0
#define LAPIC_ICR_LO   0x300         /* writing it sends the IPI */
#define LAPIC_ICR_HI   0x310         /* bits 31:24: the destination's APIC id */
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR  0x390
#define LAPIC_TIMER_DIV  0x3e0

#define LVT_MASKED   (1u << 16)
#define LVT_ONESHOT  (0u << 17)      /* the timer mode, bits 18:17 */
#define LVT_PERIODIC (1u << 17)
#define LVT_TSC_DEADLINE (2u << 17)

#define ICR_FIXED    (0u << 8)       /* delivery modes, bits 10:8 */
#define ICR_NMI      (4u << 8)
#define ICR_INIT     (5u << 8)
#define ICR_STARTUP  (6u << 8)
#define ICR_PENDING  (1u << 12)      /* delivery status: not sent yet */
#define ICR_ASSERT   (1u << 14)      /* level: assert (every IPI but INIT de-assert) */
#define ICR_ALL_BUT_SELF (3u << 18)  /* destination shorthand */

#define DIV_BY_1     0xb             /* LAPIC_TIMER_DIV encodings */
#define DIV_BY_16    0x3

static volatile uint32_t *lapic;

static uint32_t rd(uint32_t reg) { return lapic[reg / 4]; }
static void wr(uint32_t reg, uint32_t v) { lapic[reg / 4] = v; }

/* Remap the PICs to 0x20/0x28 (so a stray IRQ is not an exception) and mask all. */
static void pic_disable(void)
{
	outb(0x20, 0x11); outb(0xa0, 0x11);   /* ICW1: init, expect ICW4 */
	outb(0x21, 0x20); outb(0xa1, 0x28);   /* ICW2: vector offsets */
	outb(0x21, 0x04); outb(0xa1, 0x02);   /* ICW3: cascade on IRQ2 */
	outb(0x21, 0x01); outb(0xa1, 0x01);   /* ICW4: 8086 mode */
	outb(0x21, 0xff); outb(0xa1, 0xff);   /* mask everything */
}

void lapic_init(void)
{
	uint64_t base = rdmsr(MSR_APIC_BASE);

	pic_disable();
	lapic = phys_to_virt(base & 0xffffff000UL);     /* every CPU's LAPIC is at the same address */
	lapic_cpu_init();
	kprintf("lapic: at phys 0x%lx, legacy PIC masked\n", base & 0xffffff000UL);
}

void lapic_cpu_init(void)
{
	wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) | (1 << 11));   /* global enable */
	wr(LAPIC_SVR, 0x100 | VEC_SPURIOUS);             /* software enable */
	wr(LAPIC_TPR, 0);                                /* accept every priority */
	wr(LAPIC_LVT_TIMER, LVT_MASKED);
	wr(LAPIC_TIMER_DIV, DIV_BY_16);                  /* LAPIC_TIMER_DIVISOR */
}

/* Send one IPI: destination first (the low word's write sends it), then
 * wait until the LAPIC has taken it. Callers run with interrupts off, so
 * nothing on this CPU can write the ICR between the two stores. */
static void send_icr(uint32_t apic_id, uint32_t lo)
{
	wr(LAPIC_ICR_HI, apic_id << 24);
	wr(LAPIC_ICR_LO, lo);
	while (rd(LAPIC_ICR_LO) & ICR_PENDING)
		__asm__ volatile("pause");
}

void lapic_send_ipi(uint32_t apic_id, uint8_t vector) { send_icr(apic_id, ICR_ASSERT | ICR_FIXED | vector); }
void lapic_send_init(uint32_t apic_id) { send_icr(apic_id, ICR_ASSERT | ICR_INIT); }
void lapic_send_sipi(uint32_t apic_id, uint8_t page) { send_icr(apic_id, ICR_ASSERT | ICR_STARTUP | page); }
void lapic_send_nmi_others(void) { send_icr(0, ICR_ASSERT | ICR_ALL_BUT_SELF | ICR_NMI); }

void lapic_eoi(void) { wr(LAPIC_EOI, 0); }

uint32_t lapic_id(void) { return rd(LAPIC_ID) >> 24; }

/* Count down from the maximum, masked: lets the calibration read the rate. */
void lapic_timer_oneshot_max(void)
{
	wr(LAPIC_LVT_TIMER, LVT_MASKED);
	wr(LAPIC_TIMER_INIT, 0xffffffff);
}

uint32_t lapic_timer_current(void) { return rd(LAPIC_TIMER_CUR); }

void lapic_timer_periodic(uint8_t vector, uint32_t count)
{
	if (cpu.tsc_deadline)
		wrmsr(MSR_TSC_DEADLINE, 0);              /* disarmed, whatever the mode was */
	wr(LAPIC_TIMER_DIV, DIV_BY_16);
	wr(LAPIC_LVT_TIMER, LVT_PERIODIC | vector);
	wr(LAPIC_TIMER_INIT, count);
}

/* The measurement's modes (time/irqbench.c). Neither arms anything yet. */
void lapic_timer_tsc_deadline(uint8_t vector)
{
	wr(LAPIC_TIMER_INIT, 0);                         /* stop the periodic count */
	wr(LAPIC_LVT_TIMER, LVT_TSC_DEADLINE | vector);
	/* The SDM asks for a fence between the LVT's MMIO write and the
	 * first IA32_TSC_DEADLINE write, or the MSR may see the old mode. */
	__asm__ volatile("mfence" ::: "memory");
}

void lapic_timer_oneshot(uint8_t vector)
{
	wr(LAPIC_TIMER_INIT, 0);
	wr(LAPIC_TIMER_DIV, DIV_BY_1);                   /* the finest deadline: one input clock */
	wr(LAPIC_LVT_TIMER, LVT_ONESHOT | vector);
}

uint64_t lapic_timer_arm(uint32_t count)
{
	uint32_t lo, hi;

	/* The TSC read and the store that starts the count back to back, so
	 * the returned TSC is as close to the count's start as it can be
	 * (under icount: exactly one instruction before it). */
	__asm__ volatile("lfence; rdtsc; movl %2, (%3)"
			 : "=&a"(lo), "=&d"(hi) : "r"(count), "r"(&lapic[LAPIC_TIMER_INIT / 4]) : "memory");
	return (uint64_t)hi << 32 | lo;
}
