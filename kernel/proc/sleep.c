/*
 * sleep.c - blocking without busy-waiting, xv6 style: a process sleeps on a
 * channel (any address that names what it waits for) and whoever changes
 * that thing calls wakeup(channel). Sleeps may also end at a deadline
 * (nanosleep: the timer ends them, time/sleep.c) and always end when a
 * signal arrives (-ERESTARTSYS, which a caller may pass on or change:
 * restart.h), so kill reaches a process wherever it waits.
 * Under the big kernel lock (lock.h), which sleep_on holds until the
 * switch, no wakeup can slip in between a check and the sleep.
 *
 * When what a process waits for and a signal come together, what it
 * waits for wins (Linux's wait_event order: the condition, then signals):
 * wakeup() and the deadline clear p->chan, a signal leaves it, and
 * sleep_on says -ERESTARTSYS only for a sleep that nothing but a signal
 * ended. A caller that looks again and must sleep again gets it at once.
 *
 * poll and select wait on many things at once, so they sleep on one
 * channel of their own, poll_chan (fs/poll.c), and every wakeup wakes them
 * too: whatever changed may be one of their files (a pipe's ring, a
 * terminal's input), and looking again costs little.
 */
#include "api/errno.h"
#include "kernel.h"
#include "proc.h"

const char poll_chan;                        /* its address is the channel */

int sleep_on(const void *chan, uint64_t deadline_ns)
{
	struct proc *p = current();

	if (signal_pending(p))
		return -ERESTARTSYS;
	p->chan = chan;
	p->wake_ns = deadline_ns;
	p->state = P_BLOCKED;
	sched();
	bool signal_only = p->chan != NULL;      /* nobody cleared it: a signal woke us */
	p->chan = NULL;
	p->wake_ns = 0;
	if (p->g->stopped) {
		/* Stopped while asleep: halt until SIGCONT, then let the caller
		 * look again (its call goes on, as Linux restarts it). */
		job_stop_wait();
		return signal_pending(p) ? -ERESTARTSYS : 0;
	}
	return signal_only && signal_pending(p) ? -ERESTARTSYS : 0;
}

void wakeup(const void *chan)
{
	/* Also a sleeper that a signal made runnable but that has not run
	 * yet: what it waited for is here now. */
	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if ((p->chan != chan && p->chan != &poll_chan) ||
		    (p->state != P_BLOCKED && p->state != P_RUNNABLE))
			continue;
		p->chan = NULL;
		sched_make_runnable(p);
	}
}

void wake_process(struct proc *p)
{
	if (p->state == P_BLOCKED)
		sched_make_runnable(p);
}
