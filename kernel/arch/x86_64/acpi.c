/*
 * acpi.c - just enough ACPI to find the IOAPIC: RSDP -> XSDT (or RSDT) ->
 * the MADT ("APIC"), whose entries name each IOAPIC and every ISA IRQ
 * that is wired to a different input (an interrupt source override).
 * Its processor entries (Local APIC, Local x2APIC) say which CPUs there are
 * to start (arch/x86_64/smp.c). The tables lie in ACPI memory, which the direct map covers and the
 * frame allocator never hands out.
 */
#include "arch/irq.h"
#include "kernel.h"

struct rsdp {
	char sig[8];                   /* "RSD PTR " */
	uint8_t checksum, oem[6], revision;
	uint32_t rsdt;
	uint32_t length;               /* revision >= 2 from here on */
	uint64_t xsdt;
	uint8_t xchecksum, reserved[3];
} __attribute__((packed));

struct sdt {                       /* the header every table starts with */
	char sig[4];
	uint32_t length;
	uint8_t revision, checksum;
	char oem[6], oem_table[8];
	uint32_t oem_revision, creator, creator_revision;
} __attribute__((packed));

#define MADT_LAPIC    0
#define MADT_IOAPIC   1
#define MADT_OVERRIDE 2
#define MADT_X2APIC   9

#define MADT_CPU_ENABLED        1  /* Local (x2)APIC flags: usable now */
#define MADT_CPU_ONLINE_CAPABLE 2  /* ... or may be enabled at run time (ACPI 6.3) */

#define TABLE_MAX (64 * 1024)      /* no table we read is longer; firmware lengths are not trusted */

/* Note a processor with this APIC id and flags in m, once. */
static void add_cpu(struct madt_info *m, uint32_t apic_id, uint32_t flags)
{
	if (!(flags & (MADT_CPU_ENABLED | MADT_CPU_ONLINE_CAPABLE)) || m->ncpus == MADT_MAX_CPUS)
		return;
	for (unsigned i = 0; i < m->ncpus; i++)
		if (m->cpu_apic_id[i] == apic_id)
			return;
	m->cpu_apic_id[m->ncpus++] = apic_id;
}

/* The bytes of a valid table sum to 0. */
static bool sums_to_zero(const void *p, uint32_t n)
{
	uint8_t s = 0;

	for (uint32_t i = 0; i < n; i++)
		s += ((const uint8_t *)p)[i];
	return s == 0;
}

/* Is [pa, pa + n) mapped (the direct map), so reading it cannot fault? */
static bool mapped(uint64_t pa, uint64_t n)
{
	if (pa + n < pa || pa + n > (1ULL << 46))
		return false;
	for (uint64_t page = pa & ~0xfffULL; page < pa + n; page += 4096)
		if (vmm_translate((uint64_t)phys_to_virt(page)) == ~0ULL)
			return false;
	return true;
}

/* The table at pa if it is mapped, has signature sig, a sane length and a
 * zero checksum; else NULL. */
static const struct sdt *table_at(uint64_t pa, const char *sig)
{
	if (!mapped(pa, sizeof(struct sdt)))
		return NULL;
	const struct sdt *t = phys_to_virt(pa);
	if (memcmp(t->sig, sig, 4) || t->length < sizeof(*t) || t->length > TABLE_MAX ||
	    !mapped(pa, t->length) || !sums_to_zero(t, t->length))
		return NULL;
	return t;
}

/* The table with signature sig in the XSDT (8-byte entries) or RSDT (4-byte), or NULL. */
static const struct sdt *find_table(const struct rsdp *r, const char *sig)
{
	bool x = r->revision >= 2 && r->xsdt;
	const struct sdt *root = x ? table_at(r->xsdt, "XSDT") : table_at(r->rsdt, "RSDT");
	int width = x ? 8 : 4;

	if (!root)
		return NULL;
	const uint8_t *e = (const uint8_t *)(root + 1), *end = (const uint8_t *)root + root->length;
	for (; e + width <= end; e += width) {
		uint64_t pa = 0;
		memcpy(&pa, e, width);     /* entries are unaligned in the RSDT */
		const struct sdt *t = table_at(pa, sig);
		if (t)
			return t;
	}
	return NULL;
}

bool acpi_madt(uint64_t rsdp_phys, struct madt_info *m)
{
	if (!rsdp_phys)
		return false;
	if (!mapped(rsdp_phys, sizeof(struct rsdp)))
		return false;
	const struct rsdp *r = phys_to_virt(rsdp_phys);
	if (memcmp(r->sig, "RSD PTR ", 8) || !sums_to_zero(r, 20))
		return false;
	/* Revision 2 covers its whole length (the XSDT address too). */
	if (r->revision >= 2 && (r->length < sizeof(*r) || r->length > TABLE_MAX ||
				 !mapped(rsdp_phys, r->length) || !sums_to_zero(r, r->length)))
		return false;
	const struct sdt *madt = find_table(r, "APIC");
	if (!madt)
		return false;

	*m = (struct madt_info){ 0 };
	for (int i = 0; i < NIRQ; i++)
		m->isa_gsi[i] = i;
	/* After the header: the LAPIC address and flags (8 bytes), then
	 * variable-length entries {type, length, ...}. */
	const uint8_t *e = (const uint8_t *)(madt + 1) + 8, *end = (const uint8_t *)madt + madt->length;
	for (; e + 2 <= end && e[1] >= 2 && e + e[1] <= end; e += e[1]) {
		uint32_t gsi, id, cflags;
		uint16_t flags;
		if (e[0] == MADT_LAPIC && e[1] >= 8) {
			memcpy(&cflags, e + 4, 4);         /* {type, len, ACPI processor id, APIC id, flags} */
			add_cpu(m, e[3], cflags);
		} else if (e[0] == MADT_X2APIC && e[1] >= 16) {
			memcpy(&id, e + 4, 4);             /* {type, len, reserved[2], x2APIC id, flags, uid} */
			memcpy(&cflags, e + 8, 4);
			add_cpu(m, id, cflags);
		} else if (e[0] == MADT_IOAPIC && e[1] >= 12) {
			memcpy(&gsi, e + 8, 4);            /* this IOAPIC's first input */
			if (gsi == 0) {
				uint32_t addr;
				memcpy(&addr, e + 4, 4);
				m->ioapic_phys = addr;
			}
		} else if (e[0] == MADT_OVERRIDE && e[1] >= 10 && e[2] == 0 && e[3] < NIRQ) {
			memcpy(&gsi, e + 4, 4);            /* bus 0 (ISA), source IRQ e[3] */
			memcpy(&flags, e + 8, 2);
			m->isa_gsi[e[3]] = gsi;
			m->isa_flags[e[3]] = flags;
		}
	}
	return m->ioapic_phys != 0;
}
