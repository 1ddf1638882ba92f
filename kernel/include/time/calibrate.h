/*
 * calibrate.h - measuring the TSC and the LAPIC timer against PIT channel
 * 2 (kernel/time/pit.c, calibrate.c; the arithmetic is calib_math.h).
 */
#ifndef TIME_CALIBRATE_H
#define TIME_CALIBRATE_H

#include <stdint.h>

/* pit.c */
void pit_freerun(void);                 /* channel 2 counting down from 0xffff, wrapping, for good */
uint16_t pit_read(void);                /* channel 2's count, latched */

/* How far the three clocks moved over one span of time. */
struct clock_span {
	uint64_t pit;                   /* PIT counts */
	uint64_t tsc;                   /* TSC ticks */
	uint64_t lapic;                 /* LAPIC timer counts */
};

/* calibrate.c */
/* Set tsc_hz and lapic_timer_hz and print them (after lapic_init). */
void calibrate(void);
/* Measure `counts` PIT counts (at most a few seconds' worth) between two
 * bracketed samples. Restarts PIT channel 2 and leaves the LAPIC timer in
 * one-shot mode: the caller restarts the tick (timer_start). */
void clock_span_measure(uint64_t counts, struct clock_span *s);

#endif
