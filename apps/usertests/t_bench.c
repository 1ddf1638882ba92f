/*
 * t_bench.c - trapdoor_bench, the measurements the kernel makes of itself
 * (the timer interrupt's latency): that a run gives ordered, plausible
 * figures with each timer the CPU has, that the periodic tick works after
 * it, and that every bad argument is -EINVAL or -EFAULT (never a panic).
 * Behaviour only: the figures themselves are scripts/bench.sh's.
 */
#include "usertests.h"

#define N 200

/* One run of which: 0 and sane figures, or -EOPNOTSUPP for a timer the
 * CPU lacks (allowed for TSC-deadline mode only). */
static void one_run(long which, const char *name)
{
	struct trapdoor_bench b = { 0 };
	struct trapdoor_stats s = { 0 };
	long r = sys_bench(which, N, &b, 0);

	if (which == TRAPDOOR_BENCH_IRQ_TSC_DEADLINE && r == -EOPNOTSUPP) {
		note("%s: not on this CPU\n", name);      /* the same on both paths */
		return;
	}
	EXPECT_EQ(r, 0);
	EXPECT_EQ(sys_stats(&s), 0);
	EXPECT_EQ(b.samples, N);
	EXPECT(b.tsc_hz == s.tsc_hz && b.tsc_hz > 0);
	EXPECT(b.min <= b.median && b.median <= b.p99 && b.p99 <= b.max);
	EXPECT(b.max < b.tsc_hz);                         /* under a second, even on a busy host */
	EXPECT(b.early <= N);
	note("%s: measured\n", name);
}

USERTEST(bench_irq)
{
	one_run(TRAPDOOR_BENCH_IRQ_LAPIC, "lapic");
	one_run(TRAPDOOR_BENCH_IRQ_TSC_DEADLINE, "tsc_deadline");
	EXPECT_EQ(sys_bench(TRAPDOOR_BENCH_IRQ_LAPIC, 1, 0, 0), 0);   /* out may be NULL */

	/* The periodic tick is back: a sleep (which the tick ends) returns. */
	struct timespec ts = { 0, 30000000 };
	EXPECT_EQ(sys_nanosleep(&ts, 0), 0);
}

USERTEST(bench_errors)
{
	struct trapdoor_bench b;
	long bad_which[] = { 0, 3, -1, 0x100000002L };
	long bad_n[] = { 0, -1, TRAPDOOR_BENCH_MAX + 1, 0x100000001L };

	for (unsigned i = 0; i < sizeof(bad_which) / sizeof(bad_which[0]); i++)
		EXPECT_EQ(sys_bench(bad_which[i], 1, &b, 0), -EINVAL);
	for (unsigned i = 0; i < sizeof(bad_n) / sizeof(bad_n[0]); i++)
		EXPECT_EQ(sys_bench(TRAPDOOR_BENCH_IRQ_LAPIC, bad_n[i], &b, 0), -EINVAL);
	EXPECT_EQ(sys_bench(TRAPDOOR_BENCH_IRQ_LAPIC, 1, &b, 2), -EINVAL);
	EXPECT_EQ(sys_bench(TRAPDOOR_BENCH_IRQ_LAPIC, 1, &b, -1), -EINVAL);
	EXPECT_EQ(sys_bench(TRAPDOOR_BENCH_IRQ_LAPIC, 1, (void *)KERNEL_ADDR, 0), -EFAULT);
	EXPECT_EQ(sys_bench(TRAPDOOR_BENCH_IRQ_LAPIC, 1, (void *)UNMAPPED, 0), -EFAULT);
}
