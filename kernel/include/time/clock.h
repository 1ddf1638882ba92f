/*
 * clock.h - the kernel's clocks (kernel/time/): the calibrated TSC, the
 * time kept in the vvar page, the CMOS real-time clock.
 */
#ifndef TIME_CLOCK_H
#define TIME_CLOCK_H

#include <stdint.h>

struct trap_frame;

/* tsc.c: the TSC, the clock everything else is read from. */
extern uint64_t tsc_hz;                 /* TSC ticks per second, set by calibration */
uint64_t tsc_to_ns(uint64_t ticks);

/* clock.c: CLOCK_MONOTONIC and CLOCK_REALTIME, kept in the vvar page. */
void clock_init(void);                  /* once tsc_hz and the vvar page exist */
uint64_t clock_monotonic_ns(void);

/* rtc.c: the CMOS clock, read once. */
uint64_t rtc_read_epoch(void);          /* seconds since 1970-01-01 UTC, 0 when unreadable */

/* The tick handlers time/ registers for itself (timer_init). */
void clock_tick(struct trap_frame *tf); /* clock.c: move the vvar page's clocks to now */
void sleep_tick(struct trap_frame *tf); /* sleep.c: wake sleepers past their deadline */
void itimer_tick(struct trap_frame *tf); /* itimer.c: SIGALRM for timers that ran out */

#endif
