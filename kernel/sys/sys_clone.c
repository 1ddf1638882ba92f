/*
 * sys_clone.c - clone and vfork: fork with Linux's clone flags, for what
 * fork, vfork and posix_spawn ask (docs/abi.md):
 *
 *   SIGCHLD                          fork
 *   CLONE_VM | CLONE_VFORK | SIGCHLD vfork: the child runs in the parent's
 *                                    space (on newsp, when given) while the
 *                                    parent sleeps until it execs or ends
 *   CLONE_PARENT_SETTID              the child's pid into the parent's *ptid
 *   CLONE_CHILD_SETTID               ... into the child's *ctid
 *   CLONE_CHILD_CLEARTID             ctid kept, as set_tid_address keeps it
 *
 * Anything else needs threads or shared tables this kernel does not have
 * yet: -EINVAL, the answer Linux gives to flag sets it refuses (kernel/
 * fork.c: CLONE_THREAD needs CLONE_SIGHAND, which needs CLONE_VM).
 */
#include "api/abi.h"
#include "api/errno.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

#define CLONE_OK (CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)

/* Sleep until child c stops using our space; only SIGKILL cuts the wait
 * short (Linux's killable wait), other signals wait until it is over. */
static void vfork_wait(struct proc *p, struct proc *c)
{
	uint64_t blocked = p->sig_blocked;

	p->sig_blocked = ~0ULL;
	signal_recalc(p);                        /* (SIGKILL stays unblocked) */
	while (c->vfork_parent == p && sleep_on(c, 0) == 0)
		;
	if (c->vfork_parent == p)
		c->vfork_parent = NULL;          /* killed: we stop waiting, and will not be told */
	p->sig_blocked = blocked;
	signal_recalc(p);
}

/* Write the pid into a tid word of space mm, if it is mapped writable
 * there (Linux's put_user; a bad pointer is ignored, as Linux ignores it). */
static void put_tid(struct mm *mm, uint64_t uaddr, int32_t pid)
{
	if (user_range_ok(uaddr, sizeof(pid)))
		vm_write(mm, uaddr, &pid, sizeof(pid));
}

static long do_clone(struct trap_frame *tf, uint64_t flags, uint64_t newsp, uint64_t ptid, uint64_t ctid)
{
	struct proc *p = current(), *c;
	long pid;

	flags &= 0xffffffffULL;                  /* clone's flags are an int (clone3 has more) */
	if ((flags & CSIGNAL) != SIGCHLD || (flags & ~(uint64_t)(CLONE_OK | CSIGNAL)))
		return -EINVAL;
	/* Sharing the space while both run needs threads' accounting. */
	if ((flags & CLONE_VM) && !(flags & CLONE_VFORK))
		return -EINVAL;
	if ((pid = proc_fork(tf, flags & CLONE_VM)) < 0)
		return pid;
	c = proc_by_pid(pid);
	if (newsp)
		c->tf->rsp = newsp;
	if (flags & CLONE_CHILD_SETTID)
		put_tid(c->mm, ctid, pid);
	if (flags & CLONE_CHILD_CLEARTID)
		c->clear_child_tid = ctid;
	if (flags & CLONE_PARENT_SETTID)
		put_tid(p->mm, ptid, pid);
	if (flags & CLONE_VFORK) {
		c->vfork_parent = p;
		vfork_wait(p, c);
	}
	return pid;
}

/* clone(flags, newsp, parent_tid, child_tid, tls): x86-64's order. */
long sys_clone(struct trap_frame *tf)
{
	return do_clone(tf, arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3));
}

/* clone(flags, newsp, parent_tid, tls, child_tid): i386's order (tls is
 * a struct user_desc there, and CLONE_SETTLS is not taken either way). */
long compat_sys_clone(struct trap_frame *tf)
{
	return do_clone(tf, arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 4));
}

long sys_vfork(struct trap_frame *tf)
{
	return do_clone(tf, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0);
}
