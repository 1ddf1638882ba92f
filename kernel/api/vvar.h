/*
 * vvar.h - the clock data page the kernel shares, read-only, with every
 * process, and the functions that turn it into time. The kernel's
 * clock_gettime and the vDSO's both call vvar_clock(), so they can never
 * disagree.
 *
 * At every timer tick the kernel stores the time (seconds and nanoseconds,
 * for CLOCK_MONOTONIC and CLOCK_REALTIME) and the TSC it belongs to. A
 * fine reading adds ((tsc - tsc_base) * mult) >> 32 nanoseconds (a 128-bit
 * product: no overflow, no division) and carries whole seconds; a coarse
 * one is the stored time itself. The kernel writes under a sequence count:
 * odd while it writes; a reader retries when the count was odd or changed.
 * (Each tick drops less than a nanosecond of fraction, so the clocks run a
 * hair slow, below 0.1 ppm, but never backwards.)
 */
#ifndef API_VVAR_H
#define API_VVAR_H

#include <stdint.h>

#include "abi.h"
#include "errno.h"

#define NSEC_PER_SEC 1000000000u

struct vvar_time {
	int64_t sec;
	uint64_t nsec;                   /* below NSEC_PER_SEC */
};

struct vvar {
	volatile uint32_t seq;           /* odd while the kernel writes */
	uint32_t hz;                     /* timer ticks per second (clock_getres of coarse clocks) */
	uint64_t tsc_base;               /* the TSC at the last update */
	uint64_t mult;                   /* ns per TSC tick, as a 32.32 fixed-point number */
	struct vvar_time mono;           /* CLOCK_MONOTONIC at tsc_base */
	struct vvar_time wall;           /* CLOCK_REALTIME at tsc_base */
};

static inline uint64_t vvar_rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* Nanoseconds from tsc_base to tsc. */
static inline uint64_t vvar_delta_ns(const struct vvar *v, uint64_t tsc)
{
#ifdef __x86_64__
	return (uint64_t)(((unsigned __int128)(tsc - v->tsc_base) * v->mult) >> 32);
#else
	/* The 32-bit vDSO: no 128-bit type on i386, so the same 64x64 >> 32
	 * from 32-bit halves (the low half of dl*ml is all that drops out). */
	uint64_t d = tsc - v->tsc_base, m = v->mult;
	uint32_t dl = (uint32_t)d, dh = (uint32_t)(d >> 32), ml = (uint32_t)m, mh = (uint32_t)(m >> 32);
	return ((uint64_t)dh * mh << 32) + (uint64_t)dh * ml + (uint64_t)dl * mh + ((uint64_t)dl * ml >> 32);
#endif
}

/* t + ns, with whole seconds carried (a loop: ns is rarely above a tick). */
static inline void vvar_time_add(struct vvar_time *t, uint64_t ns)
{
	uint64_t nsec = t->nsec + ns;

	while (nsec >= NSEC_PER_SEC) {
		__asm__("" : "+r"(nsec));      /* keep the loop: a division costs more */
		nsec -= NSEC_PER_SEC;
		t->sec++;
	}
	t->nsec = nsec;
}

/* Clock ids by kind, as bit masks (bit n = clock id n). */
#define VVAR_CLOCKS  0x8f3u  /* REALTIME MONOTONIC MONOTONIC_RAW REALTIME_COARSE MONOTONIC_COARSE BOOTTIME TAI */
#define VVAR_COARSE  0x60u   /* REALTIME_COARSE MONOTONIC_COARSE: the last tick's value */
#define VVAR_WALL    0x821u  /* REALTIME REALTIME_COARSE TAI */
#define VVAR_MAX_CLOCK 11

/*
 * Fill *ts for clock clk from v; 0, or -EINVAL for a clock it does not know
 * (2 and 3, the CPU-time clocks, are not kept here; TAI is the wall clock,
 * with Linux's default TAI offset of 0). v points at memory the
 * kernel changes: never declare the page itself const, or the compiler may
 * read it only once.
 */
static inline int vvar_clock(const struct vvar *v, int clk, struct timespec *ts)
{
	const struct vvar_time *base;
	struct vvar_time t;
	uint32_t seq, bit;

	if ((unsigned)clk > VVAR_MAX_CLOCK || !((VVAR_CLOCKS >> clk) & 1))
		return -EINVAL;
	bit = 1u << clk;
	base = (bit & VVAR_WALL) ? &v->wall : &v->mono;
	do {
		seq = v->seq;
		__asm__ volatile("" ::: "memory");          /* the fields after seq */
		t = *base;
		if (!(bit & VVAR_COARSE))
			t.nsec += vvar_delta_ns(v, vvar_rdtsc());
		__asm__ volatile("" ::: "memory");          /* seq after the fields */
	} while ((seq & 1) || seq != v->seq);
	vvar_time_add(&t, 0);
	ts->tv_sec = t.sec;
	ts->tv_nsec = t.nsec;
	return 0;
}

/* gettimeofday's answer: the wall clock in microseconds. */
static inline void vvar_timeofday(const struct vvar *v, struct timeval *tv)
{
	struct timespec ts;

	vvar_clock(v, CLOCK_REALTIME, &ts);
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
}

/* time's answer: whole seconds of the coarse wall clock. */
static inline int64_t vvar_time(const struct vvar *v)
{
	struct timespec ts;

	vvar_clock(v, CLOCK_REALTIME_COARSE, &ts);
	return ts.tv_sec;
}

/* The resolution of clock clk: 1 ns, or a timer tick for the coarse ones. */
static inline int vvar_clock_res(const struct vvar *v, int clk, struct timespec *ts)
{
	if ((unsigned)clk > VVAR_MAX_CLOCK || !((VVAR_CLOCKS >> clk) & 1))
		return -EINVAL;
	ts->tv_sec = 0;
	ts->tv_nsec = ((1u << clk) & VVAR_COARSE) ? NSEC_PER_SEC / v->hz : 1;
	return 0;
}

#endif
