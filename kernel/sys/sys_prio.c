/*
 * sys_prio.c - scheduling and I/O priorities: getpriority, setpriority,
 * ioprio_get and ioprio_set, with Linux's checks and answers (kernel/sys.c,
 * block/ioprio.c). Each process keeps a nice value and an I/O priority
 * (proc.h), inherited by fork and kept by execve. Neither weighs anything
 * yet: the scheduler is round-robin and there are no disks (docs/abi.md).
 * Everyone is uid 0, so every permission check passes, and "the user who"
 * is every process for who 0 and none for any other id.
 */
#include "api/errno.h"
#include "api/ioprio.h"
#include "api/resource.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"

enum { BY_PID, BY_PGRP, BY_USER };       /* what `who` names */

/* Is p in the set (by, who) names, for the caller me? Zombies count until
 * reaped, as on Linux. */
static bool in_set(const struct proc *p, const struct proc *me, int by, int who)
{
	if (p->state == P_FREE)
		return false;
	switch (by) {
	case BY_PID:  return p->pid == (who ? who : me->pid);
	case BY_PGRP: return p->g->pgid == (who ? who : me->g->pgid);
	default:      return who == 0;        /* uid 0 is everyone; no other user exists */
	}
}

/* getpriority(which, who): the highest 20 - nice (1..40, the kernel's
 * form; libc turns it back into a nice value) of the processes named. */
long sys_getpriority(struct trap_frame *tf)
{
	int which = (int)arg(tf, 0), who = (int)arg(tf, 1);
	long best = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (in_set(p, current(), which, who) && 20 - p->nice > best)
			best = 20 - p->nice;
	return best;
}

/* setpriority(which, who, nice): nice, clamped to -20..19, for every
 * process named; root may lower it too. */
long sys_setpriority(struct trap_frame *tf)
{
	int which = (int)arg(tf, 0), who = (int)arg(tf, 1), nice = (int)arg(tf, 2);
	long r = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	nice = nice < MIN_NICE ? MIN_NICE : nice > MAX_NICE ? MAX_NICE : nice;
	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (in_set(p, current(), which, who)) {
			p->nice = nice;
			r = 0;
		}
	return r;
}

/* Linux's ioprio_check_cap for root: the class must be one of the four,
 * and IOPRIO_CLASS_NONE carries no level. (A level is 3 bits, so any is
 * fine for the others.) */
static long ioprio_check(int v)
{
	switch (IOPRIO_PRIO_CLASS(v)) {
	case IOPRIO_CLASS_RT:
	case IOPRIO_CLASS_BE:
	case IOPRIO_CLASS_IDLE:
		return 0;
	case IOPRIO_CLASS_NONE:
		return IOPRIO_PRIO_LEVEL(v) ? -EINVAL : 0;
	default:
		return -EINVAL;
	}
}

/* The I/O priority p's I/O gets: what it set, or best effort at the level
 * its nice value gives ((nice + 20) / 5) when it set none. */
static int ioprio_effective(const struct proc *p)
{
	if (IOPRIO_PRIO_CLASS(p->ioprio) != IOPRIO_CLASS_NONE)
		return p->ioprio;
	return IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, (p->nice + 20) / 5);
}

/* ioprio_set(which, who, ioprio): the value is checked first, then which.
 * Linux keeps it in an unsigned short, so the bits above 15 (which the
 * check, looking at bits 0..2 and 13..15 only, lets through) are dropped. */
long sys_ioprio_set(struct trap_frame *tf)
{
	int which = (int)arg(tf, 0), who = (int)arg(tf, 1), v = (int)arg(tf, 2);
	long r = ioprio_check(v);

	if (r)
		return r;
	if (which < IOPRIO_WHO_PROCESS || which > IOPRIO_WHO_USER)
		return -EINVAL;
	r = -ESRCH;
	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (in_set(p, current(), which - IOPRIO_WHO_PROCESS, who)) {
			p->ioprio = (uint16_t)v;
			r = 0;
		}
	return r;
}

/* ioprio_get(which, who): for one process the value as set (0, class
 * NONE, when never set: Linux keeps that historical answer); for a group
 * or a user the best (lowest) effective priority among its processes. */
long sys_ioprio_get(struct trap_frame *tf)
{
	int which = (int)arg(tf, 0), who = (int)arg(tf, 1);
	long best = -ESRCH;

	if (which < IOPRIO_WHO_PROCESS || which > IOPRIO_WHO_USER)
		return -EINVAL;
	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (!in_set(p, current(), which - IOPRIO_WHO_PROCESS, who))
			continue;
		if (which == IOPRIO_WHO_PROCESS)
			return p->ioprio;
		int v = ioprio_effective(p);
		if (best == -ESRCH || v < best)
			best = v;
	}
	return best;
}
