/*
 * timer.h - the periodic timer interrupt and what hangs off it
 * (kernel/time/timer.c).
 *
 * trap() hands every timer interrupt to timer_interrupt(), which counts it,
 * acknowledges it (EOI) and then calls the handlers the layers above
 * registered, in the order they registered. At boot (kmain2) that order is:
 *
 *   1. the clocks in the vvar page   (time/clock.c)   } by timer_init():
 *   2. sleep deadlines               (time/sleep.c)   } time/'s own, first
 *   3. console input, only when it must be polled (dev/tty.c, tty_init)
 *   4. CPU time and load average     (proc/acct.c, acct_init)
 *   5. preemption                    (proc/sched.c, sched_init), last: it
 *      may switch away from the interrupted process, and the handlers
 *      after it would run only when that process runs again.
 */
#ifndef TIME_TIMER_H
#define TIME_TIMER_H

#include <stdint.h>

struct trap_frame;

#define HZ 100                          /* timer interrupts per second */

/* A tick handler: runs with interrupts off, after the EOI; tf is the
 * interrupted frame (user or kernel mode). */
typedef void timer_hook_fn(struct trap_frame *tf);

void timer_init(void);                  /* calibrate, start the tick, register time/'s handlers */
void timer_hook_add(timer_hook_fn *fn); /* run fn on CPU 0's every tick, after those registered before */
/* Run fn on every CPU's tick, after CPU 0's own handlers (CPU time, preemption). */
void timer_cpu_hook_add(timer_hook_fn *fn);
void timer_interrupt(struct trap_frame *tf);   /* from trap(), vector VEC_TIMER */
void timer_start(void);                 /* (re)start the LAPIC timer's periodic mode at HZ */
uint64_t timer_ticks(void);             /* timer interrupts so far */

extern uint64_t lapic_timer_hz;         /* the LAPIC timer's count rate (after its divider) */

#endif
