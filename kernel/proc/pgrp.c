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

/* Is p a member that counts: a process not ended (a zombie has left its
 * group's work), seen through its leader. */
static bool live(const struct proc *p) { return proc_live(p); }

int signal_group(int pgid, int sig, int sender)
{
	int n = 0;

	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (!live(p) || p->g->pgid != pgid)
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
		if (live(p) && p->g->pgid == pgid && p->g->sid == sid)
			return true;
	return false;
}

/* Linux's will_become_orphaned_pgrp: is group pgid orphaned, not counting
 * member `ignored` (NULL: none)? It is unless a member has a parent in
 * another group of the same session; init does not count as such. */
static bool orphaned_without(int pgid, const struct proc *ignored)
{
	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (!live(p) || p->g->pgid != pgid || p == ignored)
			continue;
		struct proc *q = p->g->parent;
		if (q && q != p && q->g->tgid != 1 && live(q) && q->g->pgid != pgid && q->g->sid == p->g->sid)
			return false;
	}
	return true;
}

bool pgrp_orphaned(int pgid) { return orphaned_without(pgid, NULL); }

static bool has_stopped(int pgid)
{
	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (live(p) && p->g->pgid == pgid && p->g->stopped)
			return true;
	return false;
}

/*
 * Linux's kill_orphaned_pgrp: member's group, which parent (outside it,
 * in the same session) kept from being orphaned, has just lost that
 * link (parent ended, or member did: then ignored is member). If that
 * left it orphaned with stopped members, nobody is left to continue
 * them: SIGHUP, then SIGCONT. A group that was orphaned already is left
 * alone, so a stop in an orphaned group (SIGSTOP) is not hung up on by
 * the next exit of an unrelated process.
 */
static void hangup_orphaned(const struct proc *member, const struct proc *parent, const struct proc *ignored)
{
	int pgid = member->g->pgid;

	if (parent->g->pgid == pgid || parent->g->sid != member->g->sid)
		return;                           /* parent was no link to the outside */
	if (!orphaned_without(pgid, ignored) || !has_stopped(pgid))
		return;
	signal_group(pgid, SIGHUP, 0);
	signal_group(pgid, SIGCONT, 0);
}

void pgrp_reparented(struct proc *child, const struct proc *old_parent)
{
	hangup_orphaned(child, old_parent, NULL);
}

void pgrp_exit(struct proc *p)
{
	/* p is a zombie by now, its children are init's (pgrp_reparented has
	 * looked at their groups): p's own group, which p linked to its
	 * parent's, may be orphaned by p's end. */
	if (p->g->parent && p->g->parent != p)
		hangup_orphaned(p, p->g->parent, p);
	if (p->g->sid == p->g->tgid)
		tty_session_end(p->g->sid);
}
