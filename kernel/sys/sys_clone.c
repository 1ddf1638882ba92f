/*
 * sys_clone.c - clone, clone3 and vfork: fork with Linux's clone flags,
 * for what fork, vfork, posix_spawn and pthread_create ask (docs/abi.md):
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
#include "lib/user_desc.h"
#include "mm/pmm.h"
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

long thread_clone(struct trap_frame *tf, uint64_t sp, bool settls, uint64_t tls, int tls_idx, uint64_t tls_desc)
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
	proc_copy_segs(c, p);
	if (settls)
		c->fs_base = tls;
	if (tls_idx) {                            /* a 32-bit caller's CLONE_SETTLS */
		uint16_t sel = (uint16_t)(tls_idx << 3 | 3);
		c->tls[tls_idx - GDT_ENTRY_TLS_MIN] = tls_desc;
		if (c->sel.fs == sel)             /* the switch-in restores the saved base: make it the new one */
			c->fs_base = user_desc_base(tls_desc);
		if (c->sel.gs == sel)             /* (Linux's do_set_thread_area for another task) */
			c->gs_base = user_desc_base(tls_desc);
	}
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
	/* CLONE_SETTLS: a thread's FS base for a 64-bit caller; for a 32-bit
	 * one, tls is a struct user_desc * for the child's slot, which must be
	 * named (Linux's do_set_thread_area(child, -1, tls, 0): no -1 here).
	 * Read and checked before the child exists, so a bad one fails the
	 * call with nothing to undo. */
	int tls_idx = 0;
	uint64_t tls_desc = 0;
	if ((flags & CLONE_SETTLS) && (!thread || (!p->compat && tls >= USER_TOP)))
		return -EINVAL;
	if ((flags & CLONE_SETTLS) && p->compat) {
		long e = tls_desc_from_user(p, tls, false, &tls_idx, &tls_desc);
		if (e < 0)
			return e;
	}
	if (thread)
		pid = thread_clone(tf, newsp, (flags & CLONE_SETTLS) && !p->compat, tls, tls_idx, tls_desc);
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
 * a struct user_desc * there: do_clone installs it in the child). */
long compat_sys_clone(struct trap_frame *tf)
{
	return do_clone(tf, arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 4), arg(tf, 3));
}

/* clone3's extra bytes past the struct this kernel knows, [from, size) of
 * uargs, must be 0 (Linux's copy_struct_from_user): 0, -E2BIG or -EFAULT. */
static long check_tail_zero(uint64_t uargs, uint64_t from, uint64_t size)
{
	uint8_t buf[64];

	for (uint64_t off = from, n; off < size; off += n) {
		n = size - off < sizeof(buf) ? size - off : sizeof(buf);
		if (copy_from_user(buf, (void *)(uargs + off), n) < 0)
			return -EFAULT;
		for (uint64_t i = 0; i < n; i++)
			if (buf[i])
				return -E2BIG;
	}
	return 0;
}

/* clone3(args, size): clone's arguments in a struct that grows at its end
 * (api/abi.h), with the exit signal and the stack's size apart from the
 * flags. Linux's checks (kernel/fork.c, copy_clone_args_from_user and
 * clone3_args_valid), then clone's own. Both ABIs: the struct's fields
 * are 64-bit for i386 too (its tls is a struct user_desc * there). Not
 * here, -EINVAL: set_tid (asking for pids), CLONE_CLEAR_SIGHAND,
 * CLONE_INTO_CGROUP and CLONE_PIDFD (docs/abi.md). */
long sys_clone3(struct trap_frame *tf)
{
	uint64_t uargs = arg(tf, 0), size = arg(tf, 1);
	struct clone_args a = { 0 };
	long r;

	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	if (copy_from_user(&a, (void *)uargs, size < sizeof(a) ? size : sizeof(a)) < 0)
		return -EFAULT;
	if ((r = check_tail_zero(uargs, sizeof(a), size)) < 0)
		return r;
	if (!a.set_tid != !a.set_tid_size || a.exit_signal & ~(uint64_t)CSIGNAL || a.exit_signal > NSIG)
		return -EINVAL;
	if (a.flags & ~(0xffffffffULL | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP) || a.flags & (CLONE_DETACHED | CSIGNAL))
		return -EINVAL;                  /* the signal has its own field here */
	if ((a.flags & (CLONE_THREAD | CLONE_PARENT)) && a.exit_signal)
		return -EINVAL;
	if (!a.stack != !a.stack_size || (a.stack && !user_range_ok(a.stack, a.stack_size)))
		return -EINVAL;                  /* a stack is a base and a size, both or neither */
	if (a.set_tid_size || a.flags & (CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP))
		return -EINVAL;                  /* (not here) */
	/* The stack grows down: the child starts at its top. */
	return do_clone(tf, a.flags | a.exit_signal, a.stack ? a.stack + a.stack_size : 0, a.parent_tid, a.child_tid,
			a.tls);
}

long sys_vfork(struct trap_frame *tf)
{
	return do_clone(tf, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0);
}
