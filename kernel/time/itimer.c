/*
 * itimer.c - ITIMER_REAL: alarm, setitimer and getitimer, and the tick
 * handler that sends SIGALRM when a process's timer runs out (on the first
 * tick at or after its deadline, so a timer is late by up to a tick, never
 * early). The virtual and profiling timers are not kept: -EINVAL.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "api/signal.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "time/clock.h"
#include "uaccess.h"

#define NSEC 1000000000ULL
#define USEC 1000000

/* From the timer: SIGALRM to every process whose timer ran out; re-armed
 * by its period, skipping periods that passed meanwhile. */
void itimer_tick(struct trap_frame *tf)
{
	uint64_t now = 0;

	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (!p->g->alarm_ns || !proc_live(p))
			continue;                 /* (one per process: its leader) */
		if (!now)
			now = clock_monotonic_ns();
		if (now < p->g->alarm_ns)
			continue;
		signal_send_info(p, SIGALRM, 0, SI_KERNEL, 0);
		if (!p->g->alarm_interval_ns)
			p->g->alarm_ns = 0;
		else
			p->g->alarm_ns += ((now - p->g->alarm_ns) / p->g->alarm_interval_ns + 1) * p->g->alarm_interval_ns;
	}
}

static uint64_t tv_ns(const struct timeval *tv) { return (uint64_t)tv->tv_sec * NSEC + (uint64_t)tv->tv_usec * 1000; }

/* A time in ns as a timeval, rounded up to whole microseconds. */
static struct timeval ns_tv(uint64_t ns)
{
	ns += 999;
	return (struct timeval){ (int64_t)(ns / NSEC), (int64_t)(ns % NSEC / 1000) };
}

/* p's timer now: time left and period. */
static struct itimerval itimer_get(const struct proc *p)
{
	uint64_t now = clock_monotonic_ns();
	uint64_t left = p->g->alarm_ns > now ? p->g->alarm_ns - now : (p->g->alarm_ns ? 1 : 0);

	return (struct itimerval){ ns_tv(p->g->alarm_interval_ns), ns_tv(left) };
}

static void itimer_set(struct proc *p, const struct itimerval *v)
{
	uint64_t value = tv_ns(&v->it_value);

	p->g->alarm_ns = value ? clock_monotonic_ns() + value : 0;
	p->g->alarm_interval_ns = value ? tv_ns(&v->it_interval) : 0;
}

static bool tv_valid(const struct timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_sec <= (int64_t)(UINT32_MAX) && tv->tv_usec >= 0 && tv->tv_usec < USEC;
}

long do_getitimer(int which, struct itimerval *v)
{
	if (which != 0)                           /* ITIMER_REAL only */
		return -EINVAL;
	*v = itimer_get(current());
	return 0;
}

long sys_getitimer(struct trap_frame *tf)
{
	struct itimerval v;
	long r = do_getitimer((int)arg(tf, 0), &v);

	return r < 0 ? r : copy_to_user((void *)arg(tf, 1), &v, sizeof(v));
}

long do_setitimer(int which, const struct itimerval *v, struct itimerval *old)
{
	struct proc *p = current();

	if (which != 0)
		return -EINVAL;
	if (!tv_valid(&v->it_value) || !tv_valid(&v->it_interval))
		return -EINVAL;
	*old = itimer_get(p);
	itimer_set(p, v);
	return 0;
}

/* setitimer(which, new, old): NULL new means "off", as Linux still allows. */
long sys_setitimer(struct trap_frame *tf)
{
	struct itimerval v = { 0 }, old;
	uint64_t unew = arg(tf, 1), uold = arg(tf, 2);
	long r;

	if (arg(tf, 0) != 0)
		return -EINVAL;
	if (unew && copy_from_user(&v, (void *)unew, sizeof(v)) < 0)
		return -EFAULT;
	if ((r = do_setitimer(0, &v, &old)) < 0)
		return r;
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

/* alarm(seconds): SIGALRM in that many seconds (0: cancel); the seconds
 * the old timer had left, rounded to the nearest, at least 1 if it ran. */
long sys_alarm(struct trap_frame *tf)
{
	struct proc *p = current();
	struct itimerval v = { { 0, 0 }, { (int64_t)(uint32_t)arg(tf, 0), 0 } }, old = itimer_get(p);
	long left = old.it_value.tv_sec + (old.it_value.tv_usec >= USEC / 2);

	itimer_set(p, &v);
	return !left && old.it_value.tv_usec ? 1 : left;
}
