/* idt.c - the interrupt descriptor table. */
#include <stdint.h>

#include "arch/trap.h"

struct gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t ist;
	uint8_t type;             /* P | DPL | 0xE (64-bit interrupt gate: IF cleared on entry) */
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t reserved;
} __attribute__((packed));

static struct gate idt[256];

extern const uint64_t isr_table[33];
extern const uint64_t isr_spurious;
extern const uint64_t isr_irq_table[16];  /* VEC_IRQ0 .. VEC_IRQ0 + 15 */
extern const uint64_t isr_ipi_table[3];   /* VEC_RESCHEDULE, VEC_TLB_SHOOTDOWN, VEC_LOCK_WAKE */
void int80_entry(void);               /* entry.S */
void isr_irqbench(void);              /* irqbench.S */

/* Fill gate v: handler address, IST slot (0 = none), privilege needed to `int` it. */
static void set_gate(int v, uint64_t handler, int ist, int dpl)
{
	idt[v] = (struct gate){
		.off_lo = handler & 0xffff,
		.sel = KERNEL_CS,
		.ist = ist,
		.type = 0x8e | (dpl << 5),
		.off_mid = (handler >> 16) & 0xffff,
		.off_hi = handler >> 32,
	};
}

void idt_init(void)
{
	for (int v = 0; v < 33; v++)
		set_gate(v, isr_table[v], 0, 0);
	/* Faults that can strike on a bad stack get a known-good one (TSS IST). */
	set_gate(8, isr_table[8], 1, 0);    /* #DF */
	set_gate(2, isr_table[2], 2, 0);    /* NMI */
	set_gate(18, isr_table[18], 3, 0);  /* #MC */
	set_gate(VEC_SPURIOUS, isr_spurious, 0, 0);
	for (int i = 0; i < 16; i++)
		set_gate(VEC_IRQ0 + i, isr_irq_table[i], 0, 0);
	set_gate(VEC_IRQBENCH, (uint64_t)isr_irqbench, 0, 0);
	set_gate(VEC_RESCHEDULE, isr_ipi_table[0], 0, 0);
	set_gate(VEC_TLB_SHOOTDOWN, isr_ipi_table[1], 0, 0);
	set_gate(VEC_LOCK_WAKE, isr_ipi_table[2], 0, 0);
	/* The gates user mode may raise with `int`, as on Linux: the legacy
	 * system call, and int3/`int $3` (#BP: SIGTRAP) and `int $4` (#OF:
	 * SIGSEGV). Every other gate has DPL 0, so `int $n` from ring 3 gets
	 * #GP (SIGSEGV). */
	set_gate(0x80, (uint64_t)int80_entry, 0, 3);
	set_gate(3, isr_table[3], 0, 3);
	set_gate(4, isr_table[4], 0, 3);
}

/* Every CPU loads the same table (its IST numbers index each CPU's own TSS). */
void idt_load(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) idtr = { sizeof(idt) - 1, (uint64_t)idt };

	__asm__ volatile("lidt %0" : : "m"(idtr));
}
