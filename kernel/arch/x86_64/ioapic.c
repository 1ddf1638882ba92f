/*
 * ioapic.c - ISA device interrupts through the IOAPIC. The legacy 8259s
 * stay remapped and masked (lapic.c); the IOAPIC is found through the
 * ACPI MADT, which also says which input each ISA IRQ arrives on and with
 * what polarity and trigger. ISA IRQ n becomes vector VEC_IRQ0 + n,
 * delivered to this CPU's LAPIC; the LAPIC takes the EOI.
 */
#include "arch/irq.h"
#include "arch/trap.h"
#include "kernel.h"

#define IOREGSEL 0x00                 /* byte offsets of the two windows */
#define IOWIN    0x10
#define IOAPICVER 0x01
#define REDTBL(n) (0x10 + 2 * (n))   /* low dword of input n's entry; high is +1 */

#define RTE_LOW_ACTIVE (1u << 13)
#define RTE_LEVEL      (1u << 15)
#define RTE_MASKED     (1u << 16)

/* No MADT (no RSDP from the loader): the address every PC chipset,
 * q35's ICH9 included, puts the first IOAPIC at. */
#define IOAPIC_DEFAULT 0xfec00000UL

static volatile uint32_t *ioapic;
static unsigned ninputs;
static struct madt_info madt;
static void (*handlers[NIRQ])(void);

static uint32_t rd(uint32_t reg) { ioapic[IOREGSEL / 4] = reg; return ioapic[IOWIN / 4]; }
static void wr(uint32_t reg, uint32_t v) { ioapic[IOREGSEL / 4] = reg; ioapic[IOWIN / 4] = v; }

bool irq_init(void)
{
	bool from_acpi = acpi_madt(boot->rsdp, &madt);

	if (!from_acpi) {
		madt = (struct madt_info){ .ioapic_phys = IOAPIC_DEFAULT };
		for (int i = 0; i < NIRQ; i++)
			madt.isa_gsi[i] = i;
	}
	ioapic = phys_to_virt(madt.ioapic_phys);
	uint32_t ver = rd(IOAPICVER);
	ninputs = ((ver >> 16) & 0xff) + 1;
	if (ver == 0xffffffff || ninputs < NIRQ) {     /* nothing answers there */
		ioapic = NULL;
		kprintf("ioapic: none found; console input polled on the timer\n");
		return false;
	}
	for (unsigned i = 0; i < ninputs; i++)
		wr(REDTBL(i), RTE_MASKED);
	kprintf("ioapic: at phys 0x%lx (%s), %u inputs, all masked\n", madt.ioapic_phys,
		from_acpi ? "ACPI MADT" : "default address, no MADT", ninputs);
	return true;
}

bool irq_route(int irq, void (*fn)(void))
{
	uint32_t gsi = madt.isa_gsi[irq], low = VEC_IRQ0 + irq;
	uint16_t f = madt.isa_flags[irq];

	if (!ioapic || gsi >= ninputs)
		return false;
	/* MPS INTI flags: polarity in bits 0-1, trigger in bits 2-3; 0 means
	 * "as the bus says", which for ISA is active high, edge. */
	if ((f & 3) == 3)
		low |= RTE_LOW_ACTIVE;
	if (((f >> 2) & 3) == 3)
		low |= RTE_LEVEL;
	handlers[irq] = fn;
	wr(REDTBL(gsi) + 1, lapic_id() << 24);    /* physical destination: this CPU */
	wr(REDTBL(gsi), low);                     /* fixed delivery, unmasked */
	kprintf("ioapic: IRQ %d -> input %u -> vector %u\n", irq, gsi, VEC_IRQ0 + irq);
	return true;
}

void irq_dispatch(int irq)
{
	if (handlers[irq])
		handlers[irq]();
	lapic_eoi();
}
