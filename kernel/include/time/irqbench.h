/*
 * irqbench.h - the timer-interrupt latency, measured by the kernel itself
 * (time/irqbench.c, arch/x86_64/irqbench.S; docs/benchmarks.md).
 */
#ifndef TIME_IRQBENCH_H
#define TIME_IRQBENCH_H

#include <stdint.h>

enum irqbench_timer {
	IRQBENCH_TSC_DEADLINE,      /* IA32_TSC_DEADLINE: the deadline is a TSC value */
	IRQBENCH_LAPIC,             /* one-shot count: the deadline computed from the calibrated rates */
};

struct irqbench_counts {
	uint64_t retries;           /* samples taken again: the wait began after the deadline */
	uint64_t early;             /* handler before the computed deadline: recorded as 0 */
};

/* Can this CPU run timer t? */
int irqbench_has(enum irqbench_timer t);

/* Take n samples into s[], each the TSC ticks from a deadline to the first
 * instruction of its handler, with the periodic tick stopped meanwhile and
 * restarted at the end. Called with interrupts disabled (a system call);
 * 0, or -EIO when a timer never fired or the waits kept beginning after
 * their deadlines. */
long irqbench_run(enum irqbench_timer t, uint64_t *s, int n, struct irqbench_counts *c);

#endif
