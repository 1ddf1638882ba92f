/*
 * compat_time.c - the i386 ABI's time calls with 32-bit seconds:
 * clock_gettime, clock_getres, gettimeofday, time, nanosleep,
 * clock_nanosleep, getitimer, setitimer and times (32-bit clock_t). They
 * answer from the same cores as the 64-bit calls (vvar, sleep.c,
 * itimer.c, sys_info.c). The _time64 forms (clock_gettime64 and co.)
 * take the 64-bit timespec and share the 64-bit handlers.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "api/usage.h"
#include "api/vvar.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* clock_gettime(clock, ts) */
long compat_sys_clock_gettime(struct trap_frame *tf)
{
	struct timespec ts;

	if (vvar_clock(vvar, (int)arg(tf, 0), &ts) < 0)
		return -EINVAL;
	return put_compat_timespec(arg(tf, 1), &ts);
}

/* clock_getres(clock, ts): ts may be NULL. */
long compat_sys_clock_getres(struct trap_frame *tf)
{
	struct timespec ts;

	if (vvar_clock_res(vvar, (int)arg(tf, 0), &ts) < 0)
		return -EINVAL;
	return arg(tf, 1) ? put_compat_timespec(arg(tf, 1), &ts) : 0;
}

/* gettimeofday(tv, tz): either may be NULL; the zone is UTC. */
long compat_sys_gettimeofday(struct trap_frame *tf)
{
	struct timeval tv;
	static const struct timezone utc;

	vvar_timeofday(vvar, &tv);
	if (arg(tf, 0) && put_compat_timeval(arg(tf, 0), &tv) < 0)
		return -EFAULT;
	if (arg(tf, 1) && copy_to_user((void *)arg(tf, 1), &utc, sizeof(utc)) < 0)
		return -EFAULT;
	return 0;
}

/* time(t): 32-bit seconds, also stored at t when it is not NULL. */
long compat_sys_time(struct trap_frame *tf)
{
	int32_t t = (int32_t)vvar_time(vvar);

	if (arg(tf, 0) && copy_to_user((void *)arg(tf, 0), &t, sizeof(t)) < 0)
		return -EFAULT;
	return t;
}

/* nanosleep(req, rem) */
long compat_sys_nanosleep(struct trap_frame *tf) { return do_nanosleep(arg(tf, 0), arg(tf, 1), true); }

/* clock_nanosleep(clock, flags, req, rem) */
long compat_sys_clock_nanosleep(struct trap_frame *tf)
{
	return do_clock_nanosleep((int)arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), true);
}

static struct compat_itimerval itimerval32(const struct itimerval *v)
{
	return (struct compat_itimerval){ compat_timeval(&v->it_interval), compat_timeval(&v->it_value) };
}

/* getitimer(which, value) */
long compat_sys_getitimer(struct trap_frame *tf)
{
	struct itimerval v;
	long r = do_getitimer((int)arg(tf, 0), &v);

	if (r < 0)
		return r;
	struct compat_itimerval c = itimerval32(&v);
	return copy_to_user((void *)arg(tf, 1), &c, sizeof(c));
}

/* setitimer(which, new, old): NULL new means "off", as for 64-bit callers. */
long compat_sys_setitimer(struct trap_frame *tf)
{
	struct itimerval v = { 0 }, old;
	struct compat_itimerval c;
	uint64_t unew = arg(tf, 1), uold = arg(tf, 2);
	long r;

	if (arg(tf, 0) != 0)
		return -EINVAL;
	if (unew) {
		if (copy_from_user(&c, (void *)unew, sizeof(c)) < 0)
			return -EFAULT;
		v = (struct itimerval){ { c.it_interval.tv_sec, c.it_interval.tv_usec },
					{ c.it_value.tv_sec, c.it_value.tv_usec } };
	}
	if ((r = do_setitimer(0, &v, &old)) < 0)
		return r;
	c = itimerval32(&old);
	if (uold && copy_to_user((void *)uold, &c, sizeof(c)) < 0)
		return -EFAULT;
	return 0;
}

/* times(buf): 32-bit clock_t, in buf and in the result (which wraps, as
 * on Linux). */
long compat_sys_times(struct trap_frame *tf)
{
	struct tms t;
	long ticks = do_times(&t);
	struct compat_tms c = { (int32_t)t.tms_utime, (int32_t)t.tms_stime, (int32_t)t.tms_cutime,
				(int32_t)t.tms_cstime };

	if (arg(tf, 0) && copy_to_user((void *)arg(tf, 0), &c, sizeof(c)) < 0)
		return -EFAULT;
	return (uint32_t)ticks;
}
