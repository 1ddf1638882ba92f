/*
 * jobctl.c - stopping and continuing processes (signal(7)): the default
 * action of SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU stops a process (every
 * thread), SIGCONT continues it. A process is stopped by a flag: it runs on in the
 * kernel until its way back to user mode, or, asleep in a call, is woken
 * to halt at once (sleep.c), and halts in job_stop_wait until SIGCONT
 * clears the flag or SIGKILL comes. Continued, the call looks again at
 * what it waits for (the terminal's background check too), as Linux
 * restarts it. Its parent hears of each change by SIGCHLD (CLD_STOPPED,
 * CLD_CONTINUED; not with SA_NOCLDSTOP) and by wait4's WUNTRACED and
 * WCONTINUED (wait_report).
 */
#include "api/signal.h"
#include "arch/percpu.h"
#include "kernel.h"
#include "proc.h"

/* Tell p's parent that p stopped or continued. */
static void tell_parent(struct proc *p, int code, int sig)
{
	struct proc *q = p->g->parent;

	if (!q || q == p->g->leader)
		return;
	if (!(q->g->sig_action[SIGCHLD - 1].flags & SA_NOCLDSTOP))
		signal_send_info(q, SIGCHLD, p->g->tgid, code, sig);
	wakeup(q->g);                             /* a parent in wait4 sleeps on its process */
}

void job_stop(struct proc *p, int sig)
{
	if (p->g->stopped)
		return;                           /* already: nothing new to tell */
	p->g->stopped = true;
	p->g->stop_sig = sig;
	p->g->wait_report = WAIT_REPORT_STOPPED;
	tell_parent(p, CLD_STOPPED, sig);
	for (struct proc *t = procs; t < procs + NPROC; t++) {   /* every thread halts */
		if (t->g != p->g || t->state == P_FREE)
			continue;
		if (t == current())
			this_cpu()->exit_work |= EXIT_SIGNAL;  /* halt before user mode */
		else
			wake_process(t), sched_kick(t);  /* a sleep halts at once (sleep.c), as Linux's interrupted call */
	}
}

void job_continue(struct proc *p)
{
	p->g->sig_pending &= ~SIG_STOP_MASK;      /* SIGCONT discards pending stops */
	for (struct proc *t = procs; t < procs + NPROC; t++)
		if (t->g == p->g)
			t->sig_pending &= ~SIG_STOP_MASK;
	if (!p->g->stopped)
		return;
	p->g->stopped = false;
	p->g->wait_report = WAIT_REPORT_CONTINUED;
	tell_parent(p, CLD_CONTINUED, SIGCONT);
	wakeup(&p->g->stopped);                      /* out of job_stop_wait */
}

void job_stop_wait(void)
{
	struct proc *p = current();

	/* Not sleep_on: a pending signal must not end this wait (only
	 * SIGKILL does, or SIGCONT's job_continue). */
	while (p->g->stopped && !(signals_pending(p) & SIGBIT(SIGKILL))) {
		p->chan = &p->g->stopped;
		p->state = P_BLOCKED;
		sched();
		p->chan = NULL;
	}
}
