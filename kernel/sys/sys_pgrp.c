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
	return pid == 0 ? current() : pid > 0 ? proc_by_pid(pid) : NULL;
}

/* setpgid(pid, pgid): move pid (the caller or a child of it) into group
 * pgid of its session, or make it a group of its own (pgid == pid, or 0). */
long sys_setpgid(struct trap_frame *tf)
{
	struct proc *me = current(), *p;
	int pid = (int)arg(tf, 0), pgid = (int)arg(tf, 1);

	if (pid == 0)
		pid = me->pid;
	if (pgid == 0)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	if (!(p = target(pid)) || p->state == P_ZOMBIE)
		return -ESRCH;
	if (p != me) {
		if (p->parent != me || p == p->parent)
			return -ESRCH;            /* neither the caller nor its child */
		if (p->sid != me->sid)
			return -EPERM;            /* a child in another session */
		if (p->execed)
			return -EACCES;           /* the child has run execve */
	}
	if (p->sid == p->pid)
		return -EPERM;                    /* a session leader stays in its group */
	if (pgid != p->pid && !pgrp_in_session(pgid, me->sid))
		return -EPERM;                    /* no such group in the caller's session */
	p->pgid = pgid;
	return 0;
}

long sys_getpgid(struct trap_frame *tf)
{
	struct proc *p = target((int)arg(tf, 0));

	return p ? p->pgid : -ESRCH;
}

long sys_getpgrp(struct trap_frame *tf) { return current()->pgid; }

/* setsid: a new session and group, both named by the caller's pid, with
 * no controlling terminal; not for a group leader (its group would then
 * straddle two sessions). */
long sys_setsid(struct trap_frame *tf)
{
	struct proc *me = current();

	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (p->state != P_FREE && p->pgid == me->pid)
			return -EPERM;
	me->sid = me->pgid = me->pid;
	me->has_ctty = false;
	return me->sid;
}

long sys_getsid(struct trap_frame *tf)
{
	struct proc *p = target((int)arg(tf, 0));

	return p ? p->sid : -ESRCH;
}
