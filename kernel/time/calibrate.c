/*
 * calibrate.c - the rates of the TSC and of the LAPIC timer, measured
 * against PIT channel 2 (1193182 Hz, pit.c) and cross-checked with what
 * the CPU or the hypervisor reports. docs/time.md explains the method:
 *
 *  - A sample reads the three counters as close together as it can: TSC,
 *    PIT, LAPIC timer, TSC. The two TSC reads bracket the other two; a
 *    bracket much longer than the tightest seen means the (virtual) CPU
 *    was away in the middle of it, and the sample is taken again. A sample
 *    first waits for the PIT's count to change, so that it sits at the
 *    start of a count, not anywhere within its 838 ns.
 *  - WINDOWS windows of 10 ms follow each other, each sample ending one and
 *    starting the next. Time lost between two samples passes on all three
 *    clocks alike, so it costs nothing.
 *  - Each window gives a rate per clock; the median decides, and the
 *    windows within 0.5% of it are pooled (calib_math.c). Without a clear
 *    majority the measurement is repeated, and one that never settles is
 *    reported on the console, never quietly used.
 */
#include "arch/cpu.h"
#include "kernel.h"
#include "time/calib_math.h"
#include "time/calibrate.h"
#include "time/clock.h"
#include "time/timer.h"

#define WINDOWS 9
#define WINDOW_PIT (PIT_HZ / 100)       /* 11931 counts: 10 ms */
#define ATTEMPTS 3
#define WARMUP 4                        /* samples before the first window: learn the bracket */
#define RETAKES 16                      /* tries for a sample with a tight bracket */
#define SPIN 1000                       /* empty loop turns between two PIT reads of a wait */
#define STUCK_TSC (1ULL << 34)          /* a wait this long: the PIT is not counting */

/* MHz with three decimals: kprintf("%lu.%03lu", MHZ(hz)). */
#define MHZ(hz) (uint64_t)(hz) / 1000000, (uint64_t)(hz) / 1000 % 1000
/* A percentage with two decimals from millionths: kprintf("%u.%02u%%", PCT(ppm)). */
#define PCT(ppm) (unsigned)(ppm) / 10000, (unsigned)(ppm) / 100 % 100

/* One instant on the three clocks. */
struct sample {
	uint64_t tsc;                   /* the middle of the bracket */
	uint64_t bracket;               /* TSC ticks from the first read to the last */
	uint32_t lapic;                 /* the LAPIC timer's count (it counts down) */
	uint16_t pit;                   /* PIT channel 2's count (down, wrapping) */
};

static uint64_t tightest = ~0ULL;       /* the shortest bracket seen so far */

static void __attribute__((noreturn)) pit_stuck(void)
{
	panic("timer: PIT channel 2 does not count: nothing to calibrate the clocks against");
}

/* Read the three counters, bracketed by two TSC reads. */
static void read_all(struct sample *s)
{
	uint64_t t0 = rdtsc();

	s->pit = pit_read();
	s->lapic = lapic_timer_current();
	s->bracket = rdtsc() - t0;
	s->tsc = t0 + s->bracket / 2;
}

/* A sample taken just after the PIT's count changed, with a bracket at
 * most twice the tightest seen (else it is taken again, RETAKES times at
 * most: the last one stands, and its window will stand out). */
static void sample(struct sample *s)
{
	for (int i = 0; i < RETAKES; i++) {
		uint64_t start = rdtsc();
		uint16_t c = pit_read();
		while (pit_read() == c)
			if (rdtsc() - start > STUCK_TSC)
				pit_stuck();
		read_all(s);
		if (s->bracket < tightest)
			tightest = s->bracket;
		if (s->bracket <= 2 * tightest)
			return;
	}
}

/*
 * From sample a, wait until the PIT has counted `counts`, take sample b;
 * s = how far each clock moved. While waiting the PIT is read only every
 * SPIN turns of an empty loop: a port read is slow on an emulator (under
 * icount it ends a translation block). The PIT's steps between reads are
 * added up mod 2^16, which is right while no two reads are a whole wrap
 * (55 ms) apart; a window that a longer absence spoiled disagrees with
 * the others and is outvoted.
 */
static void span(const struct sample *a, struct sample *b, uint64_t counts, struct clock_span *s)
{
	uint64_t start = rdtsc(), pit = 0;
	uint16_t last = a->pit, now;

	while (pit < counts) {
		for (int i = 0; i < SPIN; i++)
			__asm__ volatile("");   /* keep the empty loop */
		now = pit_read();
		pit += (uint16_t)(last - now);
		last = now;
		if (rdtsc() - start > STUCK_TSC)
			pit_stuck();
	}
	sample(b);
	pit += (uint16_t)(last - b->pit);
	s->pit = pit;
	s->tsc = b->tsc - a->tsc;
	s->lapic = (uint32_t)(a->lapic - b->lapic);
}

void clock_span_measure(uint64_t counts, struct clock_span *s)
{
	struct sample a, b;

	pit_freerun();
	lapic_timer_oneshot_max();
	for (int i = 0; i < WARMUP; i++)
		sample(&a);
	span(&a, &b, counts, s);
}

/* One calibration: WINDOWS windows, judged per clock. */
struct attempt {
	struct calib_result tsc, lapic;
	int agree;                      /* the fewer agreeing windows of the two clocks */
};

static void measure(struct attempt *at)
{
	struct calib_window tw[WINDOWS], lw[WINDOWS];
	struct sample a, b;
	struct clock_span s;

	pit_freerun();
	lapic_timer_oneshot_max();      /* counts down from 2^32-1: minutes at these rates */
	for (int i = 0; i < WARMUP; i++)
		sample(&a);             /* the last one starts the first window */
	for (int i = 0; i < WINDOWS; i++) {
		span(&a, &b, WINDOW_PIT, &s);
		tw[i] = (struct calib_window){ s.pit, s.tsc };
		lw[i] = (struct calib_window){ s.pit, s.lapic };
		a = b;
	}
	calib_evaluate(tw, WINDOWS, &at->tsc);
	calib_evaluate(lw, WINDOWS, &at->lapic);
	at->agree = at->tsc.agree < at->lapic.agree ? at->tsc.agree : at->lapic.agree;
}

/* One clock's windows, for a report: "tsc windows A..B MHz, median M MHz, spread S%, K of N agree". */
static void print_windows(const char *clock, const struct calib_result *r)
{
	kprintf("timer:   %s windows %lu.%03lu..%lu.%03lu MHz, median %lu.%03lu MHz, spread %u.%02u%%, "
		"%d of %d within 0.5%% of the median\n", clock, MHZ(r->min), MHZ(r->max), MHZ(r->median),
		PCT(r->spread_ppm), r->agree, r->windows);
}

static void read_leaves(struct cpu_clock_leaves *l)
{
	cpuid(0, 0, &l->basic0.eax);
	cpuid(1, 0, &l->basic1.eax);
	cpuid(0x15, 0, &l->tsc15.eax);
	cpuid(0x16, 0, &l->freq16.eax);
	cpuid(0x40000000, 0, &l->hv0.eax);
	cpuid(0x40000010, 0, &l->hv10.eax);
}

/* Check the measured rate *hz of `clock` against a reported one; take the
 * reported one when it is exact and agrees. Says what it found. */
static bool cross_check(const char *clock, uint64_t *hz, uint64_t reported, bool exact, const char *source)
{
	int32_t dev = calib_deviation_ppm(reported, *hz);
	unsigned adev = dev < 0 ? -(unsigned)dev : (unsigned)dev;

	switch (freq_check(*hz, reported, exact)) {
	case FREQ_AGREES:
		kprintf("timer: %s says %s %lu.%03lu MHz, the PIT %lu.%03lu MHz: within 1%%, using %s's\n",
			source, clock, MHZ(reported), MHZ(*hz), source);
		*hz = reported;
		return true;
	case FREQ_HINT_AGREES:
		kprintf("timer: %s gives a nominal %lu MHz; the PIT's %s %lu.%03lu MHz is within 1%% of it\n",
			source, reported / 1000000, clock, MHZ(*hz));
		return false;
	case FREQ_DISAGREES:
		kprintf("timer: %s says %s %lu.%03lu MHz, but the PIT measures %lu.%03lu MHz (%c%u.%02u%%): "
			"using the PIT's\n", source, clock, MHZ(reported), MHZ(*hz), dev < 0 ? '-' : '+', PCT(adev));
		return false;
	default:
		return false;
	}
}

void calibrate(void)
{
	struct attempt at, best = { .agree = -1 };
	struct cpu_clock_leaves leaves;
	struct cpu_clock_report rep;
	enum calib_verdict v;
	const char *source;
	bool reported;

	for (int n = 0;; n++) {
		measure(&at);
		if (at.agree > best.agree)
			best = at;
		v = calib_judge(at.agree, WINDOWS, n, ATTEMPTS);
		if (v != CALIB_RETRY)
			break;
		kprintf("timer: calibration attempt %d: %d of %d windows agree within 0.5%%, "
			"tsc spread %u.%02u%%; measuring again\n", n + 1, at.agree, WINDOWS, PCT(at.tsc.spread_ppm));
	}
	if (v == CALIB_UNSTABLE) {
		kprintf("timer: calibration unstable: after %d attempts at most %d of %d windows agree "
			"within 0.5%%; using the best attempt, around its median\n", ATTEMPTS, best.agree, WINDOWS);
		print_windows("tsc", &best.tsc);
		print_windows("lapic timer", &best.lapic);
	}
	tsc_hz = best.tsc.hz;
	lapic_timer_hz = best.lapic.hz;

	read_leaves(&leaves);
	cpu_clock_decode(&leaves, &rep);
	source = freq_source_name(rep.source);
	reported = cross_check("tsc", &tsc_hz, rep.tsc_hz, rep.exact, source);
	if (rep.lapic_bus_hz)
		cross_check("lapic timer", &lapic_timer_hz, rep.lapic_bus_hz / LAPIC_TIMER_DIVISOR,
			    rep.exact, source);

	kprintf("timer: tsc %lu.%03lu MHz, lapic timer %lu.%03lu MHz (%s%s%d windows, %d agree within 0.5%%",
		MHZ(tsc_hz), MHZ(lapic_timer_hz), reported ? source : "PIT", reported ? "; PIT: " : ", ",
		WINDOWS, best.tsc.agree);
	if (best.lapic.agree != best.tsc.agree)
		kprintf(", lapic timer %d", best.lapic.agree);
	kprintf("%s)\n", v == CALIB_UNSTABLE ? ": UNSTABLE" : "");
}
