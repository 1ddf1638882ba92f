/*
 * ktest.h - in-kernel tests, run by `test` on the command line.
 * A case is a void function; KT_CHECK fails it and returns at the first
 * false condition, naming the condition and the line.
 */
#ifndef KTEST_H
#define KTEST_H

#include "kernel.h"

void ktest_fail(const char *cond, const char *file, int line);

#define KT_CHECK(c) do { \
	if (!(c)) { \
		ktest_fail(#c, __FILE__, __LINE__); \
		return; \
	} \
} while (0)

/* Every case, in run order (one list: ktest.c's table). */
#define KTEST_CASES(X) \
	X(boot_higher_half) \
	X(boot_info_sane) \
	X(cmdline_seen) \
	X(kernel_printf) \
	X(cpu_features) \
	X(protections_on) \
	X(kernel_wx) \
	X(vsyscall_unmapped) \
	X(frames_alloc_free) \
	X(frames_never_reserved) \
	X(heap_stress) \
	X(heap_large) \
	X(stack_guard_page) \
	X(trap_fixup_ud) \
	X(trap_fixup_pf) \
	X(tsc_calibrated) \
	X(clocks_agree) \
	X(timer_interrupts) \
	X(smp_all_online) \
	X(smp_cpus_own_state) \
	X(smp_ipi) \
	X(fbcon_draws)

#define KTEST_DECLARE(name) void test_##name(void);
KTEST_CASES(KTEST_DECLARE)

#endif
