/*
 * tty_job.c - the console as a controlling terminal (credentials(7),
 * tty_ioctl(4)): the session it belongs to and that session's foreground
 * process group, which gets the keyboard's signals and may read; a
 * background process that reads gets SIGTTIN, one that writes with
 * TOSTOP or changes the settings gets SIGTTOU (each stops its group
 * unless handled). A process has the console as its controlling terminal
 * when it is in the console's session and has not given it up
 * (has_ctty: TIOCNOTTY, setsid).
 */
#include "api/errno.h"
#include "api/signal.h"
#include "api/termios.h"
#include "dev/tty.h"
#include "kernel.h"
#include "proc.h"
#include "uaccess.h"

static int session;                       /* the session whose terminal it is (0: nobody's) */
static int fg;                            /* that session's foreground process group */

static bool is_ctty(const struct proc *p) { return session && p->g->has_ctty && p->g->sid == session; }

void tty_session_start(struct proc *p)
{
	session = p->g->sid;
	fg = p->g->pgid;
	p->g->has_ctty = true;
}

void tty_session_end(int sid)
{
	if (!session || sid != session)
		return;
	if (fg) {
		signal_group(fg, SIGHUP, 0);
		signal_group(fg, SIGCONT, 0);
	}
	session = fg = 0;
}

long tty_has_ctty(void) { return is_ctty(current()) ? 0 : -ENXIO; }

int tty_fg_of(const struct proc *p) { return is_ctty(p) ? (fg ? fg : -1) : 0; }

void tty_signal_fg(int sig)
{
	if (fg)
		signal_group(fg, sig, 0);         /* from the kernel */
}

/* The job-control check for sig (SIGTTIN or SIGTTOU) on the caller: a
 * member of a background group of the terminal's session signals its
 * group and waits while stopped; then looks again (it may be in the
 * foreground now). Ignored or blocked, sig is not sent: the caller goes
 * on when go_on_unsent, else -EIO; an orphaned group cannot be
 * continued, so it gets -EIO (Linux's tty_check_change, __tty_check_change). */
static long bg_check(int sig, bool go_on_unsent)
{
	struct proc *p = current();

	while (is_ctty(p) && fg && p->g->pgid != fg) {
		const struct k_sigaction *a = &p->g->sig_action[sig - 1];
		if (a->handler == SIG_IGN || (p->sig_blocked & SIGBIT(sig)))
			return go_on_unsent ? 0 : -EIO;
		if (pgrp_orphaned(p->g->pgid))
			return -EIO;
		signal_group(p->g->pgid, sig, 0);
		job_stop_wait();                  /* stopped by it, unless it has a handler */
		if (signal_pending(p))
			return -ERESTARTSYS;          /* its handler runs first (or SIGKILL); SA_RESTART: again */
	}
	return 0;
}

long tty_check_read(void) { return bg_check(SIGTTIN, false); }

long tty_check_write(void)
{
	struct termios t;

	ldisc_get_termios(&t);
	return t.c_lflag & TOSTOP ? bg_check(SIGTTOU, true) : 0;
}

long tty_check_change(void) { return bg_check(SIGTTOU, true); }

/* Is there a process, group or session with id n (Linux's find_vpid)? */
static bool id_in_use(int n)
{
	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (p->state != P_FREE && (p->pid == n || (proc_is_leader(p) && (p->g->pgid == n || p->g->sid == n))))
			return true;
	return false;
}

/* TIOCSPGRP: group *u of the caller's session becomes the foreground. */
static long set_fg(const int *u)
{
	struct proc *p = current();
	int pgrp;
	long r;

	if (!is_ctty(p))
		return -ENOTTY;
	if ((r = tty_check_change()) < 0)
		return r;
	if (copy_from_user(&pgrp, u, sizeof(pgrp)) < 0)
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	if (!id_in_use(pgrp))
		return -ESRCH;
	if (!pgrp_in_session(pgrp, p->g->sid))
		return -EPERM;                    /* not a group of the caller's session */
	fg = pgrp;
	return 0;
}

/* TIOCSCTTY: the caller, a session leader without a terminal, takes the
 * console; from another session only when steal is 1 (the one user is
 * privileged here), which that session then loses. */
static long make_ctty(uint64_t steal)
{
	struct proc *p = current();

	if (p->g->sid == p->g->tgid && is_ctty(p))
		return 0;                         /* already its own */
	if (p->g->sid != p->g->tgid || is_ctty(p))
		return -EPERM;
	if (session) {
		if (steal != 1)
			return -EPERM;
		for (struct proc *q = procs; q < procs + NPROC; q++)
			if (q->state != P_FREE && q->g->sid == session)
				q->g->has_ctty = false;
	}
	session = p->g->sid;
	fg = p->g->pgid;
	p->g->has_ctty = true;
	return 0;
}

long tty_job_ioctl(uint32_t cmd, uint64_t uarg)
{
	struct proc *p = current();

	switch (cmd) {
	case TIOCGPGRP:
		if (!is_ctty(p))
			return -ENOTTY;
		return copy_to_user((void *)uarg, &fg, sizeof(fg));
	case TIOCSPGRP:
		return set_fg((const int *)uarg);
	case TIOCGSID:
		if (!is_ctty(p))
			return -ENOTTY;
		return copy_to_user((void *)uarg, &session, sizeof(session));
	case TIOCSCTTY:
		return make_ctty(uarg);
	case TIOCNOTTY:
		if (!is_ctty(p))
			return -ENOTTY;
		if (p->g->sid == p->g->tgid)
			tty_session_end(p->g->sid);  /* the leader lets go for its whole session */
		p->g->has_ctty = false;
		return 0;
	default:
		return -ENOTTY;
	}
}
