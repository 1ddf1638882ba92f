/*
 * sys_pgrp.c - process groups and sessions: setpgid, getpgid, getpgrp,
 * setsid, getsid, with Linux's checks and errors (setpgid(2), setsid(2),
 * credentials(7)). proc/pgrp.c has what they share with signals and the
 * terminal.
 */
#include "api/errno.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"

/* The process a pid argument names: 0 is the caller; NULL if none. */
static struct proc *target(int pid)
{
	struct proc *p = pid == 0 ? current() : pid > 0 ? proc_by_pid(pid) : NULL;

	return p ? p->g->leader : NULL;      /* a thread's id names its process */
}

/* setpgid(pid, pgid): move pid (the caller or a child of it) into group
 * pgid of its session, or make it a group of its own (pgid == pid, or 0). */
long sys_setpgid(struct trap_frame *tf)
{
	struct proc *me = current()->g->leader, *p;
	int pid = (int)arg(tf, 0), pgid = (int)arg(tf, 1);

	if (pid == 0)
		pid = me->pid;
	if (pgid == 0)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	if (!(p = target(pid)) || proc_ended(p))
		return -ESRCH;
	if (p != me) {
		if (p->g->parent != me || p == p->g->parent)
			return -ESRCH;            /* neither the caller nor its child */
		if (p->g->sid != me->g->sid)
			return -EPERM;            /* a child in another session */
		if (p->g->execed)
			return -EACCES;           /* the child has run execve */
	}
	if (p->g->sid == p->pid)
		return -EPERM;                    /* a session leader stays in its group */
	if (pgid != p->pid && !pgrp_in_session(pgid, me->g->sid))
		return -EPERM;                    /* no such group in the caller's session */
	p->g->pgid = pgid;
	return 0;
}

long sys_getpgid(struct trap_frame *tf)
{
	struct proc *p = target((int)arg(tf, 0));

	return p ? p->g->pgid : -ESRCH;
}

long sys_getpgrp(struct trap_frame *tf) { return current()->g->pgid; }

/* setsid: a new session and group, both named by the caller's pid, with
 * no controlling terminal; not for a group leader (its group would then
 * straddle two sessions). */
long sys_setsid(struct trap_frame *tf)
{
	struct proc *me = current()->g->leader;

	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (proc_live(p) && p->g->pgid == me->pid)
			return -EPERM;
	me->g->sid = me->g->pgid = me->pid;
	me->g->has_ctty = false;
	return me->g->sid;
}

long sys_getsid(struct trap_frame *tf)
{
	struct proc *p = target((int)arg(tf, 0));

	return p ? p->g->sid : -ESRCH;
}
