/*
 * test_user_desc.c - host tests for lib/user_desc.c: glibc's TLS request
 * encodes to the descriptor the SDM's layout gives, decodes back, the
 * empty and all-zero forms clear a slot, Linux's refusals, and which
 * selectors ring 3 may load.
 */
#include "check.h"
#include "lib/user_desc.h"

int main(void)
{
	CHECK_EQ(sizeof(struct user_desc), 16u);

	/* glibc's i386 TLS_INIT_TP: a flat 4 GiB writable data segment at the TCB. */
	struct user_desc g = { .entry_number = (uint32_t)-1, .base_addr = 0x12345678, .limit = 0xfffff,
			       .seg_32bit = 1, .limit_in_pages = 1, .useable = 1 };
	CHECK(user_desc_okay(&g));
	CHECK_EQ(user_desc_encode(&g), 0x12dff3345678ffffULL);   /* G D AVL, P DPL3 S, type A|W */
	CHECK_EQ(user_desc_base(user_desc_encode(&g)), 0x12345678u);
	struct user_desc back;
	user_desc_decode(user_desc_encode(&g), 12, &back);
	CHECK_EQ(back.entry_number, 12u);
	CHECK_EQ(back.base_addr, 0x12345678u);
	CHECK_EQ(back.limit, 0xfffffu);
	CHECK(back.seg_32bit && back.limit_in_pages && back.useable && !back.contents);
	CHECK(!back.read_exec_only && !back.seg_not_present && !back.lm);

	/* The flat user data segment, as the GDT's 0x2b has it (plus accessed). */
	struct user_desc flat = { .limit = 0xfffff, .seg_32bit = 1, .limit_in_pages = 1 };
	CHECK_EQ(user_desc_encode(&flat), 0x00cff3000000ffffULL);

	/* Read-only and expand-down data are fine; lm is ignored (L stays clear). */
	struct user_desc ro = flat;
	ro.read_exec_only = 1, ro.contents = 1, ro.lm = 1;
	CHECK(user_desc_okay(&ro));
	CHECK_EQ(user_desc_encode(&ro), 0x00cff5000000ffffULL);

	/* Empty and all-zero: allowed, and they clear the slot. */
	struct user_desc empty = { .read_exec_only = 1, .seg_not_present = 1 };
	struct user_desc zero = { 0 };
	CHECK(user_desc_okay(&empty) && user_desc_okay(&zero));
	CHECK_EQ(user_desc_encode(&empty), 0ULL);
	CHECK_EQ(user_desc_encode(&zero), 0ULL);
	empty.lm = 1;                                             /* lm is not looked at */
	CHECK_EQ(user_desc_encode(&empty), 0ULL);
	user_desc_decode(0, 13, &back);                           /* an empty slot reads back empty */
	CHECK(back.entry_number == 13 && back.read_exec_only && back.seg_not_present);
	CHECK(!back.base_addr && !back.limit && !back.seg_32bit && !back.contents && !back.useable);

	/* Linux's refusals: 16-bit, code, not present. */
	struct user_desc bad = flat;
	bad.seg_32bit = 0;
	CHECK(!user_desc_okay(&bad));
	bad = flat, bad.contents = 2;
	CHECK(!user_desc_okay(&bad));
	bad = flat, bad.contents = 3;
	CHECK(!user_desc_okay(&bad));
	bad = flat, bad.seg_not_present = 1;
	CHECK(!user_desc_okay(&bad));
	bad = zero, bad.useable = 1;                              /* not quite zero: a 16-bit segment */
	CHECK(!user_desc_okay(&bad));

	/* Selectors: a GDT like the kernel's, with TLS slot 12 in use. */
	uint64_t gdt[16] = { 0 };
	gdt[2] = 0x00af9a000000ffffULL;                           /* kernel code */
	gdt[3] = 0x00cf92000000ffffULL;                           /* kernel data */
	gdt[4] = 0x00cffa000000ffffULL;                           /* user code 32 (readable) */
	gdt[5] = 0x00cff2000000ffffULL;                           /* user data */
	gdt[8] = 0x0000890000000067ULL;                           /* a TSS (system) */
	gdt[12] = user_desc_encode(&g);
	gdt[14] = 0x00cff8000000ffffULL;                          /* execute-only code, DPL 3 */
	for (uint16_t s = 0; s < 4; s++)
		CHECK(user_selector_loadable(s, gdt, 16));        /* every null selector */
	CHECK(user_selector_loadable(0x2b, gdt, 16));
	CHECK(user_selector_loadable(0x23, gdt, 16));
	CHECK(user_selector_loadable(0x63, gdt, 16));
	CHECK(!user_selector_loadable(0x60, gdt, 16));            /* RPL 0 */
	CHECK(!user_selector_loadable(0x6b, gdt, 16));            /* an empty slot */
	CHECK(!user_selector_loadable(0x73, gdt, 16));            /* execute-only code */
	CHECK(!user_selector_loadable(0x1b, gdt, 16));            /* DPL 0 data */
	CHECK(!user_selector_loadable(0x43, gdt, 16));            /* the TSS */
	CHECK(!user_selector_loadable(0x2f, gdt, 16));            /* the LDT */
	CHECK(!user_selector_loadable(0x07, gdt, 16));            /* LDT index 0 is no null selector */
	CHECK(!user_selector_loadable(0x83, gdt, 16));            /* past the end */
	return check_done();
}
