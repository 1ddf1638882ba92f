/*
 * clock.c - the time calls: through the vDSO when the kernel mapped one (no
 * kernel entry at all), else the system call. The vDSO returns what the
 * call would: 0 or -errno.
 */
#include <sys/entry.h>
#include <sys/time.h>
#include <time.h>

#include "syscall.h"

static int (*vdso_clock_gettime)(clockid_t, struct timespec *);
static int (*vdso_clock_getres)(clockid_t, struct timespec *);
static int (*vdso_gettimeofday)(struct timeval *, struct timezone *);

void __libc_init_vdso(void)
{
	vdso_clock_gettime = libc_vdso_sym("__vdso_clock_gettime");
	vdso_clock_getres = libc_vdso_sym("__vdso_clock_getres");
	vdso_gettimeofday = libc_vdso_sym("__vdso_gettimeofday");
}

/* Every other case: the vDSO's answer with errno, or the system call. */
static __attribute__((noinline)) int clock_gettime_slow(clockid_t clk, struct timespec *ts)
{
	if (vdso_clock_gettime)
		return __syscall_ret(vdso_clock_gettime(clk, ts));
	return __syscall_ret(__syscall2(SYS_clock_gettime, clk, ts));
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	/* For these two the vDSO always answers 0 (docs/abi.md): no errno to
	 * set, so hand over to it directly (a tail call). */
	if (vdso_clock_gettime && (clk == CLOCK_MONOTONIC || clk == CLOCK_REALTIME))
		return vdso_clock_gettime(clk, ts);
	return clock_gettime_slow(clk, ts);
}

int clock_getres(clockid_t clk, struct timespec *ts)
{
	if (vdso_clock_getres)
		return __syscall_ret(vdso_clock_getres(clk, ts));
	return __syscall_ret(__syscall2(SYS_clock_getres, clk, ts));
}

int gettimeofday(struct timeval *tv, struct timezone *tz)
{
	if (vdso_gettimeofday)
		return __syscall_ret(vdso_gettimeofday(tv, tz));
	return __syscall_ret(__syscall2(SYS_gettimeofday, tv, tz));
}

time_t time(time_t *t)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}
