/*
 * calib_math.c - the statistics of calibration: rates of single windows,
 * their median, which windows agree with it, the pooled estimate, and the
 * verdict (agree, retry, unstable). No hardware: host-tested.
 */
#include "time/calib_math.h"

/* a * b / c, rounded down, saturated at UINT64_MAX, without 128-bit
 * division (the kernel has no __udivti3): with a = q * c + r it is
 * q * b + r * b / c, exact while r * b fits, i.e. for c below 2^64 / b
 * (for b = 10^6: c below 1.8e13, far beyond any rate or count here). */
static uint64_t muldiv(uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t q = a / c, r = a % c;

	if (b && q > (UINT64_MAX - r * b / c) / b)
		return UINT64_MAX;
	return q * b + r * b / c;
}

uint64_t calib_rate(const struct calib_window *w)
{
	return w->pit ? muldiv(w->ticks, PIT_HZ, w->pit) : 0;
}

uint64_t calib_median(uint64_t *v, int n)
{
	/* Insertion sort: n is at most a few dozen. */
	for (int i = 1; i < n; i++) {
		uint64_t x = v[i];
		int j = i;
		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	if (n % 2)
		return v[n / 2];
	/* Half of each, so the sum cannot overflow. */
	return v[n / 2 - 1] / 2 + v[n / 2] / 2 + (v[n / 2 - 1] % 2 + v[n / 2] % 2) / 2;
}

bool calib_within(uint64_t x, uint64_t ref, uint32_t ppm)
{
	uint64_t d = x > ref ? x - ref : ref - x;

	return (unsigned __int128)d * 1000000 <= (unsigned __int128)ref * ppm;
}

int32_t calib_deviation_ppm(uint64_t x, uint64_t ref)
{
	if (!ref)
		return x ? INT32_MAX : 0;
	uint64_t ppm = muldiv(x > ref ? x - ref : ref - x, 1000000, ref);
	if (ppm > INT32_MAX)
		ppm = INT32_MAX;
	return x >= ref ? (int32_t)ppm : -(int32_t)ppm;
}

void calib_evaluate(const struct calib_window *w, int n, struct calib_result *r)
{
	uint64_t rates[CALIB_WINDOWS_MAX], sorted[CALIB_WINDOWS_MAX], ticks = 0, pit = 0;

	*r = (struct calib_result){ .windows = n };
	if (n < 1 || n > CALIB_WINDOWS_MAX)
		return;
	for (int i = 0; i < n; i++)
		sorted[i] = rates[i] = calib_rate(&w[i]);
	r->median = calib_median(sorted, n);
	r->min = sorted[0];
	r->max = sorted[n - 1];
	uint64_t spread = r->median ? muldiv(r->max - r->min, 1000000, r->median) : UINT64_MAX;
	r->spread_ppm = spread > UINT32_MAX ? UINT32_MAX : (uint32_t)spread;
	for (int i = 0; i < n; i++) {
		if (!w[i].pit || !calib_within(rates[i], r->median, CALIB_AGREE_PPM))
			continue;
		r->agree++;
		ticks += w[i].ticks;
		pit += w[i].pit;
	}
	if (pit) {
		/* Rounded to the nearest kHz: finer digits are below what the
		 * PIT's 838 ns resolves over these spans, and so a clock whose
		 * rate is round (QEMU's icount TSC: 1 GHz) reads round. */
		uint64_t hz = muldiv(ticks, PIT_HZ, pit);
		r->hz = hz > UINT64_MAX - 500 ? hz : (hz + 500) / 1000 * 1000;
	}
}

enum calib_verdict calib_judge(int agree, int windows, int attempt, int attempts)
{
	if (windows > 0 && agree * 3 >= windows * 2)
		return CALIB_AGREE;
	return attempt + 1 < attempts ? CALIB_RETRY : CALIB_UNSTABLE;
}

enum freq_check freq_check(uint64_t measured, uint64_t reported, bool exact)
{
	if (!reported)
		return FREQ_UNREPORTED;
	if (!calib_within(reported, measured, FREQ_AGREE_PPM))
		return FREQ_DISAGREES;
	return exact ? FREQ_AGREES : FREQ_HINT_AGREES;
}
