/*
 * sys_sched.c - the scheduler's calls: sched_yield, and the CPU affinity
 * masks of a machine with one CPU (nanosleep is time/sleep.c's).
 */
#include "api/errno.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* The kernel's CPU mask: one unsigned long (Linux's cpumask_size() for
 * up to 64 CPUs), of which bit 0, CPU 0, is the only CPU a process can
 * run on. The APs are online (arch/smp.h, /proc/cpuinfo lists them), but
 * the scheduler does not use them yet: a mask naming them would make
 * musl's sysconf(_SC_NPROCESSORS_ONLN) and every thread pool believe in
 * CPUs it cannot have. The step that schedules across CPUs makes the
 * mask (and sched_setaffinity) real. */
#define CPUMASK_SIZE 8
#define NR_CPUS      1                 /* CPUs this machine has */
#define CPUS_PRESENT 1UL               /* their mask */

long sys_sched_yield(struct trap_frame *tf)
{
	yield();
	return 0;
}

/* sched_getaffinity(pid, len, mask): pid 0 is the caller. len must hold
 * every CPU and be a whole number of the caller's longs; the answer is the number of
 * bytes written (the C library clears the rest of the caller's set). */
long sys_sched_getaffinity(struct trap_frame *tf)
{
	int pid = (int)arg(tf, 0);
	uint32_t len = (uint32_t)arg(tf, 1);
	uint64_t mask = CPUS_PRESENT;

	if (len * 8ULL < NR_CPUS || len % (frame_is_compat(tf) ? 4 : sizeof(unsigned long)))
		return -EINVAL;                   /* an i386 caller's long is 4 bytes (Linux's compat_ulong_t) */
	if (pid && !proc_by_pid(pid))
		return -ESRCH;
	if (len > CPUMASK_SIZE)
		len = CPUMASK_SIZE;
	return copy_to_user((void *)arg(tf, 2), &mask, len) < 0 ? -EFAULT : (long)len;
}

/* sched_setaffinity(pid, len, mask): the mask is read first (a short one
 * is zero-extended, the bytes past the kernel's mask are not read), then
 * the process found; a mask without CPU 0 names no CPU this machine has:
 * -EINVAL. With one CPU there is nothing to remember. */
long sys_sched_setaffinity(struct trap_frame *tf)
{
	int pid = (int)arg(tf, 0);
	uint32_t len = (uint32_t)arg(tf, 1);
	uint64_t mask = 0;

	if (copy_from_user(&mask, (const void *)arg(tf, 2), len < CPUMASK_SIZE ? len : CPUMASK_SIZE) < 0)
		return -EFAULT;
	if (pid && !proc_by_pid(pid))
		return -ESRCH;
	return mask & CPUS_PRESENT ? 0 : -EINVAL;
}
