/*
 * sched.c - round-robin over the process table, xv6 style: the scheduler
 * runs on the boot stack and swtch()es into one process at a time; a
 * process gives the CPU back with sched(). Kernel code runs with
 * interrupts off, so nothing here needs a lock on one CPU.
 */
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "time/timer.h"

static uint64_t sched_context;           /* the scheduler's own swtch() context */
uint64_t sched_switches;

/* Make p the running process: its address space, stacks, segment bases
 * and x87/SSE/AVX registers; when it gives the CPU back, save those. */
static void switch_to(struct proc *p)
{
	struct percpu *cpu = this_cpu();

	p->state = P_RUNNING;
	cpu->current = p;
	cpu->kstack_top = p->kstack_top;          /* for the syscall stub */
	cpu->fast32_pad = fast32_landing_pad(p);  /* for the sysenter and compat-syscall stubs */
	cpu->exit_work = (signal_pending(p) || p->g->stopped ? EXIT_SIGNAL : 0) | (p->tf_rewritten ? EXIT_IRET : 0);
	if (p->rseq) {                            /* it was switched out: a section it is in aborts */
		p->rseq_event = true;
		cpu->exit_work |= EXIT_RSEQ;
	}
	tss_set_rsp0(p->kstack_top);              /* for interrupts and int $0x80 */
	write_cr3(p->cr3);
	wrmsr(MSR_FS_BASE, p->fs_base);
	wrmsr(MSR_KERNEL_GS_BASE, p->gs_base);    /* swapgs makes it GS.base in user mode */
	fpu_load(p->fpu);
	swtch(&sched_context, p->context);
	sched_switches++;
	if (p->state == P_RUNNABLE)
		p->nivcsw++;                      /* preempted, or yielded: it could have gone on */
	else
		p->nvcsw++;
	proc_sync_bases(p);                       /* the MSRs still hold p's */
	if (p->state != P_ZOMBIE)
		fpu_switch_save(p->fpu);          /* (a zombie's state is of no use) */
	cpu->current = NULL;
	if (p->state == P_ZOMBIE && p->autoreap)
		proc_free(p);                     /* off its stack now: an orphan ends here */
}

/* The timer's last handler: a process interrupted in user mode goes to the
 * back of the queue (round-robin on every tick), and on its way back to
 * user mode picks up what arrived meanwhile (signals). In kernel mode
 * nothing is preempted: kernel code runs with interrupts off, and the
 * scheduler's idle loop is not a process. */
static void preempt(struct trap_frame *tf)
{
	if ((tf->cs & 3) != 3 || !current())
		return;
	yield();
	if (cpu_exit_work())
		exit_work(tf);
}

void proc_sync_bases(struct proc *p)
{
	p->fs_base = rdmsr(MSR_FS_BASE);
	p->gs_base = rdmsr(MSR_KERNEL_GS_BASE);   /* the user's, while the kernel runs */
}

void sched_init(void)
{
	timer_hook_add(preempt);
}

void scheduler(void)
{
	int last = 0;

	for (;;) {
		struct proc *next = NULL;
		for (int i = 1; i <= NPROC && !next; i++) {
			struct proc *p = &procs[(last + i) % NPROC];
			if (p->state == P_RUNNABLE)
				next = p, last = (last + i) % NPROC;
		}
		if (next) {
			switch_to(next);
		} else if (proc_count() == 0) {
			return;
		} else {
			sti();                            /* idle until an interrupt */
			hlt();
			cli();
		}
	}
}

void sched(void)
{
	swtch(&current()->context, sched_context);
}

void yield(void)
{
	current()->state = P_RUNNABLE;
	sched();
}
