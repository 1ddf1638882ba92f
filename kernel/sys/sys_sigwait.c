/*
 * sys_sigwait.c - the calls that wait for signals or say where handlers
 * run: rt_sigsuspend, rt_sigpending, rt_sigtimedwait and sigaltstack
 * (delivery itself is proc/signal.c).
 */
#include "api/abi.h"
#include "api/errno.h"
#include "api/signal.h"
#include "arch/cpu.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "time/clock.h"
#include "uaccess.h"

#define NSEC 1000000000ULL

/* rt_sigsuspend(mask, size): wait with mask in place until a signal is
 * delivered; the handler's frame saves the old mask, so its return puts
 * it back (signal.c). -EINTR after the handler; when no handler runs
 * it waits again (-ERESTARTNOHAND, restart.h). */
long sys_rt_sigsuspend(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t mask;

	if (arg(tf, 1) != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&mask, (void *)arg(tf, 0), sizeof(mask)) < 0)
		return -EFAULT;
	p->saved_mask = p->sig_blocked;
	p->restore_mask = true;
	p->sig_blocked = mask;
	signal_recalc(p);
	while (sleep_on(&p->sig_pending, 0) == 0)
		;
	this_cpu()->exit_work |= EXIT_SIGNAL;     /* deliver, or put the mask back */
	return -ERESTARTNOHAND;                   /* -EINTR after a handler; no handler: again */
}

/* rt_sigpending(set, size): the signals pending while blocked. A size
 * above the kernel's set is -EINVAL; a smaller one gets that many bytes. */
long sys_rt_sigpending(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t size = arg(tf, 1), set = signals_pending(p) & p->sig_blocked;  /* the thread's and the process's */

	if (size > SIGSET_SIZE)
		return -EINVAL;
	return copy_to_user((void *)arg(tf, 0), &set, size);
}

/*
 * rt_sigtimedwait(set, info, timeout, size): take a pending signal of set
 * (the lowest) without running its handler, and say which: its number,
 * with its siginfo in *info. Waits (even for blocked ones) up to *timeout,
 * forever when timeout is NULL: -EAGAIN when it passes; -EINTR when
 * another signal comes, to be delivered.
 */
long do_sigtimedwait(uint64_t set, const struct timespec *timeout, struct k_siginfo *info)
{
	struct proc *p = current();
	uint64_t deadline = 0;

	set &= ~SIG_UNBLOCKABLE;                  /* SIGKILL and SIGSTOP are never taken */
	if (timeout) {
		if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 || (uint64_t)timeout->tv_nsec >= NSEC)
			return -EINVAL;
		uint64_t now = clock_monotonic_ns();
		deadline = (uint64_t)timeout->tv_sec >= (UINT64_MAX - now) / NSEC - 1 ? UINT64_MAX
			   : now + (uint64_t)timeout->tv_sec * NSEC + timeout->tv_nsec;
	}
	for (;;) {
		uint64_t ready = signals_pending(p) & set;
		if (ready) {
			int sig = __builtin_ctzll(ready) + 1;
			signal_dequeue(p, sig, info);
			signal_recalc(p);
			return sig;
		}
		if (timeout && clock_monotonic_ns() >= deadline)
			return -EAGAIN;
		p->sig_waiting = set;
		int r = sleep_on(&p->sig_waiting, deadline);
		p->sig_waiting = 0;
		if (r < 0 && !(signals_pending(p) & set))
			return -EINTR;
	}
}

long sys_rt_sigtimedwait(struct trap_frame *tf)
{
	uint64_t set, uinfo = arg(tf, 1), utimeout = arg(tf, 2);
	struct timespec ts;
	struct k_siginfo info;

	if (arg(tf, 3) != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&set, (void *)arg(tf, 0), sizeof(set)) < 0)
		return -EFAULT;
	if (utimeout && copy_from_user(&ts, (void *)utimeout, sizeof(ts)) < 0)
		return -EFAULT;
	long sig = do_sigtimedwait(set, utimeout ? &ts : NULL, &info);
	if (sig > 0 && uinfo && copy_to_user((void *)uinfo, &info, sizeof(info)) < 0)
		return -EFAULT;
	return sig;
}

/*
 * sigaltstack(ss, old): report the alternate signal stack in *old and set
 * it from *ss (Linux's do_sigaltstack): -EPERM while running on it,
 * -EINVAL for a mode other than 0, SS_ONSTACK or SS_DISABLE (SS_AUTODISARM
 * may be added), -ENOMEM below MINSIGSTKSZ.
 */
long sys_sigaltstack(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t uss = arg(tf, 0), uold = arg(tf, 1);
	struct k_stack ss, old = p->altstack;

	old.ss_flags = altstack_flags(p, tf->rsp) | (p->altstack.ss_flags & SS_AUTODISARM);
	old._pad = 0;
	if (uss) {
		if (copy_from_user(&ss, (void *)uss, sizeof(ss)) < 0)
			return -EFAULT;
		long r = altstack_set(p, &ss, tf->rsp);
		if (r < 0)
			return r;
	}
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

long altstack_set(struct proc *p, const struct k_stack *ss, uint64_t sp)
{
	uint32_t mode = (uint32_t)ss->ss_flags & ~SS_AUTODISARM;

	if (on_altstack(p, sp))
		return -EPERM;
	if (mode != 0 && mode != SS_ONSTACK && mode != SS_DISABLE)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		p->altstack = (struct k_stack){ 0 };
		return 0;
	}
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	p->altstack = (struct k_stack){ .ss_sp = ss->ss_sp, .ss_flags = ss->ss_flags & SS_AUTODISARM,
					.ss_size = ss->ss_size };
	return 0;
}
