/*
 * tsc.c - the TSC as a clock: its calibrated rate, and ticks to nanoseconds.
 * One clock for every CPU: QEMU gives all vCPUs one TSC (as hardware with
 * an invariant, synchronised TSC does), so the BSP's calibration and the
 * vvar page's TSC-based clocks hold on any CPU (arch/x86_64/smp.c).
 */
#include "time/clock.h"

uint64_t tsc_hz;

uint64_t tsc_to_ns(uint64_t t)
{
	/* t * 1e9 / tsc_hz without overflow for t up to hours. */
	return t / tsc_hz * 1000000000ULL + t % tsc_hz * 1000000000ULL / tsc_hz;
}
