/*
 * jobctl.c - stopping and continuing processes (signal(7)): the default
 * action of SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU stops a process,
 * SIGCONT continues it. A process is stopped by a flag: it runs on in the
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
	struct proc *q = p->parent;

	if (!q || q == p)
		return;
	if (!(q->sig_action[SIGCHLD - 1].flags & SA_NOCLDSTOP))
		signal_send_info(q, SIGCHLD, p->pid, code, sig);
	wakeup(q);                                /* a parent in wait4 sleeps on itself */
}

void job_stop(struct proc *p, int sig)
{
	if (p->stopped)
		return;                           /* already: nothing new to tell */
	p->stopped = true;
	p->stop_sig = sig;
	p->wait_report = WAIT_REPORT_STOPPED;
	tell_parent(p, CLD_STOPPED, sig);
	if (p == current())
		this_cpu()->exit_work |= EXIT_SIGNAL;  /* halt before user mode */
	else
		wake_process(p);                  /* a sleep halts at once (sleep.c), as Linux's interrupted call */
}

void job_continue(struct proc *p)
{
	p->sig_pending &= ~SIG_STOP_MASK;         /* SIGCONT discards pending stops */
	if (!p->stopped)
		return;
	p->stopped = false;
	p->wait_report = WAIT_REPORT_CONTINUED;
	tell_parent(p, CLD_CONTINUED, SIGCONT);
	wakeup(&p->stopped);                      /* out of job_stop_wait */
}

void job_stop_wait(void)
{
	struct proc *p = current();

	/* Not sleep_on: a pending signal must not end this wait (only
	 * SIGKILL does, or SIGCONT's job_continue). */
	while (p->stopped && !(p->sig_pending & SIGBIT(SIGKILL))) {
		p->chan = &p->stopped;
		p->state = P_BLOCKED;
		sched();
		p->chan = NULL;
	}
}
