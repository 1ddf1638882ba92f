/*
 * sys_bench.c - trapdoor_bench(which, n, out, flags), ours: measurements
 * the kernel makes of itself, which no user program can time (today the
 * timer interrupt's latency, time/irqbench.c). The figures go to the
 * caller and, when asked, to the console as a BENCH line in trapbench's
 * format, so scripts/bench.sh finds them in the same log
 * (docs/benchmarks.md).
 */
#include "api/abi.h"
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "syscall.h"
#include "time/clock.h"
#include "time/irqbench.h"
#include "uaccess.h"

#define BINS 32                         /* trapbench's histogram */

/* Shell sort (Ciura's gaps, then x2.25): the kernel has no qsort, and a
 * run is at most TRAPDOOR_BENCH_MAX samples. */
static void sort_u64(uint64_t *a, int n)
{
	static const int ciura[] = { 1, 4, 10, 23, 57, 132, 301, 701, 1750 };
	int gaps[16], ng = 0;

	for (unsigned i = 0; i < sizeof(ciura) / sizeof(ciura[0]) && ciura[i] < n; i++)
		gaps[ng++] = ciura[i];
	while (ng < 16 && ng > 0 && gaps[ng - 1] * 9 / 4 < n)
		gaps[ng] = gaps[ng - 1] * 9 / 4, ng++;
	while (ng-- > 0) {
		int g = gaps[ng];
		for (int i = g; i < n; i++) {
			uint64_t v = a[i];
			int j = i;
			for (; j >= g && a[j - g] > v; j -= g)
				a[j] = a[j - g];
			a[j] = v;
		}
	}
}

/* The BENCH line of sorted samples s[]: trapbench's keys (its report()),
 * kernel "this", with the histogram over [min, p99], the last bin taking
 * the rest. */
static void print_bench(const char *path, const char *call, const uint64_t *s, int n,
			const struct trapdoor_bench *b)
{
	unsigned long hist[BINS] = { 0 };
	uint64_t width = (b->p99 - b->min) / BINS + 1;

	for (int i = 0; i < n; i++) {
		uint64_t bin = (s[i] - b->min) / width;
		hist[bin < BINS ? bin : BINS - 1]++;
	}
	kprintf("BENCH {\"kernel\": \"this\", \"path\": \"%s\", \"call\": \"%s\", \"guest_vendor\": \"%s\", "
		"\"samples\": %d, \"min\": %lu, \"median\": %lu, \"p99\": %lu, \"unit\": \"tsc\", "
		"\"ns_median\": %lu, \"tsc_hz\": %lu, \"retries\": %lu, \"early\": %lu, "
		"\"hist_lo\": %lu, \"hist_width\": %lu, \"hist\": [",
		path, call, cpu.vendor, n, b->min, b->median, b->p99, tsc_to_ns(b->median), tsc_hz,
		b->retries, b->early, b->min, width);
	for (int i = 0; i < BINS; i++)
		kprintf("%s%lu", i ? ", " : "", hist[i]);
	kprintf("]}\n");
}

long sys_trapdoor_bench(struct trap_frame *tf)
{
	uint64_t which = arg(tf, 0), n = arg(tf, 1), flags = arg(tf, 3);
	struct trapdoor_bench *out = (struct trapdoor_bench *)arg(tf, 2);
	enum irqbench_timer t;
	struct irqbench_counts c;
	const char *path;

	if (which == TRAPDOOR_BENCH_IRQ_TSC_DEADLINE)
		t = IRQBENCH_TSC_DEADLINE, path = "tsc_deadline";
	else if (which == TRAPDOOR_BENCH_IRQ_LAPIC)
		t = IRQBENCH_LAPIC, path = "lapic";
	else
		return -EINVAL;
	if (n < 1 || n > TRAPDOOR_BENCH_MAX || (flags & ~(uint64_t)TRAPDOOR_BENCH_PRINT))
		return -EINVAL;
	if (!irqbench_has(t))
		return -EOPNOTSUPP;
	uint64_t *s = kmalloc(n * sizeof(*s));
	if (!s)
		return -ENOMEM;
	long r = irqbench_run(t, s, n, &c);
	if (r == 0) {
		sort_u64(s, n);
		struct trapdoor_bench b = {
			.samples = n, .min = s[0], .median = s[n / 2], .p99 = s[n * 99 / 100], .max = s[n - 1],
			.tsc_hz = tsc_hz, .retries = c.retries, .early = c.early,
		};
		if (flags & TRAPDOOR_BENCH_PRINT)
			print_bench(path, "irq", s, n, &b);
		if (out)
			r = copy_to_user(out, &b, sizeof(b));
	}
	kfree(s);
	return r;
}
