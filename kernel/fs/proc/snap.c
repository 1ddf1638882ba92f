/*
 * snap.c - the kernel's state, copied into the plain structs the /proc
 * generators format (fs/proc_text.h): processes, memory, load, CPU time
 * and the CPU itself.
 */
#include "api/signal.h"
#include "api/vvar.h"
#include "dev/tty.h"
#include "arch/cpu.h"
#include "arch/smp.h"
#include "fs/procfs.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "proc.h"
#include "time/clock.h"
#include "time/timer.h"

#define PF_EXITING   0x00000004           /* Linux's task flags */
#define PF_RANDOMIZE 0x00400000           /* the address space is randomised (it is: the vDSO, PIEs) */
#define NS_PER_USER_TICK (1000000000ULL / PROC_USER_HZ)

static uint64_t user_ticks(uint64_t ticks) { return ticks * PROC_USER_HZ / HZ; }

static char state_letter(const struct proc *p)
{
	if (p->g->stopped && p->state != P_ZOMBIE)
		return 'T';                       /* stopped by job control */
	switch (p->state) {
	case P_RUNNABLE:
	case P_RUNNING: return 'R';
	case P_BLOCKED: return 'S';
	case P_ZOMBIE:  return 'Z';
	default:        return 'X';
	}
}

/* p's process group, session and terminal: tty_nr 5:1 (0x501, the
 * console) and tpgid its foreground group while the console is p's
 * controlling terminal, else 0 and -1, as Linux's do_task_stat. */
static void job_ids(const struct proc *p, struct pid_snap *s)
{
	int fg = tty_fg_of(p);

	s->pgid = p->g->pgid;
	s->sid = p->g->sid;
	s->tty_nr = fg ? 0x501 : 0;
	s->tpgid = fg ? fg : -1;
}

void snap_pid(struct proc *p, struct pid_snap *s)
{
	bool mm = p->state != P_ZOMBIE && p->mm;

	*s = (struct pid_snap){
		.pid = p->pid, .tgid = p->g->tgid,
		.ppid = p->g->parent && p->g->parent != p->g->leader ? p->g->parent->pid : 0,
		.state = state_letter(p), .flags = PF_RANDOMIZE | (p->state == P_ZOMBIE ? PF_EXITING : 0),
		.umask = p->g->umask, .threads = p->g->nthreads, .fdsize = NOFILE, .priority = 20 + p->nice, .nice = p->nice,   /* Linux's task_prio for a normal task */
		.utime = user_ticks(p->utime), .stime = user_ticks(p->stime),
		.cutime = user_ticks(p->g->cutime), .cstime = user_ticks(p->g->cstime),
		.start_time = p->start_ns / NS_PER_USER_TICK, .has_mm = mm,
		.rsslim = rlimit(p, RLIMIT_RSS), .sig_pending = p->sig_pending, .sig_blocked = p->sig_blocked,
		.sigq_limit = rlimit(p, RLIMIT_SIGPENDING), .exit_code = p->state == P_ZOMBIE ? p->status : 0,
		.nvcsw = p->nvcsw, .nivcsw = p->nivcsw,
		.cpus_allowed = p->cpus_allowed & cpus_online(), .ncpus = (int)ncpus_online,
	};
	job_ids(p, s);
	for (size_t i = 0; i < sizeof(s->comm) - 1 && p->name[i]; i++)
		s->comm[i] = p->name[i];
	for (int sig = 1; sig <= NSIG; sig++) {
		uint64_t h = p->g->sig_action[sig - 1].handler;
		if (h == SIG_IGN)
			s->sig_ignored |= SIGBIT(sig);
		else if (h != SIG_DFL)
			s->sig_caught |= SIGBIT(sig);
	}
	if (!mm)
		return;
	s->vm_pages = p->mm->vm.pages;
	s->rss_pages = vm_resident(p->mm);
	s->data_pages = p->mm->vm.data;
	proc_vm_counts(p, &s->stack_pages, &s->shared_pages, &s->exe_pages);
	s->start_code = p->g->image.start_code, s->end_code = p->g->image.end_code;
	s->start_data = p->g->image.start_data, s->end_data = p->g->image.end_data;
	s->start_stack = p->g->image.start_stack, s->start_brk = p->g->brk_start;
	s->arg_start = p->g->image.arg_start, s->arg_end = p->g->image.arg_end;
	s->env_start = p->g->image.env_start, s->env_end = p->g->image.env_end;
}

void snap_mem(struct mem_snap *m)
{
	uint64_t kb = PAGE_SIZE / 1024, free = frames_free_count();

	*m = (struct mem_snap){
		.total = frames_total() * kb, .free = free * kb,
		.available = (free > UVM_FRAME_RESERVE ? free - UVM_FRAME_RESERVE : 0) * kb,
		.anon = uvm_pages_in_use() * kb, .kernel_stack = proc_count() * KSTACK_PAGES * kb,
		.cached = file_pages * kb, .shmem = file_pages * kb,   /* ramfs pages: tmpfs's, on Linux */
		.commit_limit = frames_total() * kb, .committed = uvm_pages_in_use() * kb,
		.vmalloc_total = 0,
	};
}

void snap_load(struct load_snap *l)
{
	*l = (struct load_snap){ .total = proc_count(), .last_pid = proc_last_pid() };
	for (int i = 0; i < 3; i++)
		l->avenrun[i] = avenrun[i];
	for (struct proc *p = procs; p < procs + NPROC; p++)
		l->running += p->state == P_RUNNABLE || p->state == P_RUNNING;
}

void snap_stat(struct stat_snap *st)
{
	struct load_snap l;

	snap_load(&l);
	*st = (struct stat_snap){
		.user = user_ticks(cpu_times.user), .system = user_ticks(cpu_times.system),
		.idle = user_ticks(cpu_times.idle), .intr = timer_ticks(), .ctxt = sched_switches,
		.btime = vvar->wall.sec - vvar->mono.sec, .processes = proc_last_pid(),
		.running = l.running, .ncpus = ncpus_online,
	};
	for (unsigned i = 0; i < ncpus_online && i < STAT_CPUS; i++) {
		st->cpu[i].user = user_ticks(cpu_times_of[i].user);
		st->cpu[i].system = user_ticks(cpu_times_of[i].system);
		st->cpu[i].idle = user_ticks(cpu_times_of[i].idle);
	}
}

void snap_cpu(struct cpu_snap *c)
{
	uint32_t r[4], max, xmax;
	const char *brand = cpu.brand;

	while (*brand == ' ')
		brand++;
	cpuid(0, 0, r);
	max = r[0];
	cpuid(0x80000000, 0, r);
	xmax = r[0];
	cpuid(1, 0, r);
	*c = (struct cpu_snap){
		.vendor = cpu.vendor, .model_name = *brand ? brand : "unknown", .cpuid_level = max,
		.stepping = r[0] & 0xf, .model = r[0] >> 4 & 0xf, .family = r[0] >> 8 & 0xf,
		.clflush = (r[1] >> 8 & 0xff) * 8, .khz = tsc_hz / 1000, .phys_bits = 36, .virt_bits = 48,
	};
	if (c->family == 0xf)
		c->family += r[0] >> 20 & 0xff;
	if (c->family >= 6)
		c->model += (r[0] >> 16 & 0xf) << 4;
	c->words[CPUW_1_EDX] = r[3], c->words[CPUW_1_ECX] = r[2];
	if (max >= 7) {
		cpuid(7, 0, r);
		c->words[CPUW_7_EBX] = r[1], c->words[CPUW_7_ECX] = r[2], c->words[CPUW_7_EDX] = r[3];
	}
	if (xmax >= 0x80000001) {
		cpuid(0x80000001, 0, r);
		c->words[CPUW_X1_EDX] = r[3], c->words[CPUW_X1_ECX] = r[2];
	}
	if (xmax >= 0x80000008) {
		cpuid(0x80000008, 0, r);
		c->phys_bits = r[0] & 0xff, c->virt_bits = r[0] >> 8 & 0xff;
	}
}
