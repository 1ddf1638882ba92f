/*
 * gdt.c - segments and the TSS.
 *
 * The order is fixed by SYSCALL/SYSRET (Intel SDM vol. 2B, SYSRET):
 *   SYSCALL loads CS = STAR[47:32],        SS = STAR[47:32] + 8
 *   SYSRET  loads CS = STAR[63:48] + 16,   SS = STAR[63:48] + 8   (RPL 3)
 * so kernel data follows kernel code, and user data sits between the 32-bit
 * user code segment (STAR[63:48] points at it: sysretl loads it, and
 * sysexit loads IA32_SYSENTER_CS + 16, the same slot) and 64-bit user
 * code. The numbers are Linux's, which user programs see (a 64-bit
 * process's CS is 0x33, a 32-bit one's 0x23, SS 0x2b for both) and some
 * test. 32-bit (compat-mode) programs run in 0x23; a far jump between
 * 0x23 and 0x33 switches a process between the modes (arch/trap.h:
 * frame_is_compat decides by the CS each entry saved).
 *
 *   0x00 null  0x08 (Linux's kernel 32-bit code, unused)  0x10 kernel code
 *   0x18 kernel data  0x23 user code 32  0x2b user data
 *   0x33 user code 64  0x38 unused  0x40 TSS (two slots)  0x50, 0x58 unused
 *   0x63 0x6b 0x73 TLS: the running thread's three set_thread_area(2)
 *        segments (GDT_ENTRY_TLS_MIN 12, lib/user_desc.h), which the
 *        context switch writes in (gdt_load_tls; empty: 0, not present)
 *   0x7b CPUNODE: a user data segment whose limit is the CPU's index (and
 *        node 0 above bit 12), which the vDSO's getcpu reads with `lsl`,
 *        in Linux's slot (GDT_ENTRY_CPUNODE 15).
 *
 * Every CPU has its own copy and its own TSS (its rsp0 and IST stacks):
 * a TSS descriptor is marked busy by ltr, so CPUs cannot share one.
 */
#include <stdint.h>

#include "arch/percpu.h"
#include "arch/smp.h"
#include "arch/trap.h"
#include "kernel.h"
#include "lib/user_desc.h"

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];          /* stack for entries from ring 3 (rsp[0]) */
	uint64_t reserved1;
	uint64_t ist[7];          /* IST1..IST7 */
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;      /* past the limit: no I/O bitmap, all ports denied to ring 3 */
} __attribute__((packed));

#define GDT_ENTRIES 16
#define CPUNODE_SEL 0x7b

/* The shared layout; each CPU copies it, then adds its TSS and CPUNODE. */
static const uint64_t gdt_template[GDT_ENTRIES] = {
	0,
	0,                        /* 0x08: unused */
	0x00af9a000000ffffULL,    /* 0x10 kernel code: P, DPL0, code, L=1 */
	0x00cf92000000ffffULL,    /* 0x18 kernel data: P, DPL0, data, writable */
	0x00cffa000000ffffULL,    /* 0x20 user code 32: P, DPL3, code, D=1 (32-bit), L=0, 4 GiB */
	0x00cff2000000ffffULL,    /* 0x28 user data: P, DPL3, writable */
	0x00affa000000ffffULL,    /* 0x30 user code 64: P, DPL3, L=1 */
	0,                        /* 0x38: unused */
	0, 0,                     /* 0x40 TSS, filled in by gdt_load */
	0, 0,                     /* 0x50, 0x58 unused */
	0, 0, 0,                  /* 0x63 .. 0x73 TLS, each thread's (gdt_load_tls) */
	0,                        /* 0x78 CPUNODE, filled in by gdt_load */
};

/* One CPU's descriptor tables. */
struct cpu_desc {
	uint64_t gdt[GDT_ENTRIES];
	struct tss tss;
} __attribute__((aligned(64)));

static struct cpu_desc desc[MAX_CPUS];

/* The BSP's early IST stacks; kmain swaps in guarded ones once the VMM is
 * up (an AP's are guarded from the start: smp.c sets them before it runs). */
static uint8_t early_ist[3][4096] __attribute__((aligned(16)));

void tss_set_ist(struct percpu *pc, int ist, uint64_t top) { desc[pc->cpu].tss.ist[ist - 1] = top; }
void tss_set_rsp0(uint64_t top) { this_cpu()->tss->rsp[0] = top; }

void gdt_load_tls(struct percpu *pc, const uint64_t tls[GDT_ENTRY_TLS_ENTRIES])
{
	uint64_t *gdt = desc[pc->cpu].gdt;

	/* Plain stores: the CPU reads a descriptor when a selector is loaded,
	 * never caches the table itself, so no lgdt is needed. */
	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		gdt[GDT_ENTRY_TLS_MIN + i] = tls[i];
	pc->tls_loaded = tls_in_use(tls);
}

bool gdt_user_selector_ok(struct percpu *pc, uint16_t sel)
{
	return user_selector_loadable(sel, desc[pc->cpu].gdt, GDT_ENTRIES);
}

void gdt_load(struct percpu *pc)
{
	struct cpu_desc *d = &desc[pc->cpu];
	struct tss *tss = &d->tss;
	uint64_t base = (uint64_t)tss, limit = sizeof(*tss) - 1;
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) gdtr = { sizeof(d->gdt) - 1, (uint64_t)d->gdt };

	for (int i = 0; i < GDT_ENTRIES; i++)
		d->gdt[i] = gdt_template[i];
	for (int i = 0; i < 3; i++)
		if (!tss->ist[i])
			tss->ist[i] = (uint64_t)early_ist[i] + sizeof(early_ist[i]);
	tss->iomap_base = sizeof(*tss);
	pc->tss = tss;

	/* 64-bit TSS descriptor: type 9 (available), P, base split over both slots. */
	d->gdt[TSS_SEL / 8] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ULL << 40) |
			      ((limit >> 16 & 0xf) << 48) | ((base >> 24 & 0xff) << 56);
	d->gdt[TSS_SEL / 8 + 1] = base >> 32;
	/* CPUNODE: P, DPL 3, read-only data (accessed), byte granular, limit =
	 * node << 12 | cpu (node 0): `lsl` from user mode reads it (Linux's
	 * vdso_read_cpunode, which prefers RDPID: TSC_AUX holds the same). */
	d->gdt[CPUNODE_SEL / 8] = (pc->cpu & 0xfff) | (0xf1ULL << 40) | (0x4ULL << 52);

	__asm__ volatile(
		"lgdt %0\n\t"
		/* Reload CS with a far return: push selector and target. */
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movw %2, %%ax\n\t"
		"movw %%ax, %%ds\n\t"
		"movw %%ax, %%es\n\t"
		"movw %%ax, %%ss\n\t"
		"xorl %%eax, %%eax\n\t"
		"movw %%ax, %%fs\n\t"
		"movw %%ax, %%gs\n\t"
		/* A null LDT. The firmware leaves LDTR as it found it, and
		 * its reset value (base 0, limit 0xffff) is a "valid" LDT
		 * at linear 0: a user's `lar`, `verr` or `mov` of an LDT
		 * selector would read user memory at index * 8 (a #PF at
		 * 0x40 for selector 0x47, Linux's sigreturn selftest)
		 * instead of failing as with no LDT (Linux: lldt 0). */
		"lldt %%ax\n\t"
		"movw %3, %%ax\n\t"
		"ltr %%ax\n\t"
		:
		: "m"(gdtr), "i"(KERNEL_CS), "i"(KERNEL_DS), "i"(TSS_SEL)
		: "rax", "memory");
}
