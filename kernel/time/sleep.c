/*
 * sleep.c - sleeping until a time: nanosleep, and the tick handler that ends
 * sleeps at their deadline. The sleeping itself (sleep_on, wakeup) is the
 * scheduler's, in proc/sleep.c; a sleeper's deadline is p->wake_ns, in
 * CLOCK_MONOTONIC nanoseconds.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "time/clock.h"
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
			p->state = P_RUNNABLE;
		}
	}
}

/* nanosleep(req, rem): sleep (not spin) for at least req, on the tick; a
 * signal ends it early with -EINTR and the time left in *rem. */
long sys_nanosleep(struct trap_frame *tf)
{
	struct proc *p = current();
	struct timespec req;
	uint64_t urem = arg(tf, 1);

	if (copy_from_user(&req, (void *)arg(tf, 0), sizeof(req)) < 0)
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || (uint64_t)req.tv_nsec >= NSEC)
		return -EINVAL;
	uint64_t now = clock_monotonic_ns(), ns = (uint64_t)req.tv_sec * NSEC + req.tv_nsec;
	uint64_t deadline = req.tv_sec > (int64_t)((UINT64_MAX - now) / NSEC - 1) ? UINT64_MAX : now + ns;

	while ((now = clock_monotonic_ns()) < deadline) {
		if (sleep_on(&p->wake_ns, deadline) < 0) {
			now = clock_monotonic_ns();
			uint64_t left = deadline > now ? deadline - now : 0;
			struct timespec rem = { (int64_t)(left / NSEC), (int64_t)(left % NSEC) };
			if (urem && copy_to_user((void *)urem, &rem, sizeof(rem)) < 0)
				return -EFAULT;
			return -EINTR;
		}
	}
	return 0;
}
