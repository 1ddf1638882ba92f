/*
 * sys_wait.c - waiting for children: wait4 and waitid, as Linux's. Both
 * select children (one, any, a process group), take the first with
 * something to report under their options (an end, a stop, a continue:
 * proc/jobctl.c), and sleep until there is one unless WNOHANG. Pointers
 * are checked before anything is reaped, so a bad one never loses a
 * child. Orphans the kernel reaps itself (autoreap) are never reported.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "api/signal.h"
#include "api/usage.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* Which children a wait is for. */
struct wait_sel {
	enum { SEL_ALL, SEL_PID, SEL_PGID } kind;
	int id;
};

static bool selects(const struct wait_sel *s, const struct proc *c)
{
	return s->kind == SEL_ALL || (s->kind == SEL_PID ? c->pid : c->g->pgid) == s->id;
}

/* What waiting under options would report of child c: its status word in
 * *status, or false for nothing (yet). */
static bool has_report(const struct proc *c, uint64_t options, int *status)
{
	if (proc_ended(c)) {
		*status = c->status;
		return options & WEXITED;
	}
	if ((options & WSTOPPED) && c->g->stopped && c->g->wait_report == WAIT_REPORT_STOPPED) {
		*status = 0x7f | c->g->stop_sig << 8;     /* WIFSTOPPED, WSTOPSIG */
		return true;
	}
	if ((options & WCONTINUED) && c->g->wait_report == WAIT_REPORT_CONTINUED) {
		*status = 0xffff;                      /* WIFCONTINUED */
		return true;
	}
	return false;
}

/* Find a selected child with a report; wait for one unless WNOHANG. The
 * child (its status word in *status), or NULL with *err: 0 (WNOHANG and
 * none yet), -ECHILD (no such child) or -ERESTARTSYS. */
static struct proc *wait_child(const struct wait_sel *s, uint64_t options, int *status, long *err)
{
	struct proc *p = current()->g->leader;   /* any thread waits for the process's children */

	for (;;) {
		bool any = false;
		for (struct proc *c = procs; c < procs + NPROC; c++) {
			if (c->state == P_FREE || !proc_is_leader(c) || c->g->parent != p || c == p || c->autoreap ||
			    !selects(s, c))
				continue;
			/* Every child here ends with SIGCHLD (clone takes no other
			 * signal): __WCLONE alone asks for none of them (Linux's eligible_child). */
			if ((options & __WCLONE) && !(options & __WALL))
				continue;
			any = true;
			if (has_report(c, options, status))
				return c;
		}
		*err = !any ? -ECHILD : (options & WNOHANG) ? 0 : sleep_on(p->g, 0);  /* process_end and jobctl.c wake us */
		if (*err < 0 || (options & WNOHANG))
			return NULL;
	}
}

/* The report is taken (not with WNOWAIT): a zombie is freed, a stop or a
 * continue told only once. */
static void consume(struct proc *c, uint64_t options)
{
	if (options & WNOWAIT)
		return;
	if (!proc_ended(c)) {
		c->g->wait_report = WAIT_REPORT_NONE;
		return;
	}
	acct_reap(current(), c);
	proc_free(c);
}

/* wait4(pid, status, options, rusage): pid > 0 waits for that child, -1
 * for any, 0 for any in the caller's process group, < -1 for any in group
 * -pid. WUNTRACED reports a child's stop, WCONTINUED its continuing, each
 * once; Linux's __WNOTHREAD, __WCLONE and __WALL are taken as by waitid. rusage, when given, gets the child's CPU time with its own
 * children's (acct.c), which the caller's RUSAGE_CHILDREN then counts. */
long do_wait4(long pid, uint64_t ustatus, uint64_t options, uint64_t rusage, bool ru32)
{
	struct wait_sel s = { SEL_ALL, 0 };
	long err;
	int status;

	if (options & ~(uint64_t)(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (pid == INT32_MIN)
		return -ESRCH;                           /* -pid does not exist (Linux) */
	if (pid > 0)
		s = (struct wait_sel){ SEL_PID, pid };
	else if (pid == 0)
		s = (struct wait_sel){ SEL_PGID, current()->g->pgid };
	else if (pid < -1)
		s = (struct wait_sel){ SEL_PGID, -pid };
	if ((ustatus && !user_writable(ustatus, sizeof(int))) ||
	    (rusage && !user_writable(rusage, ru32 ? sizeof(struct compat_rusage) : sizeof(struct rusage))))
		return -EFAULT;
	struct proc *c = wait_child(&s, options | WEXITED, &status, &err);
	if (!c)
		return err;
	int cpid = c->pid;
	struct rusage ru;
	acct_rusage(c, RUSAGE_BOTH, &ru);
	if ((ustatus && copy_to_user((void *)ustatus, &status, sizeof(status)) < 0) ||
	    (rusage && (ru32 ? put_compat_rusage(rusage, &ru) : copy_to_user((void *)rusage, &ru, sizeof(ru))) < 0))
		return -EFAULT;
	consume(c, options);
	return cpid;
}

long sys_wait4(struct trap_frame *tf)
{
	return do_wait4((int)arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), false);
}

/* The part of siginfo waitid writes (si_signo .. si_status), as Linux's. */
struct wait_info {
	int32_t signo, errno_, code, pad;
	int32_t pid;
	uint32_t uid;
	int32_t status;
};

/* waitid(idtype, id, infop, options, rusage): P_ALL, P_PID id (> 0), or
 * P_PGID id (0: the caller's group); options say what to wait for
 * (WEXITED, WSTOPPED, WCONTINUED: at least one), WNOHANG and WNOWAIT.
 * 0, with the child's SIGCHLD-like siginfo in infop (si_code CLD_EXITED,
 * CLD_KILLED, CLD_DUMPED, CLD_STOPPED or CLD_CONTINUED); with WNOHANG and
 * nothing to report, 0 and a zeroed infop (so si_pid is 0). infop is
 * written even for an error (zeroed), as Linux does. No pidfds: P_PIDFD is
 * -EBADF for a descriptor that is not open, else -EINVAL. rusage is
 * written only for a child found. */
static long do_waitid(struct trap_frame *tf, bool i386)
{
	struct proc *p = current();
	uint64_t idtype = arg(tf, 0), infop = arg(tf, 2), options = arg(tf, 3), rusage = arg(tf, 4);
	int id = (int)arg(tf, 1), status = 0;
	struct wait_sel s = { SEL_ALL, 0 };
	struct wait_info info = { 0 };
	long err;

	if (options & ~(uint64_t)(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (idtype) {
	case P_ALL:
		break;
	case P_PID:
		if (id <= 0)
			return -EINVAL;
		s = (struct wait_sel){ SEL_PID, id };
		break;
	case P_PGID:
		if (id < 0)
			return -EINVAL;
		s = (struct wait_sel){ SEL_PGID, id ? id : p->g->pgid };
		break;
	case P_PIDFD:
		return (unsigned)id < NOFILE && p->g->fds[id] ? -EINVAL : -EBADF;
	default:
		return -EINVAL;
	}
	/* (Both copies come before consume(): a bad pointer loses no child.) */
	struct proc *c = wait_child(&s, options, &status, &err);
	if (c) {
		info.signo = SIGCHLD;
		info.pid = c->pid;
		if (proc_ended(c) && !(status & 0x7f))
			info.code = CLD_EXITED, info.status = (status >> 8) & 0xff;
		else if (proc_ended(c))
			info.code = status & 0x80 ? CLD_DUMPED : CLD_KILLED, info.status = status & 0x7f;
		else if (status == 0xffff)
			info.code = CLD_CONTINUED, info.status = SIGCONT;
		else
			info.code = CLD_STOPPED, info.status = status >> 8;
		struct rusage ru;
		acct_rusage(c, RUSAGE_BOTH, &ru);
		if (rusage && (i386 ? put_compat_rusage(rusage, &ru) : copy_to_user((void *)rusage, &ru, sizeof(ru))) < 0)
			return -EFAULT;
		err = 0;
	}
	/* i386's siginfo has no padding word before si_pid. */
	int32_t info32[6] = { info.signo, info.errno_, info.code, info.pid, (int32_t)info.uid, info.status };
	if (infop && (i386 ? copy_to_user((void *)infop, info32, sizeof(info32))
			   : copy_to_user((void *)infop, &info, sizeof(info))) < 0)
		return -EFAULT;
	if (c)
		consume(c, options);
	return err;
}

long sys_waitid(struct trap_frame *tf) { return do_waitid(tf, false); }

/* waitid for the i386 ABI: 32-bit siginfo and rusage. */
long compat_sys_waitid(struct trap_frame *tf) { return do_waitid(tf, true); }
