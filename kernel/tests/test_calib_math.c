/*
 * test_calib_math.c - host tests for kernel/time/calib_math.c: window
 * rates, the median, agreement and the pooled estimate, the verdict, and
 * the check of a reported frequency. The windows below are shaped like
 * real ones (10 ms of PIT counts, the TSC of a 2.3 GHz host), including
 * the one that started it all: a boot that measured 760 MHz because the
 * vCPU was descheduled inside the measurement.
 */
#include "check.h"
#include "time/calib_math.h"

#define NW 9

/* Nine windows of about 10 ms at 2.3 GHz, PIT counts and TSC ticks as a
 * TCG boot measured them (rates 2299.95 .. 2300.07 MHz). */
static const struct calib_window good[NW] = {
	{ 12026, 23181752 }, { 11942, 23019316 }, { 11939, 23014119 },
	{ 12066, 23258126 }, { 11941, 23017712 }, { 11937, 23010649 },
	{ 11941, 23017286 }, { 11950, 23034520 }, { 11943, 23021940 },
};

static void test_rate(void)
{
	CHECK_EQ(calib_rate(&(struct calib_window){ 11941, 23017712 }), 2300001644);
	/* Under QEMU -icount shift=0: 11932 counts are 10000150.8 ns. */
	CHECK_EQ(calib_rate(&(struct calib_window){ 11932, 10000150 }), 999999914);
	CHECK_EQ(calib_rate(&(struct calib_window){ PIT_HZ, 123456789 }), 123456789);
	CHECK_EQ(calib_rate(&(struct calib_window){ 0, 5 }), 0);            /* the PIT did not move */
	/* No overflow for long spans: 1000 s at 10 GHz. */
	CHECK_EQ(calib_rate(&(struct calib_window){ 1000ULL * PIT_HZ, 10000000000000ULL }), 10000000000ULL);
	/* Saturates rather than wraps. */
	CHECK_EQ(calib_rate(&(struct calib_window){ 1, UINT64_MAX / 2 }), (long long)UINT64_MAX);
}

static void test_median(void)
{
	uint64_t a[] = { 5, 1, 4, 2, 3 }, b[] = { 10, 40, 20, 30 }, c[] = { 7 };
	uint64_t d[] = { 3, 3, 1, 3 }, e[] = { UINT64_MAX, UINT64_MAX - 2 };
	uint64_t f[] = { 1, 2 };

	CHECK_EQ(calib_median(a, 5), 3);
	CHECK(a[0] == 1 && a[1] == 2 && a[2] == 3 && a[3] == 4 && a[4] == 5);  /* sorted */
	CHECK_EQ(calib_median(b, 4), 25);                /* the mean of the middle two */
	CHECK_EQ(calib_median(c, 1), 7);
	CHECK_EQ(calib_median(d, 4), 3);
	CHECK(calib_median(e, 2) == UINT64_MAX - 1);     /* no overflow adding them */
	CHECK_EQ(calib_median(f, 2), 1);                 /* rounded down */
}

static void test_within(void)
{
	CHECK(calib_within(1005, 1000, 5000));           /* 0.5% exactly: in */
	CHECK(calib_within(995, 1000, 5000));
	CHECK(!calib_within(1006, 1000, 5000));
	CHECK(!calib_within(994, 1000, 5000));
	CHECK(calib_within(1000, 1000, 0));
	CHECK(!calib_within(1, 0, 5000));
	CHECK(calib_within(UINT64_MAX, UINT64_MAX - 1, 1));   /* no overflow */
	CHECK_EQ(calib_deviation_ppm(1010, 1000), 10000);
	CHECK_EQ(calib_deviation_ppm(990, 1000), -10000);
	CHECK_EQ(calib_deviation_ppm(3000000000ULL, 1000000000ULL), 2000000);   /* +200% */
	CHECK_EQ(calib_deviation_ppm(UINT64_MAX, 1), INT32_MAX);
	CHECK_EQ(calib_deviation_ppm(5, 0), INT32_MAX);
	CHECK_EQ(calib_deviation_ppm(0, 0), 0);
}

static void test_all_agree(void)
{
	struct calib_result r;

	calib_evaluate(good, NW, &r);
	CHECK_EQ(r.windows, NW);
	CHECK_EQ(r.agree, NW);
	CHECK_EQ(r.median, 2300001644);
	CHECK_EQ(r.min, 2299947668);
	CHECK_EQ(r.max, 2300066364);
	CHECK(r.spread_ppm >= 51 && r.spread_ppm <= 52);   /* 0.005% */
	CHECK_EQ(r.hz % 1000, 0);                          /* to the kHz */
	CHECK(calib_within(r.hz, 2300000000ULL, 100));
	CHECK_EQ(calib_judge(r.agree, r.windows, 0, 3), CALIB_AGREE);
}

/* One window with the vCPU away for 6.7 of its 10 ms between the PIT's
 * start and the TSC's first read (the old method's failure: 760 MHz).
 * The median does not move, the window is outvoted, the estimate is the
 * same as the good windows' alone. */
static void test_one_bad_window(void)
{
	struct calib_window w[NW];
	struct calib_result all, bad;

	for (int i = 0; i < NW; i++)
		w[i] = good[i];
	w[3].ticks = w[3].ticks * 760 / 2300;
	calib_evaluate(good, NW, &all);
	calib_evaluate(w, NW, &bad);
	CHECK_EQ(bad.agree, NW - 1);
	CHECK(calib_within(bad.median, all.median, 100));
	CHECK(calib_within(bad.hz, all.hz, 100));
	CHECK(bad.min < 770000000ULL);
	CHECK(bad.spread_ppm > 600000);                    /* 67%: reported in the spread */
	CHECK_EQ(calib_judge(bad.agree, bad.windows, 0, 3), CALIB_AGREE);

	/* The other way round: an absence inside a window, on one clock only. */
	w[3] = good[3];
	w[5].ticks *= 3;
	calib_evaluate(w, NW, &bad);
	CHECK_EQ(bad.agree, NW - 1);
	CHECK(calib_within(bad.hz, all.hz, 100));
}

/* Many bad windows: no clear majority, retry, and in the end unstable. */
static void test_disagreement(void)
{
	struct calib_window w[NW];
	struct calib_result r;

	for (int i = 0; i < NW; i++)
		w[i] = good[i];
	for (int i = 0; i < 4; i++)                        /* 4 of 9 off by 1-4% */
		w[i].ticks += w[i].ticks / 100 * (i + 1);
	calib_evaluate(w, NW, &r);
	CHECK_EQ(r.agree, 5);
	CHECK_EQ(calib_judge(r.agree, r.windows, 0, 3), CALIB_RETRY);
	CHECK_EQ(calib_judge(r.agree, r.windows, 1, 3), CALIB_RETRY);
	CHECK_EQ(calib_judge(r.agree, r.windows, 2, 3), CALIB_UNSTABLE);
	CHECK(r.spread_ppm > 39000 && r.spread_ppm < 41000);   /* about 4% */

	/* Two thirds is enough; less is not. */
	CHECK_EQ(calib_judge(6, 9, 0, 3), CALIB_AGREE);
	CHECK_EQ(calib_judge(5, 9, 0, 3), CALIB_RETRY);
	CHECK_EQ(calib_judge(5, 7, 0, 3), CALIB_AGREE);
	CHECK_EQ(calib_judge(4, 7, 0, 1), CALIB_UNSTABLE);
	CHECK_EQ(calib_judge(0, 0, 0, 3), CALIB_RETRY);
}

/* Under -icount shift=0 the TSC is 1 GHz exactly and every window reads a
 * hair under it (each sample lags its PIT edge by a few instructions);
 * pooling and rounding to the kHz give exactly 1000.000 MHz. */
static void test_icount_is_round(void)
{
	struct calib_window w[NW];
	struct calib_result r;

	for (int i = 0; i < NW; i++)
		w[i] = (struct calib_window){ 11932, 10000149 };
	w[0].ticks = 10000151;
	w[NW - 1].ticks = 10000171;
	calib_evaluate(w, NW, &r);
	CHECK_EQ(r.agree, NW);
	CHECK_EQ(r.hz, 1000000000);
	CHECK_EQ(r.median, 999999814);
	/* The LAPIC timer at 1 GHz / 16. */
	for (int i = 0; i < NW; i++)
		w[i] = (struct calib_window){ 11932, 625009 + i % 3 };
	calib_evaluate(w, NW, &r);
	CHECK_EQ(r.hz, 62500000);
}

static void test_degenerate(void)
{
	struct calib_window w[3] = { { 0, 5 }, { 11932, 10000150 }, { 11932, 10000150 } };
	struct calib_result r;

	calib_evaluate(w, 3, &r);                          /* a PIT that did not move is no vote */
	CHECK_EQ(r.agree, 2);
	CHECK_EQ(r.hz, 1000000000);
	calib_evaluate(w, 1, &r);                          /* nothing but that one */
	CHECK_EQ(r.agree, 0);
	CHECK_EQ(r.hz, 0);
	CHECK_EQ(r.spread_ppm, UINT32_MAX);
	calib_evaluate(w, 0, &r);
	CHECK_EQ(r.hz, 0);
	CHECK_EQ(r.windows, 0);
	calib_evaluate(w, CALIB_WINDOWS_MAX + 1, &r);      /* too many: refused, not overrun */
	CHECK_EQ(r.hz, 0);
	CHECK_EQ(r.agree, 0);
}

static void test_freq_check(void)
{
	CHECK_EQ(freq_check(1000000000, 0, true), FREQ_UNREPORTED);
	CHECK_EQ(freq_check(2294712000ULL, 2294688000ULL, true), FREQ_AGREES);
	CHECK_EQ(freq_check(2294712000ULL, 2294688000ULL, false), FREQ_HINT_AGREES);
	CHECK_EQ(freq_check(1000000000, 1010000000, true), FREQ_AGREES);      /* 1% exactly */
	CHECK_EQ(freq_check(1000000000, 1010000001, true), FREQ_DISAGREES);
	/* -icount shift=0: 1 GHz of virtual time, whatever the CPU says. */
	CHECK_EQ(freq_check(1000000000, 2294688000ULL, true), FREQ_DISAGREES);
	CHECK_EQ(freq_check(1000000000, 3000000000ULL, false), FREQ_DISAGREES);
}

int main(void)
{
	test_rate();
	test_median();
	test_within();
	test_all_agree();
	test_one_bad_window();
	test_disagreement();
	test_icount_is_round();
	test_degenerate();
	test_freq_check();
	return check_done();
}
