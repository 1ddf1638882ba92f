/*
 * t_tls.c - set_thread_area(2) and get_thread_area(2) from a 64-bit
 * process (205 and 211: Linux has them there too, and its ldt_gdt_64
 * selftest uses them): a round trip, -1 taking the first empty slot,
 * -ESRCH when none is left, slots outside 12..14 (-EINVAL), bad pointers
 * (-EFAULT), Linux's refused descriptors, clearing a slot, and a %gs
 * loaded with a TLS selector reading through its base until
 * arch_prctl(ARCH_SET_GS) puts selector 0 back.
 */
#include "usertests.h"

/* <asm/ldt.h>'s struct user_desc. */
struct user_desc {
	uint32_t entry_number, base_addr, limit;
	uint32_t seg_32bit : 1, contents : 2, read_exec_only : 1, limit_in_pages : 1, seg_not_present : 1,
		useable : 1, lm : 1;
};

static inline long set_area(void *u) { return RAW(SYS_set_thread_area, u, 0, 0, 0, 0, 0); }
static inline long get_area(void *u) { return RAW(SYS_get_thread_area, u, 0, 0, 0, 0, 0); }

static volatile uint32_t block[4] = { 0x5eed7135 };

static struct user_desc flat(uint32_t entry, uint32_t base)
{
	return (struct user_desc){ .entry_number = entry, .base_addr = base, .limit = 0xfffff,
				   .seg_32bit = 1, .limit_in_pages = 1, .useable = 1 };
}

USERTEST(tls_thread_area)
{
	struct user_desc u = flat(-1u, 0x1000), g = { .entry_number = 12 };

	/* -1: the first empty slot, written back; then it reads back whole. */
	EXPECT_EQ(set_area(&u), 0);
	EXPECT_EQ(u.entry_number, 12);
	EXPECT_EQ(get_area(&g), 0);
	EXPECT(g.entry_number == 12 && g.base_addr == 0x1000 && g.limit == 0xfffff);
	EXPECT(g.seg_32bit && g.limit_in_pages && g.useable && !g.contents && !g.read_exec_only);
	EXPECT(!g.seg_not_present && !g.lm);

	/* The other two, then none left. */
	u = flat(-1u, 0x2000);
	EXPECT_EQ(set_area(&u), 0);
	EXPECT_EQ(u.entry_number, 13);
	u.entry_number = -1u;
	EXPECT_EQ(set_area(&u), 0);
	EXPECT_EQ(u.entry_number, 14);
	u.entry_number = -1u;
	EXPECT_EQ(set_area(&u), -ESRCH);
	EXPECT_EQ(u.entry_number, -1u);

	/* Slots outside 12..14, bad pointers, descriptors Linux refuses. */
	struct user_desc bad = flat(11, 0), code = flat(12, 0), absent = flat(12, 0), lm = flat(12, 0x3000);
	code.contents = 2, absent.seg_not_present = 1, lm.lm = 1;
	EXPECT_EQ(set_area(&bad), -EINVAL);
	bad.entry_number = 15;
	EXPECT_EQ(set_area(&bad), -EINVAL);
	EXPECT_EQ(get_area(&bad), -EINVAL);
	EXPECT_EQ(set_area(0), -EFAULT);
	EXPECT_EQ(set_area((void *)0xffff800000000000UL), -EFAULT);
	EXPECT_EQ(get_area(0), -EFAULT);
	EXPECT_EQ(set_area(&code), -EINVAL);
	EXPECT_EQ(set_area(&absent), -EINVAL);
	EXPECT_EQ(set_area(&lm), 0);                  /* lm is ignored: the segment is no 64-bit code */
	g = (struct user_desc){ .entry_number = 12 };
	EXPECT(get_area(&g) == 0 && g.base_addr == 0x3000 && !g.lm);

	/* An all-zero descriptor clears a slot, which reads back empty and is
	 * the one -1 takes next. */
	struct user_desc zero = { .entry_number = 13 };
	EXPECT_EQ(set_area(&zero), 0);
	g = (struct user_desc){ .entry_number = 13 };
	EXPECT_EQ(get_area(&g), 0);
	EXPECT(g.read_exec_only && g.seg_not_present && !g.base_addr && !g.limit && !g.seg_32bit);
	u = flat(-1u, 0x4000);
	EXPECT_EQ(set_area(&u), 0);
	EXPECT_EQ(u.entry_number, 13);
}

static void gs_child(void *unused)
{
	uint16_t sel = 0;
	uint32_t v = 0;

	(void)unused;
	__asm__ volatile("movw %%gs, %0" : "=r"(sel));
	__asm__ volatile("movl %%gs:0, %0" : "=r"(v));
	quit(sel == (12 << 3 | 3) && v == block[0] ? 0 : 1);   /* fork kept both */
}

USERTEST(tls_gs_selector)
{
	struct user_desc u = flat(12, (uint32_t)(uintptr_t)block);
	uint16_t sel = 12 << 3 | 3, now = 0;
	uint32_t v = 0;
	long base = 0;

	EXPECT((uintptr_t)block < 0xffffffffUL);       /* a 32-bit base reaches it */
	EXPECT_EQ(set_area(&u), 0);
	__asm__ volatile("movw %w0, %%gs" : : "r"(sel));
	__asm__ volatile("movl %%gs:0, %0" : "=r"(v));
	EXPECT(v == block[0]);
	sys_sched_yield();                               /* switched out and back in */
	__asm__ volatile("movw %%gs, %0; movl %%gs:0, %1" : "=r"(now), "=r"(v));
	EXPECT(now == sel && v == block[0]);
	RAW(SYS_arch_prctl, 0x1004 /* ARCH_GET_GS */, &base, 0, 0, 0, 0);
	EXPECT(base == (long)(uintptr_t)block);          /* the descriptor's base */
	EXPECT_EQ(run_child(gs_child, 0), STATUS_EXIT(0));

	/* ARCH_SET_GS: selector 0 and the given base, as on Linux. */
	EXPECT_EQ(RAW(SYS_arch_prctl, 0x1001 /* ARCH_SET_GS */, 0, 0, 0, 0, 0), 0);
	__asm__ volatile("movw %%gs, %0" : "=r"(now));
	EXPECT_EQ(now, 0);
}
