/*
 * acct.c - what the kernel counts of the time processes use: CPU time by
 * sampling on the timer tick, and the load average.
 *
 * Each tick is charged whole to the process it interrupted: to its user
 * time when the CPU was in user mode, to its system time when in kernel
 * mode (Linux's tick-based accounting). Kernel code runs with interrupts
 * off, so a tick that falls in a system call waits for its end and is
 * charged as user time: system time stays 0 until the kernel can be
 * interrupted (docs/abi.md). Ticks the idle loop gets are nobody's.
 */
#include "api/usage.h"
#include "arch/smp.h"
#include "kernel.h"
#include "proc.h"
#include "time/timer.h"

/* Linux's load average: an exponentially decaying mean of the processes
 * that run or could, sampled every 5 seconds, in 11-bit fixed point. */
#define FIXED_1   (1UL << AVENRUN_SHIFT)
#define LOAD_FREQ (5 * HZ + 1)          /* one tick more than 5 s, as Linux: not in step with 5 s work */
static const unsigned long exp_factor[3] = { 1884, 2014, 2037 };  /* 2048 / e^(5s / 1, 5, 15 min) */

unsigned long avenrun[3];
struct cpu_times cpu_times;
struct cpu_times cpu_times_of[MAX_CPUS];
static int load_ticks;

static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long next = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		next += FIXED_1 - 1;                 /* round up while rising, so it reaches the count */
	return next / FIXED_1;
}

static void sample_load(void)
{
	unsigned long active = 0;

	for (struct proc *p = procs; p < procs + NPROC; p++)
		active += p->state == P_RUNNABLE || p->state == P_RUNNING;
	for (int i = 0; i < 3; i++)
		avenrun[i] = calc_load(avenrun[i], exp_factor[i], active * FIXED_1);
}

/* A CPU's tick: charge it to its thread (or idle), and every LOAD_FREQ
 * of CPU 0's ticks sample the load. */
static void acct_tick(struct trap_frame *tf)
{
	struct proc *p = current();

	struct cpu_times *mine = &cpu_times_of[cpu_id()];

	if (p) {
		if ((tf->cs & 3) == 3)
			p->utime++, cpu_times.user++, mine->user++;
		else
			p->stime++, cpu_times.system++, mine->system++;
	} else {
		cpu_times.idle++, mine->idle++;
	}
	if (cpu_id() == 0 && ++load_ticks == LOAD_FREQ) {   /* (the load is the system's) */
		load_ticks = 0;
		sample_load();
	}
}

void acct_init(void)
{
	timer_cpu_hook_add(acct_tick);            /* each CPU charges its own thread */
}

static struct timeval ticks_to_timeval(uint64_t t)
{
	return (struct timeval){ .tv_sec = t / HZ, .tv_usec = t % HZ * (1000000 / HZ) };
}

/* The CPU time and faults of p's whole process: every thread's, those
 * that ended included. */
static void group_times(const struct proc *p, uint64_t *u, uint64_t *s, uint64_t *flt)
{
	const struct tgroup *g = p->g;

	*u += g->dead_utime, *s += g->dead_stime, *flt += g->dead_min_flt;
	for (const struct proc *t = procs; t < procs + NPROC; t++)
		if (t->state != P_FREE && t->g == g)
			*u += t->utime, *s += t->stime, *flt += t->min_flt;
}

void acct_rusage(const struct proc *p, int who, struct rusage *ru)
{
	uint64_t u = 0, s = 0, flt = 0;

	if (who == RUSAGE_THREAD)
		u += p->utime, s += p->stime, flt += p->min_flt;
	if (who == RUSAGE_SELF || who == RUSAGE_BOTH)
		group_times(p, &u, &s, &flt);
	if (who == RUSAGE_CHILDREN || who == RUSAGE_BOTH)
		u += p->g->cutime, s += p->g->cstime, flt += p->g->cmin_flt;
	*ru = (struct rusage){ .ru_utime = ticks_to_timeval(u), .ru_stime = ticks_to_timeval(s),
			       .ru_minflt = (long)flt };
}

void acct_reap(struct proc *parent, const struct proc *child)
{
	uint64_t u = 0, s = 0, flt = 0;

	group_times(child, &u, &s, &flt);
	parent->g->cutime += u + child->g->cutime;
	parent->g->cstime += s + child->g->cstime;
	parent->g->cmin_flt += flt + child->g->cmin_flt;
}
