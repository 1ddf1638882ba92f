/*
 * calib_math.h - the arithmetic of clock calibration (kernel/time/
 * calib_math.c) and what the CPU says about its clock rates
 * (kernel/time/cpuid_freq.c). Pure C: no hardware, host-tested
 * (kernel/tests/test_calib_math.c, test_cpuid_freq.c).
 */
#ifndef TIME_CALIB_MATH_H
#define TIME_CALIB_MATH_H

#include <stdbool.h>
#include <stdint.h>

#define PIT_HZ 1193182u                 /* the 8254's input clock: 1.193182 MHz */
#define CALIB_AGREE_PPM 5000u           /* a window agrees within 0.5% of the median */
#define FREQ_AGREE_PPM 10000u           /* a reported rate agrees within 1% of the measured one */
#define CALIB_WINDOWS_MAX 16

/* One calibration window: how far the PIT and one other clock advanced. */
struct calib_window {
	uint64_t pit;                   /* PIT counts */
	uint64_t ticks;                 /* the other clock's ticks */
};

/* What a set of windows says about the other clock's rate. */
struct calib_result {
	uint64_t hz;                    /* the estimate (below), to the kHz; 0 without windows */
	uint64_t median, min, max;      /* the rates of single windows, Hz */
	uint32_t spread_ppm;            /* (max - min) / median, in millionths */
	int windows;                    /* how many windows */
	int agree;                      /* how many within CALIB_AGREE_PPM of the median */
};

/* The other clock's rate over one window, Hz (0 when the PIT did not move). */
uint64_t calib_rate(const struct calib_window *w);

/* The median of v[0..n) (n >= 1); sorts v. Of an even count, the mean of the middle two. */
uint64_t calib_median(uint64_t *v, int n);

/* Is x within ppm millionths of ref? */
bool calib_within(uint64_t x, uint64_t ref, uint32_t ppm);

/* (x - ref) / ref in millionths, saturated to the int32 range (for messages). */
int32_t calib_deviation_ppm(uint64_t x, uint64_t ref);

/*
 * Judge n windows (1 <= n <= CALIB_WINDOWS_MAX): the median of their rates,
 * and which agree with it. The estimate pools the agreeing windows (their
 * ticks over their PIT counts): the median decides who counts, so one bad
 * window cannot move it, and the pooled span is longer than any single
 * window, so its reading errors weigh less. Rounded to the kHz.
 */
void calib_evaluate(const struct calib_window *w, int n, struct calib_result *r);

enum calib_verdict {
	CALIB_AGREE,                    /* a clear majority agrees: use the estimate */
	CALIB_RETRY,                    /* it does not: measure again */
	CALIB_UNSTABLE,                 /* it does not, and no attempts are left: report it */
};

/* The decision after attempt `attempt` (0-based) of `attempts`: a clear
 * majority is two thirds of the windows. */
enum calib_verdict calib_judge(int agree, int windows, int attempt, int attempts);

/* --- what the CPU (or the hypervisor) reports --------------------------- */

struct cpuid_regs {
	uint32_t eax, ebx, ecx, edx;
};

/* The raw CPUID leaves the decision needs, read unconditionally: whether
 * each one means anything is the decoder's business. */
struct cpu_clock_leaves {
	struct cpuid_regs basic0;       /* leaf 0: EAX = the highest basic leaf */
	struct cpuid_regs basic1;       /* leaf 1: ECX bit 31 = a hypervisor is present */
	struct cpuid_regs tsc15;        /* leaf 0x15: TSC/crystal ratio EBX/EAX, crystal Hz in ECX */
	struct cpuid_regs freq16;       /* leaf 0x16: EAX[15:0] = base MHz */
	struct cpuid_regs hv0;          /* leaf 0x40000000: EAX = the highest hypervisor leaf */
	struct cpuid_regs hv10;         /* leaf 0x40000010: EAX = TSC kHz, EBX = LAPIC bus kHz */
};

enum freq_source {
	FREQ_NONE,                      /* nothing reported */
	FREQ_HYPERVISOR,                /* the hypervisor's timing leaf 0x40000010 */
	FREQ_CPUID_15,                  /* the crystal and the TSC ratio, leaf 0x15 */
	FREQ_CPUID_16,                  /* the nominal base frequency, leaf 0x16: a hint */
};

struct cpu_clock_report {
	enum freq_source source;
	uint64_t tsc_hz;                /* 0 when nothing says */
	uint64_t lapic_bus_hz;          /* the LAPIC timer's input, before its divider; 0: not said */
	bool exact;                     /* a rate to use, not a nominal hint */
};

/* Which rates the leaves report, if any (best source first: the
 * hypervisor's leaf, then 0x15, then 0x16). */
void cpu_clock_decode(const struct cpu_clock_leaves *l, struct cpu_clock_report *r);
const char *freq_source_name(enum freq_source s);

/* A reported rate checked against the measured one. */
enum freq_check {
	FREQ_UNREPORTED,                /* nothing to check: use the measurement */
	FREQ_AGREES,                    /* exact and within FREQ_AGREE_PPM: use the reported rate */
	FREQ_HINT_AGREES,               /* a nominal hint within FREQ_AGREE_PPM: keep the measurement */
	FREQ_DISAGREES,                 /* further off: keep the measurement, and say so */
};
enum freq_check freq_check(uint64_t measured, uint64_t reported, bool exact);

#endif
