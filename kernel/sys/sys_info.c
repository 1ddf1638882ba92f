/*
 * sys_info.c - calls that only report: uname, getcpu, getrusage, times,
 * sysinfo, and our trapdoor_stats and trapdoor_procs (the clocks are
 * time/sys_time.c's; the CPU time and load proc/acct.c's).
 */
#include "api/abi.h"
#include "api/entry_paths.h"
#include "api/errno.h"
#include "api/usage.h"
#include "arch/cpu.h"
#include "arch/percpu.h"
#include "compat.h"
#include "arch/smp.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "mm/pmm.h"
#include "fs/vfs.h"
#include "proc.h"
#include "syscall.h"
#include "time/clock.h"
#include "time/timer.h"
#include "uaccess.h"
#include "uts.h"

/* getcpu(cpu, node, tcache): the CPU the call runs on (node 0). */
long sys_getcpu(struct trap_frame *tf)
{
	static const unsigned zero;
	unsigned cpu = cpu_id();

	if (arg(tf, 0) && copy_to_user((void *)arg(tf, 0), &cpu, sizeof(cpu)) < 0)
		return -EFAULT;
	if (arg(tf, 1) && copy_to_user((void *)arg(tf, 1), &zero, sizeof(zero)) < 0)
		return -EFAULT;
	return 0;
}

long sys_uname(struct trap_frame *tf)
{
	static const struct utsname u = {
		.sysname = UTS_SYSNAME, .nodename = UTS_NODENAME, .release = UTS_RELEASE,
		.version = UTS_VERSION, .machine = UTS_MACHINE, .domainname = UTS_DOMAINNAME,
	};

	return copy_to_user((void *)arg(tf, 0), &u, sizeof(u));
}

/* getrusage(who, usage): RUSAGE_SELF (every thread), RUSAGE_THREAD
 * or RUSAGE_CHILDREN; only the CPU times are counted, the rest is 0. */
long sys_getrusage(struct trap_frame *tf)
{
	int who = (int)arg(tf, 0);
	struct rusage ru;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	acct_rusage(current(), who, &ru);
	return copy_to_user((void *)arg(tf, 1), &ru, sizeof(ru));
}

/* times(buf): the CPU times in clock ticks into buf (which may be NULL),
 * and the ticks since boot, Linux's "arbitrary point in the past". */
long do_times(struct tms *t)
{
	struct proc *p = current();
	struct rusage ru;

	acct_rusage(p, RUSAGE_SELF, &ru);          /* every thread's */
	*t = (struct tms){
		.tms_utime = (ru.ru_utime.tv_sec * HZ + ru.ru_utime.tv_usec / (1000000 / HZ)) * CLK_TCK / HZ,
		.tms_stime = (ru.ru_stime.tv_sec * HZ + ru.ru_stime.tv_usec / (1000000 / HZ)) * CLK_TCK / HZ,
		.tms_cutime = p->g->cutime * CLK_TCK / HZ, .tms_cstime = p->g->cstime * CLK_TCK / HZ,
	};
	return timer_ticks() * CLK_TCK / HZ;
}

long sys_times(struct trap_frame *tf)
{
	struct tms t;
	long ticks = do_times(&t);

	if (arg(tf, 0) && copy_to_user((void *)arg(tf, 0), &t, sizeof(t)) < 0)
		return -EFAULT;
	return ticks;
}

/* sysinfo(info): uptime in whole seconds rounded up (Linux's), the load
 * averages, the frame allocator's memory (all of it that it manages, and
 * what is free) in bytes with mem_unit 1, no swap, and every process. */
void do_sysinfo(struct sysinfo *out)
{
	uint64_t ns = clock_monotonic_ns();
	struct sysinfo si = {
		.uptime = ns / 1000000000 + (ns % 1000000000 != 0),
		.totalram = frames_total() * PAGE_SIZE, .freeram = frames_free_count() * PAGE_SIZE,
		.procs = proc_count(), .mem_unit = 1,
	};

	for (int i = 0; i < 3; i++)
		si.loads[i] = avenrun[i] << (SI_LOAD_SHIFT - AVENRUN_SHIFT);
	*out = si;
}

long sys_sysinfo(struct trap_frame *tf)
{
	struct sysinfo si;

	do_sysinfo(&si);
	return copy_to_user((void *)arg(tf, 0), &si, sizeof(si));
}

/* trapdoor_stats(buf): the counters of every CPU added up (a thread may
 * run on any), and the calling process's memory figures. */
long sys_trapdoor_stats(struct trap_frame *tf)
{
	struct trapdoor_stats s = {
		.free_frames = frames_free_count(), .tsc_hz = tsc_hz,
		.open_files = files_open, .procs = proc_count(),
		.rss_pages = vm_resident(current()->mm), .vm_pages = current()->mm->vm.pages,
		.min_faults = current()->min_flt, .cow_copies = uvm_cow_copies(),
	};

	for (unsigned i = 0; i < ncpus_online; i++) {
		const struct percpu *c = &cpus[i];
		s.sysret_fallbacks += c->sysret_fallbacks, s.user_faults += c->user_faults;
		s.sysexit_fallbacks += c->sysexit_fallbacks, s.sysretl_fallbacks += c->sysretl_fallbacks;
		s.vsyscall_calls += c->vsyscall_calls;
		/* Each entry path's counter, by the one list (api/entry_paths.h). */
#define X(name, mode, entry, ret, counter, bit, vector, ch) s.counter += c->counter;
		ENTRY_PATHS(X)
#undef X
	}
	return copy_to_user((void *)arg(tf, 0), &s, sizeof(s));
}

/* trapdoor_procs(buf, n): the process table for ps, up to n entries. */
long sys_trapdoor_procs(struct trap_frame *tf)
{
	struct trapdoor_proc *u = (struct trapdoor_proc *)arg(tf, 0);
	uint64_t n = arg(tf, 1), i = 0;

	for (struct proc *p = procs; p < procs + NPROC && i < n; p++) {
		if (p->state == P_FREE || !proc_is_leader(p))
			continue;                 /* one entry per process */
		struct trapdoor_proc e = {
			.pid = p->pid, .ppid = p->g->parent && p->g->parent != p ? p->g->parent->pid : 0,
			.state = p->state == P_ZOMBIE ? 'Z' : p->g->stopped ? 'T' : p->state == P_BLOCKED ? 'S' : 'R',
		};
		memcpy(e.name, p->name, sizeof(e.name));
		if (copy_to_user(u + i, &e, sizeof(e)) < 0)
			return -EFAULT;
		i++;
	}
	return i;
}

/* The digest trapdoor_args returns: argument i rotated left by 8*i bits, xored. */
static uint64_t rotl(uint64_t v, int n) { return n ? v << n | v >> (64 - n) : v; }

long sys_trapdoor_args(struct trap_frame *tf)
{
	uint64_t d = 0;

	for (int i = 0; i < 6; i++)
		d ^= rotl(arg(tf, i), 8 * i);
	return d;
}
