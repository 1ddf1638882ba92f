/*
 * sys_clone.c - clone and vfork: fork with Linux's clone flags, for what
 * fork, vfork, posix_spawn and pthread_create ask (docs/abi.md):
 *
 *   SIGCHLD                          fork
 *   CLONE_VM | CLONE_VFORK | SIGCHLD vfork: the child runs in the parent's
 *                                    space (on newsp, when given) while the
 *                                    parent sleeps until it execs or ends
 *   CLONE_VM | SIGCHLD               a process sharing the caller's space
 *   CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD
 *     (| CLONE_SYSVSEM | CLONE_SETTLS) a thread (pthread_create's set):
 *                                    the caller's process gains a thread
 *   CLONE_PARENT_SETTID              the child's tid into the parent's *ptid
 *   CLONE_CHILD_SETTID               ... into the child's *ctid
 *   CLONE_CHILD_CLEARTID             ctid kept, as set_tid_address keeps it
 *
 * Linux's rules for flag sets hold (kernel/fork.c): CLONE_THREAD needs
 * CLONE_SIGHAND, which needs CLONE_VM (-EINVAL). A thread here shares its
 * process's files and working directory as well (struct tgroup): a
 * CLONE_THREAD without CLONE_FILES and CLONE_FS, and either of them
 * without CLONE_THREAD, are -EINVAL (docs/abi.md). A thread's exit signal
 * is none, whatever CSIGNAL says (Linux ignores it too); a process's is
 * SIGCHLD.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "arch/fpu.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

#define CLONE_OK (CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | \
		  CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_DETACHED)
#define CLONE_SHARED (CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD)  /* all or none here */

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

long thread_clone(struct trap_frame *tf, uint64_t sp, bool settls, uint64_t tls)
{
	struct proc *p = current(), *c = proc_alloc();

	if (!c)
		return -EAGAIN;
	c->g = p->g;
	c->g->nthreads++;
	mm_get(c->mm = p->mm);
	c->cr3 = c->mm->root;
	*c->tf = *tf;
	c->tf->rax = 0;
	if (sp)
		c->tf->rsp = sp;
	fpu_save(c->fpu);                         /* the caller's live x87/SSE/AVX registers */
	proc_sync_bases(p);
	c->fs_base = settls ? tls : p->fs_base;
	c->gs_base = p->gs_base;
	c->fs_sel = p->fs_sel, c->gs_sel = p->gs_sel;
	c->compat = p->compat, c->vdso_base = p->vdso_base;
	memcpy(c->name, p->name, sizeof(c->name));
	c->sig_blocked = p->sig_blocked;          /* the mask is inherited; no altstack, no rseq (Linux) */
	c->nice = p->nice, c->ioprio = p->ioprio;
	c->no_new_privs = p->no_new_privs, c->ngroups = p->ngroups;
	c->cpus_allowed = p->cpus_allowed;
	sched_make_runnable(c);
	return c->pid;
}

static long do_clone(struct trap_frame *tf, uint64_t flags, uint64_t newsp, uint64_t ptid, uint64_t ctid, uint64_t tls)
{
	struct proc *p = current(), *c;
	bool thread = flags & CLONE_THREAD;
	long pid;

	flags &= 0xffffffffULL;                  /* clone's flags are an int (clone3 has more) */
	if (flags & ~(uint64_t)(CLONE_OK | CSIGNAL))
		return -EINVAL;
	if (((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND)) || ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM)))
		return -EINVAL;                  /* Linux's own rules */
	if ((flags & CLONE_SHARED) && (flags & CLONE_SHARED) != CLONE_SHARED)
		return -EINVAL;                  /* sharing only some of a process: not here */
	if (!thread && (flags & CSIGNAL) != SIGCHLD)
		return -EINVAL;
	if ((flags & CLONE_SETTLS) && (!thread || p->compat || tls >= USER_TOP))
		return -EINVAL;                  /* i386's user_desc TLS: no set_thread_area here */
	if (thread)
		pid = thread_clone(tf, newsp, flags & CLONE_SETTLS, tls);
	else if ((pid = proc_fork(tf, flags & CLONE_VM)) >= 0 && newsp)
		proc_by_pid(pid)->tf->rsp = newsp;
	if (pid < 0)
		return pid;
	c = proc_by_pid(pid);
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
	return do_clone(tf, arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), arg(tf, 4));
}

/* clone(flags, newsp, parent_tid, tls, child_tid): i386's order (tls is
 * a struct user_desc there, which CLONE_SETTLS cannot take here). */
long compat_sys_clone(struct trap_frame *tf)
{
	return do_clone(tf, arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 4), arg(tf, 3));
}

long sys_vfork(struct trap_frame *tf)
{
	return do_clone(tf, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0);
}
