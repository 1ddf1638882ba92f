/*
 * vdso32.c - the 32-bit vDSO's time functions: the 64-bit vDSO's vvar
 * reading (api/vvar.h, the one copy of that logic) compiled for i386,
 * with the i386 ABI's structures: a 32-bit timespec and timeval for the
 * old calls, the 64-bit one for clock_gettime64. Each returns what the
 * system call would: 0, or -errno; whatever the vvar page cannot answer
 * goes to the real (i386) system call.
 */
#include "api/vvar.h"
#include "sys/syscall.h"                 /* the i386 numbers (build/gen/i386) */

extern struct vvar vvar_page __attribute__((visibility("hidden")));

struct timespec32 {
	int32_t tv_sec, tv_nsec;
};
struct timeval32 {
	int32_t tv_sec, tv_usec;
};

/* Only error paths get here: int $0x80 with the i386 registers. */
static long fallback(long nr, long a, long b)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b) : "memory");
	return r;
}

int __vdso_clock_gettime64(int clk, struct timespec *ts)
{
	if (vvar_clock(&vvar_page, clk, ts) == 0)
		return 0;
	return fallback(SYS_clock_gettime64, clk, (long)ts);
}

int __vdso_clock_gettime(int clk, struct timespec32 *ts)
{
	struct timespec t;

	if (vvar_clock(&vvar_page, clk, &t) < 0)
		return fallback(SYS_clock_gettime, clk, (long)ts);
	ts->tv_sec = (int32_t)t.tv_sec;           /* as Linux's: wraps in 2038 */
	ts->tv_nsec = (int32_t)t.tv_nsec;
	return 0;
}

int __vdso_clock_getres(int clk, struct timespec32 *ts)
{
	struct timespec res;

	if (vvar_clock_res(&vvar_page, clk, &res) < 0)
		return fallback(SYS_clock_getres, clk, (long)ts);
	if (ts)
		ts->tv_sec = (int32_t)res.tv_sec, ts->tv_nsec = (int32_t)res.tv_nsec;
	return 0;
}

int __vdso_gettimeofday(struct timeval32 *tv, struct timezone *tz)
{
	struct timespec t;

	if (tv) {
		vvar_clock(&vvar_page, CLOCK_REALTIME, &t);
		tv->tv_sec = (int32_t)t.tv_sec;
		tv->tv_usec = (uint32_t)t.tv_nsec / 1000;   /* a 32-bit division: no libgcc here */
	}
	if (tz)
		tz->tz_minuteswest = tz->tz_dsttime = 0;   /* the kernel keeps UTC */
	return 0;
}

int32_t __vdso_time(int32_t *t)
{
	int32_t s = (int32_t)vvar_time(&vvar_page);

	if (t)
		*t = s;
	return s;
}
