/*
 * rseq.c - restartable sequences (rseq(2); Linux's kernel/rseq.c is the
 * reference): an area per thread, its cpu fields the CPU it runs on.
 *
 * A process registers a struct rseq (api/rseq.h) and a 32-bit signature.
 * Whenever it was switched out (preempted by the timer, or it blocked)
 * the way back to user mode (exit_work, EXIT_RSEQ set by switch_to) and
 * every signal delivery (setup_frame) look at the area: if its rseq_cs
 * names a critical section the interrupted rip is in, rip moves to the
 * section's abort_ip; rseq_cs is cleared; cpu_id_start and cpu_id are
 * refreshed (always 0). A bad area or section is Linux's force_sigsegv.
 * fork's child keeps the registration, vfork's and execve drop it.
 */
#include <stddef.h>

#include "api/errno.h"
#include "api/rseq.h"
#include "api/signal.h"
#include "arch/percpu.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

_Static_assert(sizeof(struct rseq) == ORIG_RSEQ_SIZE, "struct rseq is 32 bytes");
_Static_assert(offsetof(struct rseq, end) == RSEQ_FEATURE_SIZE, "RSEQ_FEATURE_SIZE");
_Static_assert(_Alignof(struct rseq) == RSEQ_ALIGN, "RSEQ_ALIGN");
_Static_assert(sizeof(struct rseq_cs) == 32, "struct rseq_cs is 32 bytes");

#define RSEQ_CS_FIELD(a) ((void *)((a) + offsetof(struct rseq, rseq_cs)))

/* Write the area's CPU fields: cpu_id_start, cpu_id, node_id and mm_cid
 * (0 but cpu_id). 0 or -EFAULT. */
static long put_ids(uint64_t area, uint32_t cpu_id)
{
	uint32_t ids[2] = { 0, cpu_id }, zero[2] = { 0, 0 };

	if (copy_to_user((void *)area, ids, sizeof(ids)) < 0)
		return -EFAULT;
	return copy_to_user((void *)(area + offsetof(struct rseq, node_id)), zero, sizeof(zero));
}

/* Linux's force_sigsegv: a SIGSEGV p cannot block or ignore; sig is the
 * signal being delivered (a failure delivering SIGSEGV itself ends p). */
static void force_segv(struct proc *p, int sig)
{
	struct k_sigaction *a = &p->g->sig_action[SIGSEGV - 1];

	if (sig == SIGSEGV || a->handler == SIG_IGN || (p->sig_blocked & SIGBIT(SIGSEGV))) {
		a->handler = SIG_DFL;
		p->sig_blocked &= ~SIGBIT(SIGSEGV);
	}
	signal_send_info(p, SIGSEGV, 0, SI_KERNEL, 0);
}

/* Read and check the section p's area names (Linux's rseq_get_rseq_cs):
 * 1 with *cs filled, 0 for none, -EFAULT or -EINVAL for a bad one. */
static long get_cs(struct proc *p, struct rseq_cs *cs)
{
	uint64_t ptr;
	uint32_t sig;

	if (copy_from_user(&ptr, RSEQ_CS_FIELD(p->rseq), sizeof(ptr)) < 0)
		return -EFAULT;
	if (!ptr)
		return 0;
	if (ptr >= USER_TOP)
		return -EINVAL;
	if (copy_from_user(cs, (void *)ptr, sizeof(*cs)) < 0)
		return -EFAULT;
	if (cs->version || cs->start_ip >= USER_TOP || cs->abort_ip >= USER_TOP ||
	    cs->start_ip + cs->post_commit_offset >= USER_TOP)
		return -EINVAL;
	if (cs->start_ip + cs->post_commit_offset < cs->start_ip)
		return -EINVAL;                   /* it wraps around */
	if (cs->abort_ip - cs->start_ip < cs->post_commit_offset)
		return -EINVAL;                   /* abort_ip inside the section */
	if (copy_from_user(&sig, (void *)(cs->abort_ip - sizeof(sig)), sizeof(sig)) < 0)
		return -EFAULT;
	if (sig != p->rseq_sig) {
		static int said;                  /* a handler could bring this every tick: say it 10 times */
		if (said < 10) {
			said++;
			kprintf("kernel: pid %d (%s): rseq signature 0x%x before abort_ip 0x%lx, expected 0x%x\n",
				p->pid, p->name, sig, cs->abort_ip, p->rseq_sig);
		}
		return -EINVAL;
	}
	return 1;
}

/* Abort the section tf's rip is in, if p was switched out or signalled
 * meanwhile, and clear rseq_cs (Linux's rseq_ip_fixup). 0 or -errno. */
static long ip_fixup(struct proc *p, struct trap_frame *tf)
{
	struct rseq_cs cs;
	uint32_t flags;
	long r = get_cs(p, &cs);

	if (r <= 0)
		return r;
	bool inside = tf->rip - cs.start_ip < cs.post_commit_offset;
	if (inside) {
		/* Flags (the old NO_RESTART ones) are refused, in the section's
		 * descriptor and in the area alike. */
		if (cs.flags)
			return -EINVAL;
		if (copy_from_user(&flags, (void *)(p->rseq + offsetof(struct rseq, flags)), sizeof(flags)) < 0)
			return -EFAULT;
		if (flags)
			return -EINVAL;
		if (!p->rseq_event)
			return 0;                 /* nothing happened that a restart is for */
	}
	uint64_t zero = 0;
	if (copy_to_user(RSEQ_CS_FIELD(p->rseq), &zero, sizeof(zero)) < 0)
		return -EFAULT;
	/* The syscall stub sees rip != rcx and leaves by iretq. */
	if (inside)
		tf->rip = cs.abort_ip;
	return 0;
}

/* rseq_resume and rseq_signal: sig is the signal being delivered, or 0. */
static void notify_resume(struct trap_frame *tf, int sig)
{
	struct proc *p = current();

	if (!p->rseq)
		return;
	if (ip_fixup(p, tf) < 0 || put_ids(p->rseq, cpu_id()) < 0)
		force_segv(p, sig);
	p->rseq_event = false;
}

void rseq_resume(struct trap_frame *tf)
{
	notify_resume(tf, 0);
}

void rseq_signal(struct trap_frame *tf, int sig)
{
	current()->rseq_event = true;
	notify_resume(tf, sig);
}

/*
 * rseq(rseq, rseq_len, flags, sig): register the area (flags 0) or drop
 * it (RSEQ_FLAG_UNREGISTER), with Linux's checks in Linux's order. The
 * cpu fields are written on the way back to user mode, as on Linux: an
 * area that cannot be written gets the process a SIGSEGV there.
 */
long sys_rseq(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t area = arg(tf, 0);
	uint32_t len = arg(tf, 1), sig = arg(tf, 3);
	int flags = (int)arg(tf, 2);

	if (flags & RSEQ_FLAG_UNREGISTER) {
		if (flags & ~RSEQ_FLAG_UNREGISTER)
			return -EINVAL;
		if (!p->rseq || p->rseq != area || len != p->rseq_len)
			return -EINVAL;
		if (sig != p->rseq_sig)
			return -EPERM;
		if (put_ids(area, (uint32_t)RSEQ_CPU_ID_UNINITIALIZED) < 0)
			return -EFAULT;
		rseq_exec(p);
		return 0;
	}
	if (flags)
		return -EINVAL;
	if (p->rseq) {
		if (p->rseq != area || len != p->rseq_len)
			return -EINVAL;
		if (sig != p->rseq_sig)
			return -EPERM;
		return -EBUSY;                    /* the same registration again */
	}
	/* Linux: 32 bytes aligned to 32 (ORIG_RSEQ_SIZE), or more, aligned
	 * as struct rseq (32) and covering RSEQ_FEATURE_SIZE (28): here both
	 * say at least 32 bytes on a 32-byte boundary. */
	if (len < ORIG_RSEQ_SIZE || area % RSEQ_ALIGN)
		return -EINVAL;
	if (!user_range_ok(area, len))
		return -EFAULT;
	p->rseq = area, p->rseq_len = len, p->rseq_sig = sig;
	p->rseq_event = false;
	this_cpu()->exit_work |= EXIT_RSEQ;       /* write the cpu fields before user code runs */
	return 0;
}
