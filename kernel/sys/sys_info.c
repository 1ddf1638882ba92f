/*
 * sys_info.c - calls that only report: uname, getcpu, and our
 * trapdoor_stats and trapdoor_procs (the clocks are time/sys_time.c's).
 */
#include "api/abi.h"
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "fs/vfs.h"
#include "proc.h"
#include "syscall.h"
#include "time/clock.h"
#include "uaccess.h"

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
