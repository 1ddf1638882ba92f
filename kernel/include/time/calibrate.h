/* calibrate.h - measuring the TSC and LAPIC timer rates (kernel/time/calibrate.c). */
#ifndef TIME_CALIBRATE_H
#define TIME_CALIBRATE_H

/* Set tsc_hz and lapic_timer_hz and print them (the LAPIC timer must be
 * initialised and not yet running periodically). */
void calibrate(void);

#endif
