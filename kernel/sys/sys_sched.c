/*
 * sys_sched.c - the scheduler's calls: sched_yield, and the CPU affinity
 * masks (nanosleep is time/sleep.c's). A thread runs only on the CPUs of
 * its mask (proc/sched.c takes the first thread allowed on it from the
 * run queue); the mask is inherited by fork and clone, and kept by execve.
 */
#include "api/errno.h"
#include "arch/smp.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* The kernel's CPU mask: one unsigned long (Linux's cpumask_size() for
 * up to 64 CPUs); bit n is CPU n of arch/smp.h. */
#define CPUMASK_SIZE 8

/* sched_yield(): runs without the big lock (sys/dispatch.c). */
long sys_sched_yield(struct trap_frame *tf)
{
	sched_yield_unlocked();
	return 0;
}

/* sched_getaffinity(pid, len, mask): pid 0 is the caller. len must hold
 * every CPU and be a whole number of the caller's longs; the answer is the number of
 * bytes written (the C library clears the rest of the caller's set). */
long sys_sched_getaffinity(struct trap_frame *tf)
{
	int pid = (int)arg(tf, 0);
	uint32_t len = (uint32_t)arg(tf, 1);
	struct proc *p = pid ? proc_by_pid(pid) : current();
	uint64_t mask;

	if (len * 8ULL < ncpus_online || len % (frame_is_compat(tf) ? 4 : sizeof(unsigned long)))
		return -EINVAL;                   /* an i386 caller's long is 4 bytes (Linux's compat_ulong_t) */
	if (!p)
		return -ESRCH;
	mask = p->cpus_allowed & cpus_online();
	if (len > CPUMASK_SIZE)
		len = CPUMASK_SIZE;
	return copy_to_user((void *)arg(tf, 2), &mask, len) < 0 ? -EFAULT : (long)len;
}

/* sched_setaffinity(pid, len, mask): the mask is read first (a short one
 * is zero-extended, the bytes past the kernel's mask are not read), then
 * the thread found (pid is a tid, 0 the caller); a mask with no online
 * CPU is -EINVAL. A thread running on a CPU its new mask leaves out moves
 * at once: the caller yields, another thread's CPU is kicked. */
long sys_sched_setaffinity(struct trap_frame *tf)
{
	int pid = (int)arg(tf, 0);
	uint32_t len = (uint32_t)arg(tf, 1);
	uint64_t mask = 0;

	if (copy_from_user(&mask, (const void *)arg(tf, 2), len < CPUMASK_SIZE ? len : CPUMASK_SIZE) < 0)
		return -EFAULT;
	struct proc *p = pid ? proc_by_pid(pid) : current();
	if (!p || p->state == P_ZOMBIE)
		return -ESRCH;
	if (!(mask & cpus_online()))
		return -EINVAL;
	p->cpus_allowed = mask & cpus_online();
	if (p == current() && !(mask & (1ULL << cpu_id())))
		yield();                          /* off to a CPU it may run on */
	else
		sched_kick(p);
	return 0;
}
