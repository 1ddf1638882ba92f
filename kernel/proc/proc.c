/*
 * proc.c - the process table: making, ending and reaping processes.
 */
#include "api/abi.h"
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "fs/procfs.h"
#include "fs/vfs.h"
#include "futex.h"
#include "proc.h"
#include "time/clock.h"
#include "uaccess.h"

struct proc procs[NPROC];               /* (proc.h) */
static struct tgroup tgroups[NPROC];     /* a process per slot at most: one each */
/* The process of a slot that has none: a free one, one being made, a
 * thread that ended. Never NULL, so a look at p->g is always safe. */
static struct tgroup no_group;
static int next_pid = 1;

void ret_from_fork(void);                /* entry.S: signals first, then trap_return */

struct proc *proc_alloc(void)
{
	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (p->state != P_FREE)
			continue;
		uint64_t stack = kstack_try_alloc(KSTACK_PAGES);
		void *fpu = stack ? fpu_alloc() : NULL;
		if (!fpu) {
			if (stack)
				kstack_free(stack, KSTACK_PAGES);
			return NULL;
		}
		*p = (struct proc){ .pid = next_pid++, .state = P_BLOCKED, .kstack_top = stack, .fpu = fpu, .g = &no_group,
				    .cpus_allowed = ~0ULL,
				    .start_ns = clock_monotonic_ns() };
		/* The user frame sits at the top of the stack; below it, the
		 * first context swtch() resumes: six zero registers and a return
		 * into ret_from_fork, which leaves through that frame. */
		p->tf = (struct trap_frame *)p->kstack_top - 1;
		uint64_t *ctx = (uint64_t *)p->tf - 7;
		for (int i = 0; i < 6; i++)
			ctx[i] = 0;
		ctx[6] = (uint64_t)ret_from_fork;
		p->context = (uint64_t)ctx;
		return p;
	}
	return NULL;
}


void proc_init(void)
{
	for (struct proc *p = procs; p < procs + NPROC; p++)
		p->g = &no_group;
}

struct tgroup *tgroup_alloc(struct proc *p)
{
	for (struct tgroup *g = tgroups; g < tgroups + NPROC; g++) {
		if (g->leader)
			continue;
		*g = (struct tgroup){ .tgid = p->pid, .leader = p, .nthreads = 1 };
		return p->g = g;
	}
	return NULL;
}

void proc_free(struct proc *p)
{
	procfs_flush_pid(p->pid);                /* /proc/<pid> goes with it */
	kstack_free(p->kstack_top, KSTACK_PAGES);
	fpu_free(p->fpu);
	p->fpu = NULL;
	if (proc_is_leader(p))
		p->g->leader = NULL;             /* the process is gone: its slot is free */
	p->g = &no_group;
	p->state = P_FREE;
}

struct proc *proc_by_pid(int pid)
{
	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (p->state != P_FREE && p->pid == pid)
			return p;
	return NULL;
}

int proc_last_pid(void)
{
	return next_pid - 1;
}

int proc_count(void)
{
	int n = 0;

	for (struct proc *p = procs; p < procs + NPROC; p++)
		n += p->state != P_FREE;
	return n;
}

void proc_drop_space(struct proc *p, struct mm *mm)
{
	struct proc *parent = p->vfork_parent;

	if (parent) {
		/* The parent slept the whole time: what p did to a space they
		 * share (brk) is the parent's now. (CLONE_VFORK without
		 * CLONE_VM gave p a copy: nothing to hand back.) */
		if (parent->mm == mm)
			parent->g->brk = p->g->brk;
		p->vfork_parent = NULL;
		wakeup(p);                       /* the parent sleeps on its child */
	}
	mm_put(mm);
}

/* The process of the current thread, whose last thread it is, ends: its
 * files close, its children go to init, its parent hears (SIGCHLD, wait4),
 * and its leader stays as the zombie the parent reaps. */
static void process_end(struct proc *t, int status)
{
	struct tgroup *g = t->g;
	struct proc *p = g->leader, *init = proc_by_pid(1);

	if (g->tgid == 1) {
		kprintf("kernel: init exited with status 0x%x; shutting down\n", status);
		machine_exit(status == 0 ? KEXIT_SUCCESS : KEXIT_FAILURE);
	}
	proc_close_files(p);

	/* Children nobody will wait for: dead ones go now, live ones become
	 * init's (getppid says 1) but are freed by the scheduler when they end,
	 * so no init has to reap them. */
	struct proc *moved[NPROC];
	int nmoved = 0;
	for (struct proc *c = procs; c < procs + NPROC; c++) {
		if (c->state == P_FREE || !proc_is_leader(c) || c->g->parent != p || c == p)
			continue;
		if (proc_ended(c)) {
			proc_free(c);
		} else {
			c->g->parent = init;
			c->autoreap = true;
			moved[nmoved++] = c;
		}
	}
	for (int i = 0; i < nmoved; i++)
		pgrp_reparented(moved[i], p);        /* groups p linked to the outside may be orphaned now */
	/* A parent that ignores SIGCHLD (SIG_IGN or SA_NOCLDWAIT) leaves its
	 * children to the kernel, as POSIX says: no zombie, wait4 never sees it. */
	const struct k_sigaction *chld = &g->parent->g->sig_action[SIGCHLD - 1];
	if (chld->handler == SIG_IGN || (chld->flags & SA_NOCLDWAIT))
		p->autoreap = true;
	p->status = status;
	pgrp_exit(p);                                 /* orphaned groups, the session's terminal */
	if (!(status & 0x7f))
		signal_send_info(g->parent, SIGCHLD, g->tgid, CLD_EXITED, (status >> 8) & 0xff);
	else
		signal_send_info(g->parent, SIGCHLD, g->tgid, CLD_KILLED, status & 0x7f);
	wakeup(g->parent->g);                         /* a parent in wait4 sleeps on its process */
	if (p != t && p->autoreap)
		proc_free(p);                             /* the leader ended before: it is not running */
}

/* Linux's mm_release: a thread that asked for it (CLONE_CHILD_CLEARTID,
 * set_tid_address) has 0 written to its tid word and one waiter on it
 * woken, which is how pthread_join learns that the thread is gone. */
static void clear_child_tid(struct proc *t)
{
	uint32_t zero = 0;

	if (!t->clear_child_tid || !user_range_ok(t->clear_child_tid, sizeof(zero)) || t->mm->users < 2)
		return;                               /* (nobody left to tell, as Linux) */
	if (copy_to_user((void *)t->clear_child_tid, &zero, sizeof(zero)) == 0)
		futex_wake_addr(t->mm, t->clear_child_tid, 1);
	t->clear_child_tid = 0;
}

void thread_exit(int status)
{
	struct proc *t = current();
	struct tgroup *g = t->g;

	robust_list_exit(t);                      /* before the tid word: Linux's order */
	clear_child_tid(t);
	g->dead_utime += t->utime, g->dead_stime += t->stime, g->dead_min_flt += t->min_flt;
	t->utime = t->stime = t->min_flt = 0;
	write_cr3(virt_to_phys(vmm_kernel_root()));  /* off the space we may free */
	proc_drop_space(t, t->mm);
	t->mm = NULL;
	t->cr3 = 0;
	t->status = status;
	t->state = P_ZOMBIE;
	if (--g->nthreads > 0) {
		/* Others go on. A thread that is not the leader is freed once off
		 * its stack (sched.c); the leader stays, a zombie nobody may reap
		 * until the last thread ends (Linux's delay_group_leader). */
		t->autoreap = !proc_is_leader(t);
		wakeup(g);                            /* an execve waiting for the others to end */
	} else {
		if (!proc_is_leader(t))
			t->autoreap = true;
		process_end(t, g->exiting ? g->exit_status : status);  /* the last thread's, as Linux */
	}
	if (!proc_is_leader(t))
		t->g = &no_group;                     /* its process may go before its slot does */
	sched();
	panic("a zombie ran again");
}

void proc_exit(int status)
{
	signal_kill_group(current(), status);
	thread_exit(status);
}

long thread_group_single(struct proc *p)
{
	struct tgroup *g = p->g;
	struct proc *old = g->leader;

	for (struct proc *o = procs; o < procs + NPROC; o++)
		if (o != p && o->g == g && o->state != P_FREE && o->state != P_ZOMBIE)
			signal_send_thread(o, SIGKILL, 0, SI_KERNEL);
	g->execer = p;
	while (g->nthreads > 1) {
		if (sleep_on(g, 0) < 0) {
			g->execer = NULL;
			return -ERESTARTSYS;          /* killed itself: it ends on its way out */
		}
	}
	g->execer = NULL;
	if (old != p) {
		/* The thread that calls execve takes the process id (Linux's
		 * de_thread): the old leader, a zombie by now, goes, and its
		 * children and pid are p's. */
		int tid = p->pid;
		for (struct proc *c = procs; c < procs + NPROC; c++)
			if (c->state != P_FREE && proc_is_leader(c) && c->g->parent == old)
				c->g->parent = p;
		g->leader = p;
		p->pid = g->tgid;
		old->pid = tid;
		proc_free(old);
	}
	return 0;
}

void proc_kill_fault(struct trap_frame *tf, int sig, const char *what)
{
	struct proc *p = current();

	/* One kprintf for the whole line: another CPU's line cannot come in
	 * between its pieces (the console lock is taken per call), which left
	 * a line without its log record's prefix (conform's syslog_calls). */
	if (tf->vector == 14)
		kprintf("kernel: pid %d (%s) killed by signal %d: %s at rip 0x%lx, address 0x%lx\n", p->pid, p->name,
			sig, what, tf->rip, this_cpu()->fault_addr);
	else
		kprintf("kernel: pid %d (%s) killed by signal %d: %s at rip 0x%lx\n", p->pid, p->name, sig, what,
			tf->rip);
	this_cpu()->user_faults++;
	proc_exit(sig);
}

void proc_close_files(struct proc *p)
{
	for (int fd = 0; fd < NOFILE; fd++) {
		if (p->g->fds[fd])
			file_put(p->g->fds[fd]);
		p->g->fds[fd] = NULL;
	}
	if (p->g->cwd)
		rnode_put(p->g->cwd);
	p->g->cwd = NULL;
	if (p->g->exe)
		rnode_put(p->g->exe);
	p->g->exe = NULL;
}
