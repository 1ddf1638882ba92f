/*
 * signal.c - sending and delivering signals (Linux's model). A sent signal
 * becomes a pending bit: of the process (kill, SIGCHLD, the terminal's),
 * which any thread that does not block it takes, or of one thread
 * (tgkill, a fault). On the way back to user mode (syscall_dispatch,
 * trap) signal_deliver acts on the lowest pending one the thread does
 * not block: ignore it, end the process (every thread), or run its
 * handler on a struct k_rt_sigframe pushed on the user stack.
 * rt_sigreturn (sys_signal.c) takes the saved registers back, checked.
 * Handlers are the process's; masks, alternate stacks and frames the
 * thread's.
 *
 * Job control (jobctl.c): a stop signal whose action is the default
 * stops the process when it is sent (or, blocked then, when it is
 * unblocked); SIGCONT continues it when sent, whatever its disposition.
 * A sleeping call that a stop interrupts goes on after SIGCONT, as if
 * nothing happened (sleep.c). A call a signal interrupts returns a
 * restart code: just before a handler's frame is built, and when no
 * handler runs at all (exit_work), syscall_restart (restart.c) makes it
 * -EINTR or runs the call again, SA_RESTART's way.
 */
#include <stddef.h>

#include "api/signal.h"
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "arch/percpu.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "uaccess.h"

#define RED_ZONE 128                      /* the ABI's area below rsp a leaf may use */

/* What SIG_DFL does with sig: true for ignore, false for terminate or
 * (sig_is_stop) stop. SIGCONT's continuing happens when it is sent. */
static bool default_ignores(int sig)
{
	switch (sig) {
	case SIGCHLD: case SIGCONT: case SIGURG: case SIGWINCH:
		return true;
	default:
		return false;
	}
}

static bool ignored(const struct proc *p, int sig)
{
	uint64_t h = p->g->sig_action[sig - 1].handler;

	/* init gets only the signals it asked for, as on Linux; it cannot ask
	 * for SIGKILL, so kill(1, SIGKILL) does nothing. */
	if (h == SIG_DFL && p->g->tgid == 1)
		return true;
	if (sig == SIGKILL)
		return false;
	return h == SIG_IGN || (h == SIG_DFL && default_ignores(sig));
}

/* The default action of stop signal sig: stop p, unless the signal comes
 * from the terminal's kind (not SIGSTOP) and p's group is orphaned, when
 * nobody could continue it: then it is discarded (POSIX). */
static void stop_by(struct proc *p, int sig)
{
	if (sig != SIGSTOP && pgrp_orphaned(p->g->pgid))
		return;
	job_stop(p, sig);
}

/* Would thread t take sig now: not blocked, or waited for (rt_sigtimedwait)? */
static bool wants(const struct proc *t, int sig)
{
	return !(t->sig_blocked & SIGBIT(sig)) || (t->sig_waiting & SIGBIT(sig));
}

/* Make thread t look at its signals: wake it from a sleep, or, running,
 * on its way back to user mode. */
static void signal_wake(struct proc *t)
{
	wake_process(t);                          /* a sleep ends (-ERESTARTSYS & co, restart.h) */
	if (t == current())
		this_cpu()->exit_work |= EXIT_SIGNAL;
	else
		sched_kick(t);                    /* running on another CPU: it looks now */
}

/* Does sig, taken by a thread, end the whole process (SIG_DFL terminates)? */
static bool fatal(const struct proc *p, int sig)
{
	return sig == SIGKILL || (p->g->sig_action[sig - 1].handler == SIG_DFL && !default_ignores(sig) &&
				  !sig_is_stop(sig) && p->g->tgid != 1);
}

void signal_kill_group(struct proc *p, int sig)
{
	struct tgroup *g = p->g;

	if (!g->exiting) {
		g->exiting = true;
		g->exit_status = sig;
	}
	for (struct proc *t = procs; t < procs + NPROC; t++) {
		if (t->g != g || t->state == P_FREE || t->state == P_ZOMBIE)
			continue;
		t->sig_pending |= SIGBIT(SIGKILL);
		signal_wake(t);
	}
}

/* What sending sig to p's process does before it is queued (Linux's
 * prepare_signal): SIGCONT continues and stops discard each other; false
 * when the signal goes no further (ignored, or a stop acting now). */
static bool prepare(struct proc *p, int sig)
{
	if (p->state == P_FREE || p->g->nthreads == 0 || (p->g->exiting && sig != SIGKILL))
		return false;
	if (sig == SIGCONT) {
		job_continue(p);                  /* even ignored or blocked (Linux's prepare_signal) */
	} else if (sig_is_stop(sig)) {
		p->g->sig_pending &= ~SIGBIT(SIGCONT);   /* and the other way round */
		for (struct proc *t = procs; t < procs + NPROC; t++)
			if (t->g == p->g)
				t->sig_pending &= ~SIGBIT(SIGCONT);
	}
	/* An ignored signal is dropped now, unless it is blocked (the
	 * disposition may change before it is unblocked). */
	if (ignored(p, sig) && !(p->sig_blocked & SIGBIT(sig)))
		return false;
	/* A stop with the default action, not blocked, acts now: it must not
	 * end a sleep (the call goes on after SIGCONT). */
	if (sig_is_stop(sig) && p->g->sig_action[sig - 1].handler == SIG_DFL && !(p->sig_blocked & SIGBIT(sig))) {
		stop_by(p, sig);
		return false;
	}
	return true;
}

void signal_send_info(struct proc *p, int sig, int pid, int code, int status)
{
	struct tgroup *g = p->g;
	struct proc *t = NULL;

	if (!prepare(p, sig))
		return;
	g->sig_pending |= SIGBIT(sig);
	g->sig_info[sig - 1].pid = pid;
	g->sig_info[sig - 1].code = code;
	g->sig_info[sig - 1].status = status;
	/* Which thread takes it: p if it may, else any that may (Linux's
	 * complete_signal); if every thread blocks it, it waits for one. */
	if (p->state != P_ZOMBIE && wants(p, sig)) {
		t = p;
	} else {
		for (struct proc *o = procs; o < procs + NPROC && !t; o++)
			if (o->g == g && o->state != P_FREE && o->state != P_ZOMBIE && wants(o, sig))
				t = o;
	}
	if (!t)
		return;
	if (fatal(t, sig) && !(t->sig_waiting & SIGBIT(sig)))
		signal_kill_group(t, sig);
	else
		signal_wake(t);
}

void signal_send_thread(struct proc *t, int sig, int pid, int code)
{
	if (t->state == P_ZOMBIE || !prepare(t, sig))
		return;
	t->sig_pending |= SIGBIT(sig);
	t->sig_info[sig - 1].pid = pid;
	t->sig_info[sig - 1].code = code;
	t->sig_info[sig - 1].status = 0;
	if (!wants(t, sig))
		return;
	if (fatal(t, sig) && !(t->sig_waiting & SIGBIT(sig)) && sig != SIGKILL)
		signal_kill_group(t, sig);
	else
		signal_wake(t);
}

void signal_send_from(struct proc *p, int sig, int sender)
{
	signal_send_info(p, sig, sender, SI_USER, 0);
}

void signal_send(struct proc *p, int sig)
{
	struct proc *me = current();

	signal_send_from(p, sig, me ? me->g->tgid : 0);
}

void signal_recalc(struct proc *p)
{
	p->sig_blocked &= ~SIG_UNBLOCKABLE;
	if (p == current())
		this_cpu()->exit_work = (this_cpu()->exit_work & ~EXIT_SIGNAL) | (signal_pending(p) || p->g->stopped ? EXIT_SIGNAL : 0);
}

bool on_altstack(const struct proc *p, uint64_t sp)
{
	const struct k_stack *s = &p->altstack;

	return !(s->ss_flags & SS_AUTODISARM) && sp > s->ss_sp && sp - s->ss_sp <= s->ss_size;
}

int altstack_flags(const struct proc *p, uint64_t sp)
{
	if (!p->altstack.ss_size)
		return SS_DISABLE;
	return on_altstack(p, sp) ? SS_ONSTACK : 0;
}

/* Where sig's frame goes (Linux's get_sigframe): below the red zone (none
 * for an i386 frame), or at the top of the alternate stack for an
 * SA_ONSTACK handler when one is set and not in use; first the
 * x87/SSE/AVX state (its FXSAVE/XSAVE part 64-byte aligned; an i386 frame
 * puts the FSAVE header of signal32.c right below it), its address in
 * *fpstate, then the frame below it, aligned as after a call. Records the
 * stack in *uc_stack (disarming it for SS_AUTODISARM). 0 when the frame
 * would overflow the alternate stack. */
uint64_t signal_frame_address(struct proc *p, const struct trap_frame *tf, const struct k_sigaction *a,
			      size_t size, bool ia32, struct k_stack *uc_stack, uint64_t *fpstate)
{
	uint64_t sp = ia32 ? (uint32_t)tf->rsp : tf->rsp - RED_ZONE;
	bool nested = on_altstack(p, sp), entering = false;

	if ((a->flags & SA_ONSTACK) && altstack_flags(p, sp) == 0) {
		sp = p->altstack.ss_sp + p->altstack.ss_size;
		entering = true;
	}
	*fpstate = (sp - fpu_frame_size()) & ~63ULL;
	if (ia32) {
		*fpstate -= FPU_FSAVE_HEADER;
		sp = ((*fpstate - size + 4) & ~15ULL) - 4;  /* esp + 4 16-aligned, as i386 Linux */
	} else {
		sp = ((*fpstate - size) & ~15ULL) - 8;  /* so that rsp + 8 is 16-aligned, as after a call */
	}
	if ((nested || entering) && !(sp > p->altstack.ss_sp && sp - p->altstack.ss_sp <= p->altstack.ss_size))
		return 0;
	*uc_stack = p->altstack;
	uc_stack->ss_flags = altstack_flags(p, tf->rsp) | (p->altstack.ss_flags & SS_AUTODISARM);
	if (p->altstack.ss_flags & SS_AUTODISARM)
		p->altstack = (struct k_stack){ 0 };
	return sp;
}

uint64_t signal_frame_max(void)
{
	/* The x87/SSE/AVX state and its 64-byte alignment, the frame and
	 * its 16-byte alignment (signal_frame_address). */
	return fpu_frame_size() + 64 + sizeof(struct k_rt_sigframe) + 16;
}

void signal_handler_entered(struct proc *p, int sig, struct k_sigaction *a)
{
	frame_rewritten(p);
	p->sig_blocked |= a->mask | (a->flags & SA_NODEFER ? 0 : SIGBIT(sig));
	if (a->flags & SA_RESETHAND)
		a->handler = SIG_DFL;             /* only the handler, as Linux does */
	signal_recalc(p);
}

/* Push a frame for sig's (x86-64) handler and point tf at the handler. false when
 * the frame cannot be written (the caller ends the process). As Linux's:
 * the x87/SSE/AVX state, then struct k_rt_sigframe, whose
 * uc_mcontext.fpstate points at the state (frame_address). The handler
 * starts with the initial x87/SSE/AVX state, as on Linux. */
static bool setup_frame(struct trap_frame *tf, int sig, struct k_sigaction *a, const struct k_siginfo *info)
{
	struct proc *p = current();
	struct k_rt_sigframe f = { 0 };
	struct k_sigcontext *m = &f.uc.uc_mcontext;

	/* x86-64 handlers return through sa_restorer; without one there is
	 * nowhere to go (Linux refuses the same way). */
	if (!(a->flags & SA_RESTORER))
		return false;
	if (p->rseq) {
		rseq_signal(tf, sig);             /* the frame saves abort_ip, not a section's rip */
		if (a->handler == SIG_DFL)
			return false;             /* a bad section while delivering SIGSEGV itself */
	}
	uint64_t fpstate;
	uint64_t sp = signal_frame_address(p, tf, a, sizeof(f), false, &f.uc.uc_stack, &fpstate);
	if (!sp)
		return false;
	f.pretcode = a->restorer;
	*m = (struct k_sigcontext){
		.r8 = tf->r8, .r9 = tf->r9, .r10 = tf->r10, .r11 = tf->r11,
		.r12 = tf->r12, .r13 = tf->r13, .r14 = tf->r14, .r15 = tf->r15,
		.rdi = tf->rdi, .rsi = tf->rsi, .rbp = tf->rbp, .rbx = tf->rbx,
		.rdx = tf->rdx, .rax = tf->rax, .rcx = tf->rcx, .rsp = tf->rsp,
		.rip = tf->rip, .eflags = tf->rflags, .cs = tf->cs, .ss = tf->ss,
		.err = tf->vector < 32 ? tf->error : 0, .trapno = tf->vector < 32 ? tf->vector : 0,
		.oldmask = p->restore_mask ? p->saved_mask : p->sig_blocked,
		.cr2 = tf->vector == 14 ? this_cpu()->fault_addr : 0,
		.fpstate = fpstate,
	};
	/* UC_STRICT_RESTORE_SS only for a signal that interrupted 64-bit
	 * code (Linux: user_64bit_mode). From 32-bit code (a far jump to
	 * USER32_CS) rt_sigreturn may repair a bad ss instead of faulting,
	 * and Linux's sigreturn selftest checks the flag both ways. */
	f.uc.uc_flags = UC_SIGCONTEXT_SS | (tf->cs == USER_CS ? UC_STRICT_RESTORE_SS : 0) |
			(fpu.xsave ? UC_FP_XSTATE : 0);
	f.uc.uc_sigmask = p->restore_mask ? p->saved_mask : p->sig_blocked;  /* rt_sigsuspend's, after */
	p->restore_mask = false;
	f.info = *info;
	if (fpu_frame_save(fpstate) < 0 || copy_to_user((void *)sp, &f, sizeof(f)) < 0)
		return false;
	fpu_load_init();

	tf->rip = a->handler;
	tf->rsp = sp;
	tf->rdi = sig;
	tf->rsi = sp + offsetof(struct k_rt_sigframe, info);
	tf->rdx = sp + offsetof(struct k_rt_sigframe, uc);
	tf->rax = 0;
	tf->rflags &= ~(RFLAGS_DF | RFLAGS_RF | RFLAGS_TF);
	tf->cs = USER_CS;
	tf->ss = USER_DS;
	signal_handler_entered(p, sig, a);
	return true;
}

/* The frame of the ABI the handler was registered in (Linux keeps
 * SA_IA32_ABI in the kernel's copy of the action): i386's from a 32-bit
 * sigaction or rt_sigaction (signal32.c), else x86-64's. */
static bool signal_setup(struct trap_frame *tf, int sig, struct k_sigaction *a, const struct k_siginfo *info)
{
	if (a->flags & SA_IA32_ABI)
		return setup_frame32(tf, sig, a, info);
	return setup_frame(tf, sig, a, info);
}

void signal_dequeue(struct proc *p, int sig, struct k_siginfo *info)
{
	bool own = p->sig_pending & SIGBIT(sig);
	const struct sig_origin *i = own ? &p->sig_info[sig - 1] : &p->g->sig_info[sig - 1];

	*info = (struct k_siginfo){ .si_signo = sig, .si_code = i->code };
	info->u.chld.pid = i->pid;                /* si_pid, for kill and SIGCHLD */
	info->u.chld.status = i->status;          /* SIGCHLD's si_status, else 0 */
	if (own)
		p->sig_pending &= ~SIGBIT(sig);
	else
		p->g->sig_pending &= ~SIGBIT(sig);
}

/* The current thread takes SIGKILL: its process ends, or only the
 * thread when another thread's execve is what ends it. */
static void __attribute__((noreturn)) killed(struct proc *p)
{
	if (p->g->execer && p->g->execer != p && !p->g->exiting)
		thread_exit(SIGKILL);
	proc_exit(SIGKILL);
}

/* sig's handler frame could not be written (an alternate stack too small,
 * a bad stack pointer): Linux's force_sigsegv. A SIGSEGV the process may
 * catch, on its own stack unless its handler asks for the alternate one
 * (Linux's sigaltstack selftest); the end of the process when the signal
 * that failed was SIGSEGV itself, or when SIGSEGV's frame fails too. */
static void force_sigsegv(struct trap_frame *tf, int sig, const char *what)
{
	if (sig == SIGSEGV)
		proc_kill_fault(tf, SIGSEGV, what);
	signal_force_segv(tf, what);
}

void signal_deliver(struct trap_frame *tf)
{
	struct proc *p = current();

	this_cpu()->exit_work &= ~EXIT_SIGNAL;
	job_stop_wait();                          /* stopped: halt here until SIGCONT or SIGKILL */
	if (signals_pending(p) & SIGBIT(SIGKILL))
		killed(p);                        /* before any handler runs (Linux) */
	while (signal_pending(p)) {
		int sig = __builtin_ctzll(signals_pending(p) & ~p->sig_blocked) + 1;
		struct k_sigaction *a = &p->g->sig_action[sig - 1];
		struct k_siginfo info;

		signal_dequeue(p, sig, &info);
		if (ignored(p, sig))
			continue;
		if (a->handler == SIG_DFL && sig_is_stop(sig)) {
			stop_by(p, sig);          /* one that was blocked until now */
			job_stop_wait();
			if (signals_pending(p) & SIGBIT(SIGKILL))
				killed(p);
			continue;
		}
		if (a->handler == SIG_DFL)
			proc_exit(sig);               /* the status says which signal */
		syscall_restart(tf, a);           /* -EINTR or again, before the frame saves rax and rip */
		if (!signal_setup(tf, sig, a, &info))
			force_sigsegv(tf, sig, "no usable signal frame for a handler");
		return;                           /* one handler at a time */
	}
	if (p->restore_mask) {                    /* rt_sigsuspend, and no handler ran */
		p->sig_blocked = p->saved_mask;
		p->restore_mask = false;
		signal_recalc(p);
	}
}

/* si_code and si_addr for a fault, as Linux reports them. */
static void fault_info(const struct trap_frame *tf, int sig, struct k_siginfo *info)
{
	struct proc *p = current();

	info->si_signo = sig;
	info->si_code = SI_KERNEL;
	if (tf->vector == 14) {
		/* Linux says MAPERR for any kernel address, mapped or not, and
		 * where no region is; ACCERR in a region without the right. */
		uint64_t a = info->u.addr = this_cpu()->fault_addr;
		bool denied = a < USER_TOP && vma_at(p->mm->vmas, a);
		info->si_code = denied && a < USER_TOP ? SEGV_ACCERR : SEGV_MAPERR;
	} else if (sig == SIGILL) {
		info->si_code = ILL_ILLOPN, info->u.addr = tf->rip;
	} else if (sig == SIGFPE) {
		info->si_code = tf->vector == 0 ? FPE_INTDIV : fpu_fault_code(tf->vector);
		info->u.addr = tf->rip;
	} else if (sig == SIGTRAP && tf->vector == 1) {
		/* A single step says so in DR6; a #DB from icebp does not. */
		bool step = this_cpu()->debug_status & DR6_BS;
		info->si_code = step ? TRAP_TRACE : TRAP_BRKPT, info->u.addr = tf->rip;
	}                                     /* int3 (#BP): SI_KERNEL and no address, as Linux's */
}

void signal_fault(struct trap_frame *tf, int sig, const char *what)
{
	struct k_siginfo info = { 0 };

	fault_info(tf, sig, &info);
	signal_force(tf, &info, what);
}

void signal_force(struct trap_frame *tf, const struct k_siginfo *info, const char *what)
{
	struct proc *p = current();
	int sig = info->si_signo;
	struct k_sigaction *a = &p->g->sig_action[sig - 1];

	/* A fault cannot be ignored or postponed: with no handler, or the
	 * signal blocked, the process ends (Linux's force_sig). */
	if (a->handler != SIG_DFL && a->handler != SIG_IGN && !(p->sig_blocked & SIGBIT(sig))) {
		if (!signal_setup(tf, sig, a, info))
			force_sigsegv(tf, sig, "a fault, and no usable signal frame for its handler");
		return;
	}
	proc_kill_fault(tf, sig, what);
}

void signal_force_segv(struct trap_frame *tf, const char *what)
{
	struct k_siginfo info = { .si_signo = SIGSEGV, .si_code = SI_KERNEL };

	signal_force(tf, &info, what);
}

long signal_sigreturn_fault(struct trap_frame *tf, const char *what)
{
	tf->rax = 0;                              /* the result the handler's frame saves */
	signal_force_segv(tf, what);
	return 0;
}

void signal_fork(struct proc *child, const struct proc *parent)
{
	for (int i = 0; i < NSIG; i++)
		child->g->sig_action[i] = parent->g->sig_action[i];
	child->sig_blocked = parent->sig_blocked;
	child->sig_pending = child->g->sig_pending = 0;
	child->altstack = parent->altstack;       /* timers are not inherited (zero) */
}

void signal_exec(struct proc *p)
{
	p->altstack = (struct k_stack){ 0 };      /* the new program has none */
	for (int i = 0; i < NSIG; i++)
		if (p->g->sig_action[i].handler != SIG_IGN)
			p->g->sig_action[i] = (struct k_sigaction){ 0 };
}
