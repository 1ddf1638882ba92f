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
#include "proc.h"
#include "time/clock.h"

struct proc procs[NPROC];               /* (proc.h) */
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
		*p = (struct proc){ .pid = next_pid++, .state = P_BLOCKED, .kstack_top = stack, .fpu = fpu,
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

void proc_free(struct proc *p)
{
	procfs_flush_pid(p->pid);                /* /proc/<pid> goes with it */
	kstack_free(p->kstack_top, KSTACK_PAGES);
	fpu_free(p->fpu);
	p->fpu = NULL;
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
			parent->brk = p->brk;
		p->vfork_parent = NULL;
		wakeup(p);                       /* the parent sleeps on its child */
	}
	mm_put(mm);
}

void proc_exit(int status)
{
	struct proc *p = current(), *init = proc_by_pid(1);

	if (p->pid == 1) {
		kprintf("kernel: init exited with status 0x%x; shutting down\n", status);
		machine_exit(status == 0 ? KEXIT_SUCCESS : KEXIT_FAILURE);
	}
	proc_close_files(p);
	write_cr3(virt_to_phys(vmm_kernel_root()));  /* off the space we free */
	proc_drop_space(p, p->mm);
	p->mm = NULL;
	p->cr3 = 0;

	/* Children nobody will wait for: dead ones go now, live ones become
	 * init's (getppid says 1) but are freed by the scheduler when they end,
	 * so no init has to reap them. */
	struct proc *moved[NPROC];
	int nmoved = 0;
	for (struct proc *c = procs; c < procs + NPROC; c++) {
		if (c->state == P_FREE || c->parent != p)
			continue;
		if (c->state == P_ZOMBIE) {
			proc_free(c);
		} else {
			c->parent = init;
			c->autoreap = true;
			moved[nmoved++] = c;
		}
	}
	for (int i = 0; i < nmoved; i++)
		pgrp_reparented(moved[i], p);        /* groups p linked to the outside may be orphaned now */
	/* A parent that ignores SIGCHLD (SIG_IGN or SA_NOCLDWAIT) leaves its
	 * children to the kernel, as POSIX says: no zombie, wait4 never sees it. */
	const struct k_sigaction *chld = &p->parent->sig_action[SIGCHLD - 1];
	if (chld->handler == SIG_IGN || (chld->flags & SA_NOCLDWAIT))
		p->autoreap = true;
	p->status = status;
	p->state = P_ZOMBIE;
	pgrp_exit(p);                                 /* orphaned groups, the session's terminal */
	if (!(status & 0x7f))
		signal_send_info(p->parent, SIGCHLD, p->pid, CLD_EXITED, (status >> 8) & 0xff);
	else
		signal_send_info(p->parent, SIGCHLD, p->pid, CLD_KILLED, status & 0x7f);
	wakeup(p->parent);                            /* a parent in wait4 sleeps on itself */
	sched();
	panic("a zombie ran again");
}

void proc_kill_fault(struct trap_frame *tf, int sig, const char *what)
{
	struct proc *p = current();

	kprintf("kernel: pid %d (%s) killed by signal %d: %s at rip 0x%lx", p->pid, p->name, sig, what, tf->rip);
	if (tf->vector == 14)
		kprintf(", address 0x%lx", this_cpu()->fault_addr);
	kprintf("\n");
	this_cpu()->user_faults++;
	proc_exit(sig);
}

void proc_close_files(struct proc *p)
{
	for (int fd = 0; fd < NOFILE; fd++) {
		if (p->fds[fd])
			file_put(p->fds[fd]);
		p->fds[fd] = NULL;
	}
	if (p->cwd)
		rnode_put(p->cwd);
	p->cwd = NULL;
	if (p->exe)
		rnode_put(p->exe);
	p->exe = NULL;
}
