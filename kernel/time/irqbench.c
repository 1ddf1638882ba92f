/*
 * irqbench.c - how long a timer interrupt takes to reach its handler.
 *
 * Each sample arms the LAPIC timer for a deadline D on the TSC's scale,
 * waits with interrupts enabled, spinning (irqbench_wait), and takes the TSC
 * the handler read as its first instruction (isr_irqbench): the sample is
 * that reading minus D. The timer runs on its own vector, VEC_IRQBENCH,
 * whose handler does nothing else, so the periodic tick's path stays as it
 * is; the tick itself is stopped for the run (the LAPIC has one timer) and
 * restarted after.
 *
 * Two ways to set D:
 *  - TSC-deadline mode (CPUID.1:ECX bit 24): D is written to
 *    IA32_TSC_DEADLINE, exactly the TSC value the timer fires at;
 *  - one-shot mode: the count starts when TIMER_INIT is written, undivided;
 *    D is the TSC read just before that write plus the count converted
 *    with the calibrated rates (time/calibrate.c), so it carries the
 *    calibration's error too.
 * A wait that began after D would count the time interrupts were off (under
 * TCG arming the timer is a trip through QEMU's device model, and the host
 * may deschedule the vCPU in between): the sample is taken again with twice
 * the lead, up to LEAD_MAX_US (counted in retries; more than n + 1000 of
 * them end the run with -EIO). Each sample that was in
 * time takes an eighth off the lead again, down to LEAD_US, so the lead
 * settles where a late wait is rare and one hiccup does not slow the rest
 * of the run.
 */
#include "arch/cpu.h"
#include "arch/trap.h"
#include "api/errno.h"
#include "kernel.h"
#include "time/clock.h"
#include "time/irqbench.h"
#include "time/timer.h"

#define WARMUP 16                       /* samples taken and dropped first */
#define LEAD_US 10                      /* the first lead from arming to the deadline */
#define LEAD_MAX_US 10000               /* ... doubled on each late wait, up to this */
#define MAX_EXTRA_RETRIES 1000          /* more late waits than n + this: -EIO */
#define NEVER_S 1                       /* a timer that has not fired after this never will */

extern volatile uint64_t irqbench_stamp;       /* irqbench.S: the handler's TSC, 0 before */
void irqbench_wait(uint64_t limit);            /* irqbench.S */

int irqbench_has(enum irqbench_timer t)
{
	return t == IRQBENCH_LAPIC || (t == IRQBENCH_TSC_DEADLINE && cpu.tsc_deadline);
}

/* Arm the timer lead TSC ticks ahead; the deadline D on the TSC's scale. */
static uint64_t arm(enum irqbench_timer t, uint64_t lead)
{
	if (t == IRQBENCH_TSC_DEADLINE) {
		uint64_t d = rdtsc() + lead;
		wrmsr(MSR_TSC_DEADLINE, d);
		return d;
	}
	uint64_t lapic_hz = lapic_timer_hz * LAPIC_TIMER_DIVISOR;   /* undivided */
	uint64_t count = lead * lapic_hz / tsc_hz;

	if (count == 0)
		count = 1;
	return lapic_timer_arm(count) + count * tsc_hz / lapic_hz;
}

long irqbench_run(enum irqbench_timer t, uint64_t *s, int n, struct irqbench_counts *c)
{
	uint64_t lead0 = tsc_hz / 1000000 * LEAD_US, lead_max = tsc_hz / 1000000 * LEAD_MAX_US;
	uint64_t lead = lead0;
	long r = 0;

	*c = (struct irqbench_counts){ 0 };
	if (t == IRQBENCH_TSC_DEADLINE)
		lapic_timer_tsc_deadline(VEC_IRQBENCH);
	else
		lapic_timer_oneshot(VEC_IRQBENCH);
	for (int i = -WARMUP; i < n;) {
		irqbench_stamp = 0;
		uint64_t d = arm(t, lead);
		uint64_t before = rdtsc();

		irqbench_wait(d + tsc_hz * NEVER_S);
		uint64_t stamp = irqbench_stamp;
		if (!stamp) {
			r = -EIO;
			break;
		}
		lapic_eoi();
		if (before >= d) {              /* the wait began late: again, with more lead */
			if (++c->retries > (uint64_t)n + MAX_EXTRA_RETRIES) {
				r = -EIO;
				break;
			}
			if (lead < lead_max)
				lead *= 2;
			continue;
		}
		if (i >= 0) {
			c->early += stamp < d;
			s[i] = stamp < d ? 0 : stamp - d;
		}
		lead = lead - lead / 8 > lead0 ? lead - lead / 8 : lead0;
		i++;
	}
	if (r)
		kprintf("irqbench: %s (%s mode)\n", irqbench_stamp ? "cannot arm the timer ahead of its wait"
			: "the timer never fired", t == IRQBENCH_TSC_DEADLINE ? "TSC-deadline" : "one-shot");
	timer_start();                          /* the periodic tick again, no deadline left armed */
	if (r) {
		/* A measurement interrupt the LAPIC already accepted would
		 * arrive later, anywhere (the handler takes rax and rdx): let
		 * it in here, in the wait, for up to a millisecond. */
		irqbench_stamp = 0;
		irqbench_wait(rdtsc() + tsc_hz / 1000);
		if (irqbench_stamp)
			lapic_eoi();
	}
	return r;
}
