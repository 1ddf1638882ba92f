/*
 * pgrp.c - process groups and sessions, as credentials(7) has them. A
 * group or a session is named by the pid of the process that made it
 * (its leader) and exists while it has members; there is no object for
 * either, only each process's pgid and sid (proc.h), so these functions
 * walk the process table. The calls that change them are in
 * sys/sys_pgrp.c; the terminal's side (foreground group, controlling
 * terminal) in dev/tty_job.c.
 */
#include "api/signal.h"
#include "dev/tty.h"
#include "kernel.h"
#include "proc.h"

/* Is p a member that counts: alive (a zombie has left its group's work). */
static bool live(const struct proc *p) { return p->state != P_FREE && p->state != P_ZOMBIE; }

int signal_group(int pgid, int sig, int sender)
{
	int n = 0;

	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (!live(p) || p->pgid != pgid)
			continue;
		n++;
		if (sig)
			signal_send_from(p, sig, sender);
	}
	return n;
}

bool pgrp_in_session(int pgid, int sid)
{
	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (live(p) && p->pgid == pgid && p->sid == sid)
			return true;
	return false;
}

bool pgrp_orphaned(int pgid)
{
	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (!live(p) || p->pgid != pgid)
			continue;
		struct proc *q = p->parent;
		/* A parent outside the group but in the session can still
		 * continue it: the group is not orphaned. */
		if (q && q != p && q->pid != 1 && live(q) && q->pgid != pgid && q->sid == p->sid)
			return false;
	}
	return true;
}

void pgrp_exit(struct proc *p)
{
	/* p is a zombie by now (no member that counts), its children are
	 * init's: a group with stopped members that this left orphaned is
	 * hung up on and continued, as nobody else can continue it (POSIX,
	 * Linux's kill_orphaned_pgrp). Simpler than Linux: every orphaned
	 * group with a stopped member is, not only those p's end orphaned. */
	for (struct proc *s = procs; s < procs + NPROC; s++) {
		if (!live(s) || !s->stopped || !pgrp_orphaned(s->pgid))
			continue;
		int pgid = s->pgid;
		signal_group(pgid, SIGHUP, 0);
		signal_group(pgid, SIGCONT, 0);   /* s is no longer stopped: no second round */
	}
	if (p->sid == p->pid)
		tty_session_end(p->sid);
}
