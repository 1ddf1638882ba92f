/*
 * user_desc.h - i386 TLS segments (lib/user_desc.c): the struct user_desc
 * of set_thread_area(2) and get_thread_area(2), the 8-byte GDT descriptor
 * it stands for, and Linux's rules for which ones a user may install
 * (arch/x86/kernel/tls.c). Pure logic, host-tested.
 *
 * A descriptor (Intel SDM vol. 3A, 3.4.5), as one little-endian quadword:
 *   bits  0-15 limit 15:0    16-39 base 23:0    40-43 type (A, W/R, E/C, code)
 *   bit  44    S (1: code or data)    45-46 DPL   47 P (present)
 *   bits 48-51 limit 19:16   52 AVL   53 L (64-bit code)   54 D/B   55 G
 *   bits 56-63 base 31:24
 */
#ifndef LIB_USER_DESC_H
#define LIB_USER_DESC_H

#include <stdbool.h>
#include <stdint.h>

/* The three per-thread TLS slots of the GDT, Linux's numbers on an x86-64
 * kernel: selectors 0x63, 0x6b, 0x73 (index << 3 | RPL 3). */
#define GDT_ENTRY_TLS_MIN 12
#define GDT_ENTRY_TLS_ENTRIES 3
#define GDT_ENTRY_TLS_MAX (GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)

/* Does any of a thread's (or a GDT's) three TLS descriptors hold one? */
static inline bool tls_in_use(const uint64_t tls[GDT_ENTRY_TLS_ENTRIES])
{
	return (tls[0] | tls[1] | tls[2]) != 0;
}

/* <asm/ldt.h>'s layout, 16 bytes, the same for i386 and x86-64. */
struct user_desc {
	uint32_t entry_number;
	uint32_t base_addr;
	uint32_t limit;
	uint32_t seg_32bit : 1;
	uint32_t contents : 2;          /* 0 data, 1 expand-down data, 2 code */
	uint32_t read_exec_only : 1;
	uint32_t limit_in_pages : 1;
	uint32_t seg_not_present : 1;
	uint32_t useable : 1;           /* the AVL bit */
	uint32_t lm : 1;                /* 64-bit code: never installed */
};

/* May a user install u as a TLS segment (Linux's tls_desc_okay)? An
 * empty or all-zero u (it clears the slot) always; otherwise only a
 * present 32-bit data segment. */
bool user_desc_okay(const struct user_desc *u);
/* The descriptor u stands for: 0 for an empty or all-zero one, else a
 * DPL 3 segment with the accessed bit set and L clear (Linux's fill_ldt). */
uint64_t user_desc_encode(const struct user_desc *u);
/* Fill u from descriptor d in GDT slot idx (Linux's fill_user_desc); an
 * empty slot (0) reads back as the "empty" form: read_exec_only and
 * seg_not_present set, everything else 0. */
void user_desc_decode(uint64_t d, uint32_t idx, struct user_desc *u);
/* The 32-bit base of descriptor d. */
uint32_t user_desc_base(uint64_t d);
/* Could ring 3 load selector sel into DS, ES, FS or GS without a fault,
 * given the GDT gdt[n] (no LDT here)? The null selectors (index 0, any
 * RPL) yes; otherwise RPL 3, a present DPL 3 data or readable code
 * descriptor. */
bool user_selector_loadable(uint16_t sel, const uint64_t *gdt, unsigned n);

#endif
