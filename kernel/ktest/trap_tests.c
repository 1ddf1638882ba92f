/* trap_tests.c - exceptions are caught and reported; the framebuffer draws. */
#include "arch/cpu.h"
#include "arch/trap.h"
#include "ktest.h"

void test_trap_fixup_ud(void)
{
	uint64_t before = last_fixup.count, rip;

	/* ud2 raises #UD; the exception table resumes at 2:. */
	__asm__ volatile("leaq 1f(%%rip), %0\n1: ud2\n2:\n" EX_TABLE(1b, 2b) : "=r"(rip));
	KT_CHECK(last_fixup.count == before + 1);
	KT_CHECK(last_fixup.vector == 6);
	KT_CHECK(last_fixup.rip == rip);
	kprintf("# caught %s at rip 0x%lx, resumed\n", trap_name(last_fixup.vector), last_fixup.rip);
}

void test_trap_fixup_pf(void)
{
	uint64_t before = last_fixup.count, val = 7;
	const uint64_t addr = 0xffffe00000000000ULL;     /* the first guard page: never mapped */

	__asm__ volatile("1: movq (%1), %0\n2:\n" EX_TABLE(1b, 2b) : "+r"(val) : "r"(addr));
	KT_CHECK(last_fixup.count == before + 1);
	KT_CHECK(last_fixup.vector == 14);
	KT_CHECK(last_fixup.cr2 == addr);
	KT_CHECK((last_fixup.error & 1) == 0);           /* not-present, read, supervisor */
	KT_CHECK(val == 7);                               /* the load did not happen */
	kprintf("# caught %s at cr2 0x%lx, error 0x%lx, resumed\n", trap_name(14), last_fixup.cr2, last_fixup.error);
}

void test_fbcon_draws(void)
{
	const struct bi_framebuffer *fb = &boot->fb;

	if (!fb->base) {
		kprintf("# no framebuffer: skipped\n");
		return;
	}
	KT_CHECK(fbcon_active());
	/* The log fills the top of the screen: some pixel in the first four text rows is lit. */
	uint32_t *px = phys_to_virt(fb->base), bg = px[fb->width - 1];
	int lit = 0;
	for (uint32_t y = 0; y < 64 && !lit; y++)
		for (uint32_t x = 0; x < 64; x++)
			lit |= px[y * (fb->pitch / 4) + x] != bg;
	KT_CHECK(lit);
}
