/*
 * timer.c - the periodic timer: calibrate the clocks, run the LAPIC timer
 * at HZ, and on each of its interrupts run the handlers the layers above
 * hung on it, in the order they registered (time/timer.h lists them).
 */
#include "arch/percpu.h"
#include "arch/trap.h"
#include "kernel.h"
#include "time/calibrate.h"
#include "time/clock.h"
#include "time/timer.h"

#define MAX_HOOKS 8

uint64_t lapic_timer_hz;
static volatile uint64_t ticks;
static timer_hook_fn *hooks[MAX_HOOKS], *cpu_hooks[MAX_HOOKS];
static int nhooks, ncpu_hooks;

void timer_hook_add(timer_hook_fn *fn)
{
	if (nhooks == MAX_HOOKS)
		panic("timer: more than %d tick handlers", MAX_HOOKS);
	hooks[nhooks++] = fn;
}

void timer_cpu_hook_add(timer_hook_fn *fn)
{
	if (ncpu_hooks == MAX_HOOKS)
		panic("timer: more than %d per-CPU tick handlers", MAX_HOOKS);
	cpu_hooks[ncpu_hooks++] = fn;
}

void timer_init(void)
{
	calibrate();
	/* time/'s own handlers first: the clocks move to this tick before the
	 * sleep deadlines (or anything registered later) read them. */
	timer_hook_add(clock_tick);
	timer_hook_add(sleep_tick);
	timer_hook_add(itimer_tick);
	timer_start();
	kprintf("timer: periodic interrupt at %d Hz\n", HZ);
}

void timer_start(void)
{
	uint64_t count = lapic_timer_hz / HZ;

	lapic_timer_periodic(VEC_TIMER, count ? count : 1);
}

void timer_interrupt(struct trap_frame *tf)
{
	this_cpu()->ticks++;
	lapic_eoi();            /* now: a handler may switch to another thread */
	/* CPU 0 keeps time: the clocks, sleep deadlines, interval timers.
	 * Every CPU then charges and preempts its own thread. */
	if (cpu_id() == 0) {
		ticks++;
		for (int i = 0; i < nhooks; i++)
			hooks[i](tf);
	}
	for (int i = 0; i < ncpu_hooks; i++)
		cpu_hooks[i](tf);
}

uint64_t timer_ticks(void) { return ticks; }
