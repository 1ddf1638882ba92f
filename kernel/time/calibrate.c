/*
 * calibrate.c - the TSC and LAPIC timer rates, measured against the PIT (a
 * crystal of known frequency, 1193182 Hz).
 *
 * Under QEMU -icount shift=0 virtual time advances one nanosecond per guest
 * instruction, so this measures 1 GHz and a TSC tick is one instruction.
 */
#include "arch/cpu.h"
#include "kernel.h"
#include "time/calibrate.h"
#include "time/clock.h"
#include "time/timer.h"

#define PIT_HZ 1193182
#define CALIBRATE_MS 10
#define LATCH (PIT_HZ * CALIBRATE_MS / 1000)   /* 11931 PIT ticks, just under 10 ms */

/* Busy-wait CALIBRATE_MS on PIT channel 2; return the TSC ticks it took. */
static uint64_t pit_wait(uint32_t *lapic_elapsed)
{
	uint64_t t0, t1;
	uint32_t l0;

	outb(0x61, (inb(0x61) & ~0x02) | 0x01);   /* gate channel 2 on, speaker off */
	outb(0x43, 0xb0);                          /* channel 2, lo/hi byte, mode 0 */
	outb(0x42, LATCH & 0xff);
	outb(0x42, LATCH >> 8);                    /* counting starts now */
	lapic_timer_oneshot_max();
	l0 = lapic_timer_current();
	t0 = rdtsc();
	while (!(inb(0x61) & 0x20))                /* OUT2 rises at terminal count */
		pause();
	t1 = rdtsc();
	*lapic_elapsed = l0 - lapic_timer_current();
	return t1 - t0;
}

void calibrate(void)
{
	uint64_t best = ~0ULL;
	uint32_t lbest = 0;

	/* Three rounds, keep the shortest: an emulator hiccup only makes one longer. */
	for (int i = 0; i < 3; i++) {
		uint32_t l;
		uint64_t t = pit_wait(&l);
		if (t < best) {
			best = t;
			lbest = l;
		}
	}
	/* The wait lasted exactly LATCH / PIT_HZ seconds. */
	tsc_hz = best * PIT_HZ / LATCH;
	lapic_timer_hz = (uint64_t)lbest * PIT_HZ / LATCH;
	kprintf("timer: tsc %lu.%03lu MHz, lapic timer %lu.%03lu MHz (PIT calibration)\n",
		tsc_hz / 1000000, tsc_hz / 1000 % 1000, lapic_timer_hz / 1000000, lapic_timer_hz / 1000 % 1000);
}
