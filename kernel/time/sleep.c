/*
 * sleep.c - sleeping until a time: nanosleep, and the tick handler that ends
 * sleeps at their deadline. The sleeping itself (sleep_on, wakeup) is the
 * scheduler's, in proc/sleep.c; a sleeper's deadline is p->wake_ns, in
 * CLOCK_MONOTONIC nanoseconds.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "time/clock.h"
#include "api/vvar.h"
#include "uaccess.h"

#define NSEC 1000000000ULL

/* From the timer: make every sleeper whose deadline has passed runnable. */
void sleep_tick(struct trap_frame *tf)
{
	uint64_t now = 0;

	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (p->state != P_BLOCKED || !p->wake_ns)
			continue;
		if (!now)
			now = clock_monotonic_ns();
		if (now >= p->wake_ns) {
			p->chan = NULL;               /* the deadline, not a signal */
			sched_make_runnable(p);
		}
	}
}

/* now + t in ns, or UINT64_MAX where that would overflow. */
static uint64_t after(uint64_t now, const struct timespec *t)
{
	if ((uint64_t)t->tv_sec > (UINT64_MAX - now) / NSEC - 1)
		return UINT64_MAX;
	return now + (uint64_t)t->tv_sec * NSEC + t->tv_nsec;
}

static long sleep_restart(struct restart_block *r);

/* A user timespec, 64-bit or (ts32, the i386 ABI's) 32-bit. */
static long get_ts(uint64_t u, struct timespec *ts, bool ts32)
{
	if (ts32)
		return get_compat_timespec(u, ts);
	return copy_from_user(ts, (void *)u, sizeof(*ts));
}

static long put_ts(uint64_t u, const struct timespec *ts, bool ts32)
{
	if (ts32)
		return put_compat_timespec(u, ts);
	return copy_to_user((void *)u, ts, sizeof(*ts));
}

/* Sleep (not spin) until the monotonic deadline, on the tick. A signal
 * ends it early with the time left in *urem (a 32-bit timespec for ts32)
 * when urem is set, and -ERESTART_RESTARTBLOCK: -EINTR for a handler,
 * else restart_syscall sleeps on to the same deadline (Linux's
 * hrtimer_nanosleep_restart). */
static long sleep_until(uint64_t deadline, uint64_t urem, bool ts32)
{
	struct proc *p = current();
	uint64_t now;

	while ((now = clock_monotonic_ns()) < deadline) {
		if (sleep_on(&p->wake_ns, deadline) < 0) {
			now = clock_monotonic_ns();
			uint64_t left = deadline > now ? deadline - now : 0;
			struct timespec rem = { (int64_t)(left / NSEC), (int64_t)(left % NSEC) };
			if (urem && put_ts(urem, &rem, ts32) < 0)
				return -EFAULT;
			return restart_set(sleep_restart, deadline, urem, ts32, 0);
		}
	}
	return 0;
}

/* restart_syscall's nanosleep: the rest of the time. */
static long sleep_restart(struct restart_block *r)
{
	return sleep_until(r->arg[0], r->arg[1], r->arg[2]);
}

/* An absolute sleep until deadline: a signal's restart starts it over
 * with the same absolute time (-ERESTARTNOHAND: -EINTR for a handler). */
static long sleep_until_abs(uint64_t deadline)
{
	long r = sleep_until(deadline, 0, false);

	return r == -ERESTART_RESTARTBLOCK ? -ERESTARTNOHAND : r;
}

static bool valid(const struct timespec *t) { return t->tv_sec >= 0 && t->tv_nsec >= 0 && (uint64_t)t->tv_nsec < NSEC; }

/* nanosleep(req, rem): at least req on CLOCK_MONOTONIC; a handled signal
 * ends it early with -EINTR and the time left in *rem. ts32: both are
 * the i386 ABI's 32-bit timespecs (compat_time.c). */
long do_nanosleep(uint64_t ureq, uint64_t urem, bool ts32)
{
	struct timespec req;

	if (get_ts(ureq, &req, ts32) < 0)
		return -EFAULT;
	if (!valid(&req))
		return -EINVAL;
	return sleep_until(after(clock_monotonic_ns(), &req), urem, ts32);
}

long sys_nanosleep(struct trap_frame *tf) { return do_nanosleep(arg(tf, 0), arg(tf, 1), false); }

/*
 * clock_nanosleep(clock, flags, req, rem): nanosleep on REALTIME, TAI,
 * MONOTONIC or BOOTTIME; with TIMER_ABSTIME until req on that clock (no
 * *rem then). Clocks that cannot be slept on are -EOPNOTSUPP (Linux's
 * answer for MONOTONIC_RAW and the coarse ones), the thread's CPU clock
 * and unknown ones -EINVAL. (The wall clock never jumps here: no
 * settimeofday, so an absolute wall deadline is a monotonic one.)
 */
long do_clock_nanosleep(int clk, uint64_t flags, uint64_t ureq, uint64_t urem, bool ts32)
{
	bool abs = flags & TIMER_ABSTIME;
	struct timespec req, now;

	if (clk == CLOCK_MONOTONIC_RAW || clk == CLOCK_REALTIME_COARSE || clk == CLOCK_MONOTONIC_COARSE ||
	    clk == CLOCK_PROCESS_CPUTIME_ID)
		return -EOPNOTSUPP;
	if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC && clk != CLOCK_BOOTTIME && clk != CLOCK_TAI)
		return -EINVAL;
	if (get_ts(ureq, &req, ts32) < 0)
		return -EFAULT;
	if (!valid(&req))
		return -EINVAL;
	if (!abs)
		return sleep_until(after(clock_monotonic_ns(), &req), urem, ts32);
	/* The clock first, then the monotonic time the deadline is counted
	 * from: read the other way round, an interrupt between the two made
	 * the deadline that much early (a wake before the time asked for). */
	vvar_clock(vvar, clk, &now);
	uint64_t mono = clock_monotonic_ns();
	int64_t secs = req.tv_sec - now.tv_sec;   /* both non-negative: no overflow */
	if (secs > (int64_t)(1ULL << 32))
		return sleep_until_abs(UINT64_MAX);   /* past any uptime: forever */
	int64_t left = secs * (int64_t)NSEC + (req.tv_nsec - now.tv_nsec);
	return sleep_until_abs(left > 0 ? mono + (uint64_t)left : mono);
}

long sys_clock_nanosleep(struct trap_frame *tf)
{
	return do_clock_nanosleep((int)arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), false);
}
