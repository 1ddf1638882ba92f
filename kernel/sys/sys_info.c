/*
 * sys_info.c - calls that only report: uname, clock_gettime, and our
 * trapdoor_stats.
 */
#include "api/abi.h"
#include "api/vvar.h"
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "fs/vfs.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* Set up the clocks in the vvar page: the TSC's scale, CLOCK_MONOTONIC from
 * the loader's jump, the wall clock from the RTC (once, after the TSC is
 * calibrated and vdso_init). */
void clock_init(void)
{
	uint64_t epoch = rtc_read_epoch();

	vvar->hz = HZ;
	vvar->mult = (1000000000ULL << 32) / tsc_hz;
	vvar->tsc_base = boot->loader_tsc;
	vvar->mono = (struct vvar_time){ 0, 0 };
	vvar_time_add(&vvar->mono, vvar_delta_ns(vvar, rdtsc()));
	vvar->wall = (struct vvar_time){ (int64_t)epoch, 0 };
	vvar->tsc_base = rdtsc();
	kprintf("clock: realtime %lu s since the epoch (CMOS RTC), TSC scale %lu/2^32 ns\n",
		epoch, vvar->mult);
}

/* From the timer: move both clocks' base to now, under the sequence count. */
void clock_tick(void)
{
	uint64_t now, d;

	if (!vvar || !vvar->mult)
		return;                                   /* before clock_init */
	now = rdtsc();
	d = vvar_delta_ns(vvar, now);
	vvar->seq++;                                  /* odd: readers wait */
	__asm__ volatile("" ::: "memory");
	vvar->tsc_base = now;
	vvar_time_add(&vvar->mono, d);
	vvar_time_add(&vvar->wall, d);
	__asm__ volatile("" ::: "memory");
	vvar->seq++;
	vfs_set_time(&(struct timespec){ vvar->wall.sec, (int64_t)vvar->wall.nsec });
}

long sys_clock_gettime(struct trap_frame *tf)
{
	struct timespec ts;

	if (vvar_clock(vvar, arg(tf, 0), &ts) < 0)
		return -EINVAL;
	return copy_to_user((void *)arg(tf, 1), &ts, sizeof(ts));
}

long sys_clock_getres(struct trap_frame *tf)
{
	struct timespec ts;

	if (vvar_clock_res(vvar, arg(tf, 0), &ts) < 0)
		return -EINVAL;
	return arg(tf, 1) ? copy_to_user((void *)arg(tf, 1), &ts, sizeof(ts)) : 0;
}

long sys_gettimeofday(struct trap_frame *tf)
{
	struct timeval tv;
	static const struct timezone utc;

	vvar_timeofday(vvar, &tv);
	if (arg(tf, 0) && copy_to_user((void *)arg(tf, 0), &tv, sizeof(tv)) < 0)
		return -EFAULT;
	if (arg(tf, 1) && copy_to_user((void *)arg(tf, 1), &utc, sizeof(utc)) < 0)
		return -EFAULT;
	return 0;
}

long sys_time(struct trap_frame *tf)
{
	int64_t t = vvar_time(vvar);

	if (arg(tf, 0) && copy_to_user((void *)arg(tf, 0), &t, sizeof(t)) < 0)
		return -EFAULT;
	return t;
}

long sys_getcpu(struct trap_frame *tf)
{
	static const unsigned zero;

	if (arg(tf, 0) && copy_to_user((void *)arg(tf, 0), &zero, sizeof(zero)) < 0)
		return -EFAULT;
	if (arg(tf, 1) && copy_to_user((void *)arg(tf, 1), &zero, sizeof(zero)) < 0)
		return -EFAULT;
	return 0;
}

long sys_uname(struct trap_frame *tf)
{
	static const struct utsname u = {
		.sysname = "trapdoor", .nodename = "trapdoor", .release = "0.1.0",
		.version = "#1 " __DATE__, .machine = "x86_64", .domainname = "(none)",
	};

	return copy_to_user((void *)arg(tf, 0), &u, sizeof(u));
}

long sys_trapdoor_stats(struct trap_frame *tf)
{
	struct percpu *c = this_cpu();
	struct trapdoor_stats s = {
		.int80_calls = c->int80_calls, .syscall_calls = c->syscall_calls,
		.sysret_fallbacks = c->sysret_fallbacks, .user_faults = c->user_faults,
		.free_frames = frames_free_count(), .tsc_hz = tsc_hz,
		.open_files = files_open, .procs = proc_count(),
	};

	return copy_to_user((void *)arg(tf, 0), &s, sizeof(s));
}

/* trapdoor_procs(buf, n): the process table for ps, up to n entries. */
long sys_trapdoor_procs(struct trap_frame *tf)
{
	struct trapdoor_proc *u = (struct trapdoor_proc *)arg(tf, 0);
	uint64_t n = arg(tf, 1), i = 0;

	for (struct proc *p = procs; p < procs + NPROC && i < n; p++) {
		if (p->state == P_FREE)
			continue;
		struct trapdoor_proc e = {
			.pid = p->pid, .ppid = p->parent && p->parent != p ? p->parent->pid : 0,
			.state = p->state == P_ZOMBIE ? 'Z' : p->state == P_BLOCKED ? 'S' : 'R',
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
