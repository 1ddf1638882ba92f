/* time_tests.c - the clocks are calibrated, agree with each other, and tick. */
#include "arch/cpu.h"
#include "ktest.h"
#include "time/calib_math.h"
#include "time/calibrate.h"
#include "time/clock.h"
#include "time/timer.h"

#define SPANS 3

void test_tsc_calibrated(void)
{
	KT_CHECK(tsc_hz >= 100000000ULL && tsc_hz <= 100000000000ULL);
	KT_CHECK(tsc_to_ns(tsc_hz) == 1000000000ULL);
	KT_CHECK(lapic_timer_hz >= 1000000ULL && lapic_timer_hz <= 10000000000ULL);
}

/*
 * Over a fresh 50 ms of PIT time, with bracketed endpoints, the TSC and
 * the LAPIC timer count what their calibrated rates say, within 1%. The
 * median of three spans is judged, so one host hiccup cannot fail it.
 * The LAPIC timer is borrowed for it (one-shot), then ticks again.
 */
void test_clocks_agree(void)
{
	uint64_t tsc[SPANS], lapic[SPANS], t, l;

	for (int i = 0; i < SPANS; i++) {
		struct clock_span s;
		clock_span_measure(PIT_HZ / 20, &s);
		tsc[i] = calib_rate(&(struct calib_window){ s.pit, s.tsc });
		lapic[i] = calib_rate(&(struct calib_window){ s.pit, s.lapic });
	}
	timer_start();
	t = calib_median(tsc, SPANS);
	l = calib_median(lapic, SPANS);
	kprintf("# over 50 ms of PIT time: tsc %lu.%03lu MHz (calibrated %lu.%03lu), "
		"lapic timer %lu.%03lu MHz (calibrated %lu.%03lu)\n",
		t / 1000000, t / 1000 % 1000, tsc_hz / 1000000, tsc_hz / 1000 % 1000,
		l / 1000000, l / 1000 % 1000, lapic_timer_hz / 1000000, lapic_timer_hz / 1000 % 1000);
	KT_CHECK(calib_within(t, tsc_hz, FREQ_AGREE_PPM));
	KT_CHECK(calib_within(l, lapic_timer_hz, FREQ_AGREE_PPM));
}

/*
 * The periodic timer ticks at HZ by the TSC: 300 ms hold 30 ticks (one
 * more or less where a tick falls on an end of the span), a few fewer when
 * the host was busy (QEMU drops a period its vCPU missed, never adds one).
 */
void test_timer_interrupts(void)
{
	uint64_t span = tsc_hz * 3 / 10, t0, c0, n;

	KT_CHECK(read_rflags() & RFLAGS_IF);
	t0 = timer_ticks();
	c0 = rdtsc();
	do {
		n = timer_ticks() - t0;         /* not the tick that wakes us past the end */
		hlt();                          /* sleeps until the next interrupt */
	} while (rdtsc() - c0 < span);
	kprintf("# %lu timer ticks in 300 ms by the TSC (%d expected)\n", n, HZ * 3 / 10);
	KT_CHECK(n <= HZ * 3 / 10 + 1);
	/* At least half: a starved emulator may merge ticks that piled up
	 * (TCG on a busy host), but a timer at the wrong rate fails. */
	KT_CHECK(n >= HZ * 3 / 10 / 2);
}
