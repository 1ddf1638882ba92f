/*
 * ktest.c - the in-kernel test runner. Prints one `ok N - name` or
 * `not ok N - name` line per case and a closing `N passed, N failed`
 * (the serial protocol scripts/test.sh parses).
 *
 * `test` runs every case; `test=NAME` runs one; `test=panic` panics on
 * purpose so the harness can prove it notices a panic, and
 * `test=panic-stack` overflows the kernel stack into its guard page: a
 * double fault on its own stack, and a panic, never a reboot.
 * `test=panic-ap` panics on CPU 1 (an AP) from its idle loop: the panic
 * stops CPU 0 by NMI and prints its registers too.
 */
#include "arch/cpu.h"
#include "arch/smp.h"
#include "ktest.h"

struct ktest {
	const char *name;
	void (*fn)(void);
};

#define KTEST_ENTRY(name) { #name, test_##name },
static const struct ktest cases[] = { KTEST_CASES(KTEST_ENTRY) };

static bool failed;

void ktest_fail(const char *cond, const char *file, int line)
{
	kprintf("# check failed: %s (%s:%d)\n", cond, file, line);
	failed = true;
}

/* Touch an unmapped kernel address with no fixup: a real, unrecoverable
 * fault. Two system calls first, so the panic has a ring to show. */
static void deliberate_panic(void)
{
	for (int i = 0; i < 2; i++) {
		long r = 229;                    /* clock_getres(CLOCK_MONOTONIC, NULL): 0 */
		__asm__ volatile("int $0x80" : "+a"(r) : "D"(1L), "S"(0L) : "rcx", "rdx", "r8", "r9", "r10", "r11", "memory");
	}
	kprintf("ktest: faulting on purpose (test=panic)\n");
	*(volatile uint64_t *)0xffffe00000000000ULL = 1;    /* the first kernel-stack guard page */
}

/* Recurse with 512 bytes a level until the stack runs into its guard
 * page: the #PF cannot be delivered on that stack, so the CPU raises #DF,
 * which has a stack of its own (IST). */
static __attribute__((noinline)) uint64_t overflow(uint64_t depth)
{
	volatile uint64_t pad[64];

	pad[depth % 64] = depth;
	if (depth == ~0UL)
		return 0;                        /* never: the guard page comes first */
	return overflow(depth + 1) + pad[0];     /* not a tail call */
}

int ktest_run(const char *only)
{
	int pass = 0, fail = 0, n = 0;

	if (strcmp(only, "panic") == 0)
		deliberate_panic();
	if (strcmp(only, "panic-stack") == 0) {
		kprintf("ktest: overflowing the kernel stack on purpose (test=panic-stack)\n");
		overflow(0);
	}
	if (strcmp(only, "panic-ap") == 0) {
		kprintf("ktest: panicking on CPU 1 on purpose (test=panic-ap)\n");
		smp_test_panic_ap();
		for (;;)
			hlt();                   /* interrupts on: the AP's panic NMIs this CPU */
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (only[0] && strcmp(only, cases[i].name) != 0)
			continue;
		failed = false;
		cases[i].fn();
		kprintf("%s %d - %s\n", failed ? "not ok" : "ok", ++n, cases[i].name);
		failed ? fail++ : pass++;
	}
	if (n == 0)
		kprintf("# no test named \"%s\"\n", only), fail++;
	kprintf("%d passed, %d failed\n", pass, fail);
	return fail;
}
