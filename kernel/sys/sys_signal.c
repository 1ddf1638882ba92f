/*
 * sys_signal.c - kill, tkill, tgkill, rt_sigaction, rt_sigprocmask,
 * rt_sigreturn, pause (the delivery side is proc/signal.c).
 */
#include "api/errno.h"
#include "api/signal.h"
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "compat.h"
#include "kernel.h"
#include "lib/nospec.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* The flag bits a handler's return may set (Linux's FIX_EFLAGS): the
 * arithmetic flags, DF, TF, AC and RF; never IOPL, NT, IF or VM. */
#define USER_RFLAGS (0xd5ULL | (1ULL << 11) | RFLAGS_DF | RFLAGS_TF | RFLAGS_AC | RFLAGS_RF)

/* kill(pid, sig): pid > 0 that process; 0 the caller's process group,
 * the caller included; -1 every process but init and the caller; below
 * -1 process group -pid. -ESRCH when it reached nobody. */
long sys_kill(struct trap_frame *tf)
{
	struct proc *me = current();
	long pid = (int)arg(tf, 0);
	int sig = (int)arg(tf, 1);                /* an int, as in Linux */
	int found = 0;

	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	/* sig - 1 indexes sig_action[] in signal_send(): in range under
	 * speculation too (even a mispredicted sig == 0 gives signal 1). */
	sig = sig ? (int)index_nospec(sig - 1, NSIG) + 1 : 0;
	if (pid == INT32_MIN)
		return -ESRCH;                    /* -pid does not exist (Linux) */
	/* 0: the caller's group (the caller too); < -1: group -pid. */
	if (pid == 0 || pid < -1)
		return signal_group(pid ? -pid : me->g->pgid, sig, me->g->tgid) ? 0 : -ESRCH;
	if (pid > 0) {                            /* a thread's id names its process too (Linux) */
		struct proc *p = proc_by_pid(pid);
		if (!p)
			return -ESRCH;            /* (a zombie is there, until reaped) */
		if (sig)
			signal_send(p, sig);
		return 0;
	}
	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (!proc_live(p) || p->pid == 1 || p->g == me->g)
			continue;
		found++;
		if (sig)
			signal_send(p, sig);      /* signal 0 only asks whether p exists */
	}
	/* kill(-1) does not reach the caller, and like any other says -ESRCH
	 * when it reached nobody (Linux). */
	return found ? 0 : -ESRCH;
}

/* Linux's do_send_specific: signal sig to thread tid, which must belong
 * to thread group tgid when tgid > 0. The thread is looked for first: a
 * bad signal to nobody is -ESRCH, to someone -EINVAL. Signal 0 only asks. */
static long send_specific(int tgid, int tid, int sig)
{
	struct proc *p = proc_by_pid(tid);

	if (!p || p->state == P_ZOMBIE || (tgid > 0 && p->g->tgid != tgid))
		return -ESRCH;
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (sig) {
		sig = index_nospec(sig - 1, NSIG) + 1;   /* in range under speculation too */
		signal_send_thread(p, sig, current()->g->tgid, SI_TKILL);
	}
	return 0;
}

/* tkill(tid, sig): the old form, with no thread group to check. */
long sys_tkill(struct trap_frame *tf)
{
	int tid = (int)arg(tf, 0);

	return tid <= 0 ? -EINVAL : send_specific(0, tid, (int)arg(tf, 1));
}

/* tgkill(tgid, tid, sig) */
long sys_tgkill(struct trap_frame *tf)
{
	int tgid = (int)arg(tf, 0), tid = (int)arg(tf, 1);

	return tgid <= 0 || tid <= 0 ? -EINVAL : send_specific(tgid, tid, (int)arg(tf, 2));
}

long do_sigaction(int sig, const struct k_sigaction *act, struct k_sigaction *old)
{
	struct proc *p = current();

	if (sig <= 0 || sig > NSIG || (act && (sig == SIGKILL || sig == SIGSTOP)))
		return -EINVAL;
	sig = index_nospec(sig - 1, NSIG) + 1;   /* in range under speculation too */
	if (old)
		*old = p->g->sig_action[sig - 1];
	if (act) {
		struct k_sigaction *a = &p->g->sig_action[sig - 1];
		*a = *act;
		a->mask &= ~SIG_UNBLOCKABLE;
		/* Setting SIG_IGN discards it if pending (delivery checks
		 * SIG_DFL's default-ignored signals itself). */
		if (a->handler == SIG_IGN) {      /* in every thread, and the process's */
			p->g->sig_pending &= ~SIGBIT(sig);
			for (struct proc *t = procs; t < procs + NPROC; t++)
				if (t->g == p->g)
					t->sig_pending &= ~SIGBIT(sig);
		}
		signal_recalc(p);
	}
	return 0;
}

/* rt_sigaction(sig, act, old, sigsetsize): the handler gets the x86-64
 * frame; SA_IA32_ABI is the kernel's, neither taken nor shown (Linux's
 * sigaction_compat_abi). */
long sys_rt_sigaction(struct trap_frame *tf)
{
	int sig = (int)arg(tf, 0);
	uint64_t uact = arg(tf, 1), uold = arg(tf, 2);
	struct k_sigaction act, old;
	long r;

	if (arg(tf, 3) != SIGSET_SIZE || sig <= 0 || sig > NSIG)
		return -EINVAL;
	if (uact && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	/* Read the new action once, into the kernel, before anything changes. */
	if (uact && copy_from_user(&act, (void *)uact, sizeof(act)) < 0)
		return -EFAULT;
	act.flags &= ~(uint64_t)SA_IA32_ABI;
	if ((r = do_sigaction(sig, uact ? &act : NULL, &old)) < 0)
		return r;
	old.flags &= ~(uint64_t)SA_IA32_ABI;
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

long sys_rt_sigprocmask(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t how = arg(tf, 0), uset = arg(tf, 1), uold = arg(tf, 2), set, old = p->sig_blocked;

	if (arg(tf, 3) != SIGSET_SIZE)
		return -EINVAL;
	if (uset) {
		if (copy_from_user(&set, (void *)uset, sizeof(set)) < 0)
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:   set = old | set; break;
		case SIG_UNBLOCK: set = old & ~set; break;
		case SIG_SETMASK: break;
		default: return -EINVAL;
		}
	}
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	if (uset) {
		p->sig_blocked = set;
		signal_recalc(p);                 /* unblocking may make one deliverable */
	}
	return 0;
}

/*
 * rt_sigreturn: the handler returned into sa_restorer, which made this
 * call with rsp at the frame's ucontext. Take the registers and the mask
 * back from one kernel copy. The user may have changed them, as Linux
 * allows: rflags keeps only user-settable bits; the selectors get RPL 3,
 * and an ss that is not the user's data segment is repaired unless the
 * frame says UC_STRICT_RESTORE_SS. A rip outside the user half or a
 * selector that is not the user's then becomes a SIGSEGV on the way out
 * (trap_return), never a return through sysret (arch/sysret.h). The
 * x87/SSE/AVX state comes back from uc_mcontext.fpstate, checked
 * (proc/fpu_frame.c).
 */
long sys_rt_sigreturn(struct trap_frame *tf)
{
	struct proc *p = current();
	struct k_ucontext uc;
	const struct k_sigcontext *m = &uc.uc_mcontext;
	uint64_t frame_sp = tf->rsp;

	if (copy_from_user(&uc, (void *)tf->rsp, sizeof(uc)) < 0)
		return signal_sigreturn_fault(tf, "rt_sigreturn with an unreadable frame");
	p->sig_blocked = uc.uc_sigmask;           /* first, as Linux: the SIGSEGV below sees it */
	signal_recalc(p);
	tf->r8 = m->r8, tf->r9 = m->r9, tf->r10 = m->r10, tf->r11 = m->r11;
	tf->r12 = m->r12, tf->r13 = m->r13, tf->r14 = m->r14, tf->r15 = m->r15;
	tf->rdi = m->rdi, tf->rsi = m->rsi, tf->rbp = m->rbp, tf->rbx = m->rbx;
	tf->rdx = m->rdx, tf->rcx = m->rcx, tf->rsp = m->rsp, tf->rip = m->rip;
	tf->rflags = (tf->rflags & ~USER_RFLAGS) | (m->eflags & USER_RFLAGS) | RFLAGS_IF;
	tf->cs = m->cs | 3, tf->ss = m->ss | 3;
	if (tf->cs == USER_CS && tf->ss != USER_DS && !(uc.uc_flags & UC_STRICT_RESTORE_SS))
		tf->ss = USER_DS;                 /* Linux's force_valid_ss: the one ring-3 data segment */
	altstack_set(p, &uc.uc_stack, frame_sp); /* as it was; refused while on it (Linux ignores errors too) */
	frame_rewritten(p);
	tf->orig_rax = (uint64_t)-1;              /* the restored rax is no call's result: never restarted */
	p->restart.fn = NULL;                     /* nothing left for restart_syscall (Linux's) */
	/* Last, as Linux's restore_sigcontext: a bad image (a corrupt XSAVE
	 * header, say) leaves the general registers restored and the x87/SSE/
	 * AVX state initial, and is a SIGSEGV the process can catch; its
	 * handler's return resumes the interrupted code (corrupt_xstate_header
	 * in Linux's selftests). */
	if (fpu_frame_restore(m->fpstate) < 0) {
		fpu_load_init();
		return signal_sigreturn_fault(tf, "rt_sigreturn with a bad x87/SSE/AVX state");
	}
	return m->rax;                            /* the dispatcher stores it in rax */
}

/* pause: sleep until a signal arrives; -EINTR after its handler, and
 * sleeps on when no handler runs (-ERESTARTNOHAND). */
long sys_pause(struct trap_frame *tf)
{
	struct proc *p = current();

	while (sleep_on(&p->sig_pending, 0) == 0)
		;
	return -ERESTARTNOHAND;
}
