/*
 * sched.c - scheduling threads on every CPU, xv6 style: each CPU's
 * scheduler runs on that CPU's boot or idle stack and swtch()es into one
 * thread at a time; a thread gives the CPU back with sched(). The ready
 * threads wait in one run queue (lib/runq.h) that every CPU takes from,
 * first come first served among those a CPU may run (the affinity mask).
 * All of it runs under the big kernel lock (lock.h), which a thread holds
 * across its switch and the scheduler hands on.
 *
 * A CPU with nothing to run loads the kernel's own page tables (so no TLB
 * of an idle CPU can hold a dead space: mm/tlb.c), lets go of the lock and
 * halts until an interrupt: its timer, or the VEC_RESCHEDULE IPI another
 * CPU sends when it makes a thread runnable that this CPU may take.
 */
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "arch/segs.h"
#include "arch/smp.h"
#include "arch/trap.h"
#include "kernel.h"
#include "lib/runq.h"
#include "lock.h"
#include "proc.h"
#include "syscall.h"
#include "time/timer.h"

static uint64_t sched_context[MAX_CPUS];  /* each CPU's scheduler's swtch() context */
static struct runq runq;                 /* the ready threads */
static volatile uint64_t idle_cpus;      /* bit n: CPU n halts in its idle loop */
uint64_t sched_switches;

static bool may_run(int i, unsigned cpu, void *ctx)
{
	(void)ctx;
	return procs[i].cpus_allowed & (1ULL << cpu);
}

/* Queue p; wake an idle CPU for it when kick (not for a thread that
 * yields: its own CPU's scheduler looks at the queue next anyway). */
static void enqueue(struct proc *p, bool kick)
{
	if (p->state == P_RUNNABLE)
		return;                           /* queued already */
	p->state = P_RUNNABLE;
	runq_push(&runq, (int)(p - procs));
	int c = kick ? runq_kick_target(idle_cpus, p->cpus_allowed, cpu_id()) : -1;
	if (c >= 0)
		lapic_send_ipi(cpus[c].apic_id, VEC_RESCHEDULE);
}

void sched_make_runnable(struct proc *p) { enqueue(p, true); }

void sched_kick(struct proc *p)
{
	if (p->state == P_RUNNING && p->cpu != (int)cpu_id())
		lapic_send_ipi(cpus[p->cpu].apic_id, VEC_RESCHEDULE);
}

/* Make p the running thread: its address space, stacks, segment bases
 * and x87/SSE/AVX registers; when it gives the CPU back, save those. */
static void switch_to(struct proc *p)
{
	struct percpu *cpu = this_cpu();

	p->state = P_RUNNING;
	p->cpu = (int)cpu->cpu;
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
	user_segs_load(p);                        /* TLS descriptors, selectors, FS/GS bases */
	fpu_load(p->fpu);
	swtch(&sched_context[cpu->cpu], p->context);
	kernel_lock_set_depth(1);                 /* the scheduler's own hold, whatever p's was */
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

/* The timer's last handler, on every CPU: a thread interrupted in user
 * mode goes to the back of the queue (round-robin on every tick), and on
 * its way back to user mode picks up what arrived meanwhile (signals). In
 * kernel mode nothing is preempted: kernel code runs with interrupts off,
 * and the scheduler's idle loop is not a thread. */
static void preempt(struct trap_frame *tf)
{
	if ((tf->cs & 3) != 3 || !current())
		return;
	yield();                                  /* (even alone: rseq sections abort on ticks) */
	if (cpu_exit_work())
		exit_work(tf);
}

void sched_ipi(struct trap_frame *tf)
{
	struct proc *p = current();

	lapic_eoi();
	if ((tf->cs & 3) != 3 || !p)
		return;                           /* idle: the scheduler looks again */
	kernel_lock();
	if (!(p->cpus_allowed & (1ULL << cpu_id())))
		yield();                          /* its new affinity leaves this CPU out */
	signal_recalc(p);                         /* a signal or a stop sent from another CPU */
	if (cpu_exit_work())
		exit_work(tf);
	kernel_unlock();
}

void proc_sync_bases(struct proc *p)
{
	p->fs_base = rdmsr(MSR_FS_BASE);
	p->gs_base = rdmsr(MSR_KERNEL_GS_BASE);   /* the user's, while the kernel runs */
	user_segs_save(&p->sel);                  /* and the selectors, which only user mode changes */
}

void proc_copy_segs(struct proc *c, struct proc *p)
{
	proc_sync_bases(p);
	c->fs_base = p->fs_base, c->gs_base = p->gs_base;
	c->sel = p->sel;
	memcpy(c->tls, p->tls, sizeof(c->tls));
}

void sched_init(void)
{
	timer_cpu_hook_add(preempt);
}

/* Set when CPU 0's scheduler starts: the APs' start then (smp.c). */
volatile bool sched_started;

void scheduler(void)
{
	unsigned me = cpu_id();
	uint64_t kernel_root = virt_to_phys(vmm_kernel_root());

	if (me == 0)
		__atomic_store_n(&sched_started, true, __ATOMIC_RELEASE);
	kernel_lock();
	for (;;) {
		int next = runq_pop(&runq, me, may_run, NULL);
		if (next >= 0) {
			switch_to(&procs[next]);
			continue;
		}
		if (me == 0 && proc_count() == 0) {
			kernel_unlock();
			return;
		}
		if ((read_cr3() & PTE_ADDR) != kernel_root)
			write_cr3(kernel_root);   /* no dead space stays loaded (mm/tlb.c) */
		__atomic_or_fetch(&idle_cpus, 1ULL << me, __ATOMIC_SEQ_CST);
		kernel_unlock();
		sti();                            /* idle until an interrupt: the next */
		hlt();                            /* instruction after sti still runs */
		cli();
		kernel_lock();
		__atomic_and_fetch(&idle_cpus, ~(1ULL << me), __ATOMIC_SEQ_CST);
	}
}

void sched(void)
{
	struct proc *p = current();
	int depth = kernel_lock_depth();

	lockdep_assert_may_sleep();
	swtch(&p->context, sched_context[cpu_id()]);
	kernel_lock_set_depth(depth);             /* back, perhaps on another CPU: our own depth */
}

void yield(void)
{
	enqueue(current(), false);
	sched();
}

/* With nobody in the run queue there is nothing to yield to, and no need
 * to take the lock to see so: one look at the count, shared by every CPU
 * but only read while it stays 0 (a thread queued meanwhile runs after
 * the next tick here, or on an idle CPU the wake-up kicks), so a CPU
 * alone with its thread yields in a few instructions, on every CPU at
 * once. Someone waiting: the lock, and a yield only if one of them may
 * run here (else no switch at all, as Linux's sched_yield). */
void sched_yield_unlocked(void)
{
	if (!__atomic_load_n(&runq.n, __ATOMIC_RELAXED))
		return;
	kernel_lock();
	if (runq_any(&runq, cpu_id(), may_run, NULL))
		yield();
	kernel_unlock();
}
