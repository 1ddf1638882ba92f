/*
 * compat_signal.c - the i386 ABI's signal calls whose structures differ:
 * rt_sigaction and the old sigaction (32-bit pointers; the action keeps
 * SA_IA32_ABI, so its handler gets the i386 frame, proc/signal32.c),
 * sigaltstack (a 32-bit stack_t), rt_sigtimedwait (a 32-bit timespec, or
 * the 64-bit one of the _time64 form, and a 32-bit siginfo either way).
 * rt_sigprocmask, rt_sigpending and rt_sigsuspend share the 64-bit
 * handlers: their 8-byte mask reads the same.
 */
#include "api/errno.h"
#include "api/signal.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

static struct k_sigaction action_in(uint32_t handler, uint32_t flags, uint32_t restorer, uint64_t mask)
{
	return (struct k_sigaction){ handler, (flags & ~SA_IA32_ABI) | SA_IA32_ABI, restorer, mask };
}

/* rt_sigaction(sig, act, old, sigsetsize) */
long compat_sys_rt_sigaction(struct trap_frame *tf)
{
	int sig = (int)arg(tf, 0);
	uint64_t uact = arg(tf, 1), uold = arg(tf, 2);
	struct compat_sigaction c;
	struct k_sigaction act, old;
	long r;

	if (arg(tf, 3) != SIGSET_SIZE)
		return -EINVAL;
	if (uact) {
		if (copy_from_user(&c, (void *)uact, sizeof(c)) < 0)
			return -EFAULT;
		act = action_in(c.handler, c.flags, c.restorer, c.mask);
	}
	if ((r = do_sigaction(sig, uact ? &act : NULL, &old)) < 0)
		return r;
	c = (struct compat_sigaction){ (uint32_t)old.handler, (uint32_t)old.flags & ~SA_IA32_ABI,
				       (uint32_t)old.restorer, old.mask };
	if (uold && copy_to_user((void *)uold, &c, sizeof(c)) < 0)
		return -EFAULT;
	return 0;
}

/* sigaction(sig, act, old): the old form, with signals 1..32 in its mask;
 * the rest of the kernel's mask is left as it was, as Linux's. */
long compat_sys_sigaction(struct trap_frame *tf)
{
	int sig = (int)arg(tf, 0);
	uint64_t uact = arg(tf, 1), uold = arg(tf, 2);
	struct compat_old_sigaction c;
	struct k_sigaction act, old;
	long r;

	if (uact) {
		if (copy_from_user(&c, (void *)uact, sizeof(c)) < 0)
			return -EFAULT;
		act = action_in(c.handler, c.flags, c.restorer, c.mask);
	}
	if ((r = do_sigaction(sig, uact ? &act : NULL, &old)) < 0)
		return r;
	c = (struct compat_old_sigaction){ (uint32_t)old.handler, (uint32_t)old.mask,
					   (uint32_t)old.flags & ~SA_IA32_ABI, (uint32_t)old.restorer };
	if (uold && copy_to_user((void *)uold, &c, sizeof(c)) < 0)
		return -EFAULT;
	return 0;
}

/* sigaltstack(ss, old), with the 32-bit stack_t (sys_sigaltstack's rules). */
long compat_sys_sigaltstack(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t uss = arg(tf, 0), uold = arg(tf, 1), sp = (uint32_t)tf->rsp;
	struct compat_stack c, old = {
		(uint32_t)p->altstack.ss_sp,
		altstack_flags(p, sp) | (int32_t)(p->altstack.ss_flags & SS_AUTODISARM),
		(uint32_t)p->altstack.ss_size,
	};

	if (uss) {
		if (copy_from_user(&c, (void *)uss, sizeof(c)) < 0)
			return -EFAULT;
		struct k_stack ss = { c.ss_sp, c.ss_flags, 0, c.ss_size };
		long r = altstack_set(p, &ss, sp);
		if (r < 0)
			return r;
	}
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

/* rt_sigtimedwait's common half: the set, the wait, the 32-bit siginfo. */
static long sigtimedwait32(struct trap_frame *tf, const struct timespec *timeout)
{
	uint64_t set, uinfo = arg(tf, 1);
	struct k_siginfo info;
	struct compat_siginfo c;

	if (copy_from_user(&set, (void *)arg(tf, 0), sizeof(set)) < 0)
		return -EFAULT;
	long sig = do_sigtimedwait(set, timeout, &info);
	if (sig > 0 && uinfo) {
		compat_siginfo_from(&c, &info);
		if (copy_to_user((void *)uinfo, &c, sizeof(c)) < 0)
			return -EFAULT;
	}
	return sig;
}

/* rt_sigtimedwait(set, info, timeout, sigsetsize): a 32-bit timespec. */
long compat_sys_rt_sigtimedwait(struct trap_frame *tf)
{
	struct timespec ts;

	if (arg(tf, 3) != SIGSET_SIZE)
		return -EINVAL;
	if (arg(tf, 2) && get_compat_timespec(arg(tf, 2), &ts) < 0)
		return -EFAULT;
	return sigtimedwait32(tf, arg(tf, 2) ? &ts : NULL);
}

/* rt_sigtimedwait_time64: the same with a 64-bit timespec. */
long compat_sys_rt_sigtimedwait_time64(struct trap_frame *tf)
{
	struct timespec ts;

	if (arg(tf, 3) != SIGSET_SIZE)
		return -EINVAL;
	if (arg(tf, 2) && copy_from_user(&ts, (void *)arg(tf, 2), sizeof(ts)) < 0)
		return -EFAULT;
	return sigtimedwait32(tf, arg(tf, 2) ? &ts : NULL);
}
