/*
 * vvar.h - the clock data page the kernel shares, read-only, with every
 * process, and the one function that turns it into time. The kernel's
 * clock_gettime and the vDSO's both call vvar_clock(), so they can never
 * disagree.
 *
 * Fine clocks: ns = mono_base_ns + ((tsc - tsc_base) * mult) >> 32, with a
 * 128-bit product (no overflow for centuries, no division). Coarse clocks
 * are the values the timer stored at its last tick. The timer updates the
 * page under a sequence count: odd while it writes; a reader retries when
 * the count was odd or changed under it.
 */
#ifndef API_VVAR_H
#define API_VVAR_H

#include <stdint.h>

#include "abi.h"
#include "errno.h"

struct vvar {
	volatile uint32_t seq;           /* odd while the kernel writes */
	uint32_t hz;                     /* timer ticks per second (clock_getres of coarse clocks) */
	uint64_t tsc_base;               /* TSC at mono_base_ns */
	uint64_t mono_base_ns;           /* CLOCK_MONOTONIC at tsc_base */
	uint64_t mult;                   /* ns per TSC tick, as a 32.32 fixed-point number */
	int64_t realtime_offset_ns;      /* CLOCK_REALTIME - CLOCK_MONOTONIC */
	uint64_t coarse_mono_ns;         /* CLOCK_MONOTONIC at the last timer tick */
};

static inline uint64_t vvar_rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* Clock ids by kind, as bit masks (bit n = clock id n). */
#define VVAR_CLOCKS  0xf3u   /* REALTIME MONOTONIC MONOTONIC_RAW REALTIME_COARSE MONOTONIC_COARSE BOOTTIME */
#define VVAR_COARSE  0x60u   /* REALTIME_COARSE MONOTONIC_COARSE: the last tick's value */
#define VVAR_WALL    0x21u   /* REALTIME REALTIME_COARSE: plus the wall-clock offset */

/*
 * Fill *ts for clock clk from v; 0, or -EINVAL for a clock it does not know
 * (2 and 3, the CPU-time clocks, are not kept here). The fields are read
 * between two reads of seq; an odd or changed seq means the timer was
 * writing, so read again. (v points at memory the kernel changes: never
 * declare the page itself const, or the compiler may read it only once.)
 */
static inline int vvar_clock(const struct vvar *v, int clk, struct timespec *ts)
{
	uint32_t seq, bit;
	uint64_t ns;

	if ((unsigned)clk > 7 || !((VVAR_CLOCKS >> clk) & 1))
		return -EINVAL;
	bit = 1u << clk;
	do {
		seq = v->seq;
		__asm__ volatile("" ::: "memory");          /* the fields after seq */
		if (bit & VVAR_COARSE) {
			ns = v->coarse_mono_ns;
		} else {
			uint64_t d = vvar_rdtsc() - v->tsc_base;
			ns = v->mono_base_ns + (uint64_t)(((unsigned __int128)d * v->mult) >> 32);
		}
		if (bit & VVAR_WALL)
			ns += v->realtime_offset_ns;
		__asm__ volatile("" ::: "memory");          /* seq after the fields */
	} while ((seq & 1) || seq != v->seq);
	ts->tv_sec = ns / 1000000000u;
	ts->tv_nsec = ns % 1000000000u;
	return 0;
}

/* The resolution of clock clk: 1 ns, or a timer tick for the coarse ones. */
static inline int vvar_clock_res(const struct vvar *v, int clk, struct timespec *ts)
{
	struct timespec now;

	if (vvar_clock(v, clk, &now) < 0)
		return -EINVAL;
	ts->tv_sec = 0;
	ts->tv_nsec = (clk == CLOCK_REALTIME_COARSE || clk == CLOCK_MONOTONIC_COARSE) ? 1000000000 / v->hz : 1;
	return 0;
}

#endif
