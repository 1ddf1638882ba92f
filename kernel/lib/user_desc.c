/*
 * user_desc.c - struct user_desc <-> GDT descriptor, and which ones and
 * which selectors a user may have (lib/user_desc.h).
 */
#include "lib/user_desc.h"

#define DESC_TYPE_ACCESSED 1ULL
#define DESC_TYPE_WRITABLE 2ULL         /* data: writable; code: readable */
#define DESC_TYPE_CODE     8ULL

/* The form a slot's "delete me" takes: what get_thread_area reports for an
 * empty slot (Linux's LDT_empty; lm is not looked at: i386 has no such bit). */
static bool is_empty(const struct user_desc *u)
{
	return !u->base_addr && !u->limit && !u->contents && u->read_exec_only && !u->seg_32bit &&
	       !u->limit_in_pages && u->seg_not_present && !u->useable;
}

/* All zero (Linux's LDT_zero): what many programs pass to mean "no segment". */
static bool is_zero(const struct user_desc *u)
{
	return !u->base_addr && !u->limit && !u->contents && !u->read_exec_only && !u->seg_32bit &&
	       !u->limit_in_pages && !u->seg_not_present && !u->useable;
}

bool user_desc_okay(const struct user_desc *u)
{
	if (is_empty(u) || is_zero(u))
		return true;
	/* A 16-bit segment needs espfix (an LDT-only thing on Linux), code
	 * has no business in the TLS slots, and a not-present DPL 3 segment
	 * is an attack surface: Linux refuses all three. */
	return u->seg_32bit && u->contents <= 1 && !u->seg_not_present;
}

uint64_t user_desc_encode(const struct user_desc *u)
{
	if (is_empty(u) || is_zero(u))
		return 0;
	uint64_t base = u->base_addr, limit = u->limit & 0xfffff;
	uint64_t type = DESC_TYPE_ACCESSED | (u->read_exec_only ? 0 : DESC_TYPE_WRITABLE) | (uint64_t)u->contents << 2;

	return (limit & 0xffff) | (base & 0xffffff) << 16 | type << 40 | 1ULL << 44 /* S */ |
	       3ULL << 45 /* DPL */ | (uint64_t)!u->seg_not_present << 47 | (limit >> 16) << 48 |
	       (uint64_t)u->useable << 52 | (uint64_t)u->seg_32bit << 54 | (uint64_t)u->limit_in_pages << 55 |
	       (base >> 24) << 56;
}

uint32_t user_desc_base(uint64_t d)
{
	return (uint32_t)((d >> 16 & 0xffffff) | (d >> 56 & 0xff) << 24);
}

void user_desc_decode(uint64_t d, uint32_t idx, struct user_desc *u)
{
	unsigned type = d >> 40 & 0xf;

	*u = (struct user_desc){ .entry_number = idx };
	u->base_addr = user_desc_base(d);
	u->limit = (uint32_t)((d & 0xffff) | (d >> 48 & 0xf) << 16);
	u->seg_32bit = d >> 54 & 1;
	u->contents = type >> 2;
	u->read_exec_only = !(type & DESC_TYPE_WRITABLE);
	u->limit_in_pages = d >> 55 & 1;
	u->seg_not_present = !(d >> 47 & 1);
	u->useable = d >> 52 & 1;
	u->lm = d >> 53 & 1;
}

bool user_selector_loadable(uint16_t sel, const uint64_t *gdt, unsigned n)
{
	unsigned idx = sel >> 3;

	if (idx == 0 && !(sel & 4))
		return true;                    /* a null selector: loads, faults only when used */
	if ((sel & 4) || (sel & 3) != 3 || idx >= n)
		return false;                   /* the LDT (there is none), a kernel RPL, past the end */
	uint64_t d = gdt[idx];
	uint64_t type = d >> 40 & 0xf;
	bool present = d >> 47 & 1, s = d >> 44 & 1;
	unsigned dpl = d >> 45 & 3;

	return present && s && dpl == 3 && (!(type & DESC_TYPE_CODE) || (type & DESC_TYPE_WRITABLE));
}
