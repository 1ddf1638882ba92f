/*
 * dispatch.c - the one system-call dispatcher, for int $0x80 and syscall
 * from 64-bit mode alike: number in rax, result back in rax. The stubs
 * send compat-mode callers to the i386 table (dispatch32.c) instead.
 */
#include "api/errno.h"
#include "kernel.h"
#include "arch/sysret.h"
#include "lib/nospec.h"
#include "lock.h"
#include "proc.h"
#include "syscall.h"
#include "time/timer.h"

/* At most NI_BURST reports per NI_INTERVAL ticks, system-wide (Linux's
 * printk_ratelimited defaults): a fuzzer making thousands of processes
 * must not drown the console. The next report says how many were dropped. */
#define NI_BURST 10
#define NI_INTERVAL (5 * HZ)

/*
 * Name a Linux call this kernel lacks on the console, once per process and
 * number, so anyone can see what a program was missing (rate-limited
 * system-wide). abi is "" for the x86-64 table, " i386" for the compat one.
 * (Both tables share the per-process bitmap: a process rarely uses both.)
 */
void syscall_ni_report(uint64_t nr, const char *name, const char *abi)
{
	static uint64_t window_start, said, dropped;
	struct proc *p = current();
	uint64_t now = timer_ticks();

	if (!p || nr >= LINUX_NR_END || !name || (p->ni_said[nr / 64] & (1ULL << (nr % 64))))
		return;
	p->ni_said[nr / 64] |= 1ULL << (nr % 64);
	if (!window_start || now - window_start >= NI_INTERVAL)
		window_start = now, said = 0;
	if (said++ >= NI_BURST) {
		dropped++;
		return;
	}
	if (dropped)
		kprintf("kernel: %lu reports of unimplemented calls suppressed\n", dropped);
	dropped = 0;
	kprintf("kernel: pid %d (%s) called unimplemented%s system call %lu (%s)\n", p->pid, p->name, abi, nr,
		name);
}

/* Numbers with no handler get this one: -ENOSYS. A Linux call this kernel
 * lacks (a `-` line in syscalls.tbl) is also named on the console;
 * numbers Linux does not have either stay silent. */
static long sys_ni_syscall(struct trap_frame *tf)
{
	uint64_t nr = (uint32_t)tf->rax;

	syscall_ni_report(nr, nr < NR_SYSCALLS ? syscall_names[nr] : NULL, "");
	return -ENOSYS;
}

/* The numbers by name, from the same list. */
enum {
#define SYSCALL(nr, name, entry, nargs) NR_##name = nr,
#include "syscall_list.h"
#undef SYSCALL
};

/*
 * Every call runs under the big kernel lock (lock.h): each handler gets a
 * thunk, locked_<name>, that takes the lock around it, and the table holds
 * the thunks. A few need no lock, and their slots hold the handlers
 * themselves, so they cost what they cost on one CPU, on every CPU at
 * once: getpid and gettid read only the caller's own thread; the clock
 * calls read the vvar page through its sequence count, as the vDSO does
 * (a fault on their user pointer takes the lock in trap()); sched_yield
 * takes it only when a thread waits in the run queue (proc/sched.c).
 */
#define SYSCALL(nr, name, entry, nargs) SYSCALL_LOCKED(locked_##name, entry)
#include "syscall_list.h"
#undef SYSCALL
SYSCALL_LOCKED(locked_ni_syscall, sys_ni_syscall)

/*
 * The table: one slot per number, plus one past the end that every
 * out-of-range number is clamped to, so the hot path has no NULL test and
 * no branch on the number. (The range initializer fills every slot first;
 * the handlers then override theirs, as in Linux's table, and the
 * lock-free ones last.)
 */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winitializer-overrides"
static const syscall_fn table[NR_SYSCALLS + 1] = {
	[0 ... NR_SYSCALLS] = locked_ni_syscall,
#define SYSCALL(nr, name, entry, nargs) [nr] = locked_##name,
#include "syscall_list.h"
#undef SYSCALL
	[NR_getpid] = sys_getpid,
	[NR_gettid] = sys_gettid,
	[NR_clock_gettime] = sys_clock_gettime,
	[NR_clock_getres] = sys_clock_getres,
	[NR_gettimeofday] = sys_gettimeofday,
	[NR_time] = sys_time,
	[NR_sched_yield] = sys_sched_yield,
};
#pragma clang diagnostic pop

#define SYSCALL_NI(nr, name) _Static_assert(nr < LINUX_NR_END, #name ": Linux numbers are below LINUX_NR_END");
#include "syscall_ni_list.h"
#undef SYSCALL_NI

/* Every Linux call's name, the kernel's and the missing ones alike. */
const char *const syscall_names[NR_SYSCALLS] = {
#define SYSCALL(nr, name, entry, nargs) [nr] = #name,
#include "syscall_list.h"
#undef SYSCALL
#define SYSCALL_NI(nr, name) [nr] = #name,
#include "syscall_ni_list.h"
#undef SYSCALL_NI
};

/* The number is eax, as on Linux (its entry takes it as an int): the upper
 * 32 bits of rax are ignored, so (1 << 32) | 39 is getpid, and -1 or the
 * x32 range (bit 30) is -ENOSYS. It is clamped with cmov, so even a
 * mispredicted bounds check cannot send the table load past its end
 * (lib/nospec.h). A tail call: the stub stores the result in tf->rax. */
long syscall_dispatch(struct trap_frame *tf)
{
	return table[clamp_nospec((uint32_t)tf->rax, NR_SYSCALLS)](tf);
}

void exit_work(struct trap_frame *tf)
{
	struct proc *p = current();

	if (this_cpu()->exit_work & EXIT_RSEQ)
		rseq_resume(tf);                  /* first: it may queue a SIGSEGV */
	if (signal_pending(p) || p->restore_mask || p->g->stopped)
		signal_deliver(tf);               /* may rewrite tf for a handler, end p, or halt a stopped p */
	syscall_restart(tf, NULL);                /* no handler ran: a call's restart code restarts it */
	p->tf_rewritten = false;
	this_cpu()->exit_work = signal_pending(p) ? EXIT_SIGNAL : 0;
}

void exit_work_locked(struct trap_frame *tf)
{
	kernel_lock();
	exit_work(tf);
	kernel_unlock();
}

int syscall_exit_slow(struct trap_frame *tf)
{
	exit_work_locked(tf);
	return syscall_sysret_ok(tf);
}
