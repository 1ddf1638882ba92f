/*
 * sys_time.c - the calls that read the clocks: clock_gettime,
 * clock_getres, gettimeofday and time. Each answers from the vvar page
 * through the same functions the vDSO uses (api/vvar.h), so the two can
 * never disagree.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "api/vvar.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

long sys_clock_gettime(struct trap_frame *tf)
{
	struct timespec ts;

	if (vvar_clock(vvar, arg(tf, 0), &ts) < 0)
		return -EINVAL;
	return copy_to_user((void *)arg(tf, 1), &ts, sizeof(ts));
}

long sys_clock_getres(struct trap_frame *tf)
{
	struct timespec ts;

	if (vvar_clock_res(vvar, arg(tf, 0), &ts) < 0)
		return -EINVAL;
	return arg(tf, 1) ? copy_to_user((void *)arg(tf, 1), &ts, sizeof(ts)) : 0;
}

long sys_gettimeofday(struct trap_frame *tf)
{
	struct timeval tv;
	static const struct timezone utc;

	vvar_timeofday(vvar, &tv);
	if (arg(tf, 0) && copy_to_user((void *)arg(tf, 0), &tv, sizeof(tv)) < 0)
		return -EFAULT;
	if (arg(tf, 1) && copy_to_user((void *)arg(tf, 1), &utc, sizeof(utc)) < 0)
		return -EFAULT;
	return 0;
}

long sys_time(struct trap_frame *tf)
{
	int64_t t = vvar_time(vvar);

	if (arg(tf, 0) && copy_to_user((void *)arg(tf, 0), &t, sizeof(t)) < 0)
		return -EFAULT;
	return t;
}
