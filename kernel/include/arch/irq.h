/*
 * irq.h - legacy ISA device interrupts: where the interrupt controller is
 * (acpi.c reads the MADT), and routing ISA IRQs through the IOAPIC to
 * vectors VEC_IRQ0 + irq (ioapic.c).
 */
#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#define NIRQ     16                /* ISA IRQs 0..15 */
#define IRQ_KBD  1                 /* the PS/2 keyboard (i8042 port 1) */
#define IRQ_COM1 4

#define MADT_MAX_CPUS 256          /* processors the MADT parse keeps (arch/smp.h starts MAX_CPUS) */

/* What the ACPI MADT says about the IOAPIC that serves the ISA IRQs, and
 * the processors. */
struct madt_info {
	uint64_t ioapic_phys;          /* the IOAPIC whose inputs start at GSI 0 */
	uint32_t isa_gsi[NIRQ];        /* ISA IRQ -> global system interrupt */
	uint16_t isa_flags[NIRQ];      /* MPS INTI flags of an override, 0 = ISA's defaults */
	/* Every processor (Local APIC and Local x2APIC entries) whose flags
	 * say enabled or online-capable, in table order, each APIC id once. */
	uint32_t cpu_apic_id[MADT_MAX_CPUS];
	unsigned ncpus;
};

/* Fill m from the MADT under the loader's RSDP (ISA IRQs identity-mapped
 * unless overridden). false when there is no RSDP, MADT or IOAPIC (the
 * processors found are in m even then). */
bool acpi_madt(uint64_t rsdp_phys, struct madt_info *m);

/* Find the IOAPIC and mask all its inputs; false when there is none. */
bool irq_init(void);
/* Route ISA IRQ irq to vector VEC_IRQ0 + irq on this CPU and unmask it;
 * fn runs for each interrupt (interrupts off). false without an IOAPIC. */
bool irq_route(int irq, void (*fn)(void));
/* From trap(): run the IRQ's handler, then EOI. */
void irq_dispatch(int irq);

/* arch/x86_64/ps2kbd.c: the PS/2 keyboard behind the i8042 controller. */
bool kbd_init(void);               /* false when there is no controller */
int kbd_getc(void);                /* the next typed character, or -1 when none is waiting */

#endif
