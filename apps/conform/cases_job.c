/*
 * cases_job.c - job control's calls and the terminal's job-control
 * ioctls, with Linux's errors: process groups and sessions (setpgid,
 * getpgid, getpgrp, setsid, getsid), kill and wait4 on groups, a stop
 * and a continue seen by wait4 (WUNTRACED, WCONTINUED), and TIOCGPGRP,
 * TIOCSPGRP, TIOCGSID, TIOCSCTTY, TIOCNOTTY, TCFLSH, TCXONC, FIONREAD;
 * waitid with its options (WEXITED, WSTOPPED, WCONTINUED, WNOHANG, WNOWAIT).
 * Each case runs in a child of the runner, which is init and leads the
 * console's session: the console is the case's controlling terminal.
 */
#include <api/fcntl.h>
#include <api/signal.h>
#include <api/termios.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conform.h"

#define NOPID 99999                      /* no process has it */

/* Each r[i] must be want[i]; the results go into the transcript. */
static void expect_list(const struct path *P, struct transcript *t, const long *r, const long *want, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		note(t, "%ld ", r[i]);
		if (r[i] != want[i])
			printf("# [%s] result %zu is %ld, want %ld\n", P->name, i, r[i], want[i]);
		EXPECT(t, P, r[i] == want[i]);
	}
}

int case_pgrp_calls(const struct path *P, struct transcript *t)
{
	long me = CALL0(P, SYS_getpid), pg = CALL0(P, SYS_getpgrp), sid = CALL1(P, SYS_getsid, 0);

	EXPECT(t, P, pg > 0 && CALL1(P, SYS_getpgid, 0) == pg && CALL1(P, SYS_getpgid, me) == pg);
	EXPECT(t, P, sid > 0 && CALL1(P, SYS_getsid, me) == sid);
	long r[] = {
		CALL1(P, SYS_getpgid, NOPID),
		CALL1(P, SYS_getpgid, -1),
		CALL1(P, SYS_getsid, NOPID),
		CALL2(P, SYS_setpgid, 0, -1),
		CALL2(P, SYS_setpgid, NOPID, 0),
		CALL2(P, SYS_setpgid, -1, 0),             /* pgid 0 is pid: -1, so -EINVAL first */
		CALL2(P, SYS_setpgid, 0, NOPID),          /* no such group in the session */
		CALL2(P, SYS_kill, -NOPID, 0),
		CALL2(P, SYS_kill, 0, 0),                 /* the caller's group: the caller is in it */
		CALL4(P, SYS_wait4, -NOPID, 0, WNOHANG, 0),
		CALL4(P, SYS_wait4, 0, 0, WNOHANG, 0),
		CALL4(P, SYS_wait4, -2147483647L - 1, 0, 0, 0),
		CALL2(P, SYS_setpgid, 0, 0),              /* a group of its own */
		CALL1(P, SYS_setsid, 0),                  /* ... so no session */
	};
	long want[] = { -ESRCH, -ESRCH, -ESRCH, -EINVAL, -ESRCH, -EINVAL, -EPERM, -ESRCH, 0,
			-ECHILD, -ECHILD, -ESRCH, 0, -EPERM };
	expect_list(P, t, r, want, N(r));
	EXPECT(t, P, CALL0(P, SYS_getpgrp) == me && CALL1(P, SYS_getsid, 0) == sid);
	return 0;
}

/* In a child: a session of its own, with no controlling terminal. */
static void new_session(const struct path *P, void *tp)
{
	struct transcript *t = tp;
	long me = CALL0(P, SYS_getpid);
	int pg;

	if (CALL0(P, SYS_setsid) != me || CALL1(P, SYS_getsid, 0) != me || CALL0(P, SYS_getpgrp) != me)
		_exit(1);
	long r[] = {
		CALL0(P, SYS_setsid),
		CALL2(P, SYS_setpgid, 0, 0),
		CALL3(P, SYS_ioctl, 0, TIOCGPGRP, &pg),
		CALL3(P, SYS_ioctl, 0, TIOCGSID, &pg),
		CALL3(P, SYS_ioctl, 0, TIOCSPGRP, &pg),
		CALL3(P, SYS_ioctl, 0, TIOCNOTTY, 0),
		CALL3(P, SYS_ioctl, 0, TIOCSCTTY, 0),     /* the console is init's session's */
	};
	long want[] = { -EPERM, -EPERM, -ENOTTY, -ENOTTY, -ENOTTY, -ENOTTY, -EPERM };
	for (size_t i = 0; i < N(r); i++)
		if (r[i] != want[i])
			_exit(10 + i);
	(void)t;
	_exit(0);
}

int case_setsid_session(const struct path *P, struct transcript *t)
{
	int s = run_child(new_session, P, t);

	note(t, "status %x", s);
	EXPECT(t, P, s == 0);
	return 0;
}

int case_tty_job_ioctls(const struct path *P, struct transcript *t)
{
	long con = CALL3(P, SYS_open, "/dev/console", O_RDWR, 0);
	int pg = 0, sid = 0, n = -1, bad;

	EXPECT(t, P, CALL3(P, SYS_ioctl, con, TIOCGPGRP, &pg) == 0 && pg == CALL0(P, SYS_getpgrp));
	EXPECT(t, P, CALL3(P, SYS_ioctl, con, TIOCGSID, &sid) == 0 && sid == CALL1(P, SYS_getsid, 0));
	EXPECT(t, P, CALL3(P, SYS_ioctl, con, FIONREAD, &n) == 0 && n == 0);   /* nothing typed */
	EXPECT(t, P, CALL3(P, SYS_ioctl, con, TIOCSPGRP, &pg) == 0);           /* its own: no change */
	bad = -1;
	long r0 = CALL3(P, SYS_ioctl, con, TIOCSPGRP, &bad);
	bad = NOPID;
	long r[] = {
		r0,
		CALL3(P, SYS_ioctl, con, TIOCSPGRP, &bad),
		CALL3(P, SYS_ioctl, con, TIOCSCTTY, 0),   /* not a session leader */
		CALL3(P, SYS_ioctl, con, TCFLSH, TCIFLUSH),
		CALL3(P, SYS_ioctl, con, TCFLSH, TCIOFLUSH),
		CALL3(P, SYS_ioctl, con, TCFLSH, 3),
		CALL3(P, SYS_ioctl, con, TCXONC, TCOON),
		CALL3(P, SYS_ioctl, con, TCXONC, 4),
		CALL3(P, SYS_ioctl, con, TIOCOUTQ, &n),
	};
	long want[] = { -EINVAL, -ESRCH, -EPERM, 0, 0, -EINVAL, 0, -EINVAL, 0 };
	expect_list(P, t, r, want, N(r));
	CALL1(P, SYS_close, con);
	return 0;
}

static void spin(const struct path *P, void *unused)
{
	for (;;)
		__asm__ volatile("" ::: "memory");
}

int case_stop_continue(const struct path *P, struct transcript *t)
{
	int status = 0;
	long pid = CALL0(P, SYS_fork);

	if (pid == 0)
		spin(P, 0);
	CALL2(P, SYS_setpgid, pid, pid);          /* not orphaned: a terminal's stop counts */
	EXPECT(t, P, CALL2(P, SYS_kill, pid, SIGTSTP) == 0);
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, &status, WUNTRACED, 0) == pid);
	note(t, "stopped %x ", status);
	EXPECT(t, P, status == (0x7f | SIGTSTP << 8));
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, &status, WUNTRACED | WNOHANG, 0) == 0);
	EXPECT(t, P, CALL2(P, SYS_kill, pid, SIGCONT) == 0);
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, &status, WCONTINUED, 0) == pid);
	note(t, "continued %x ", status);
	EXPECT(t, P, status == 0xffff);
	EXPECT(t, P, CALL2(P, SYS_kill, -pid, SIGKILL) == 0);
	EXPECT(t, P, CALL4(P, SYS_wait4, -pid, &status, 0, 0) == pid);
	note(t, "killed %x", status);
	EXPECT(t, P, status == SIGKILL);
	return 0;
}

/* The fields of siginfo waitid writes. */
struct wait_info {                   /* siginfo's first words: x86-64 pads the union to 16 */
	int32_t signo, errno_, code;
#ifdef __x86_64__
	int32_t pad;
#endif
	int32_t pid;
	uint32_t uid;
	int32_t status;
};

/* waitid(idtype, id, &info, options): the result; info's fields noted. */
static long waitid_noted(const struct path *P, struct transcript *t, long idtype, long id, long options,
			 struct wait_info *info)
{
	memset(info, 0xa5, sizeof(*info));
	long r = P->call(SYS_waitid, idtype, id, (long)info, options, 0, 0);

	note(t, "[%ld: %d %d %d] ", r, info->signo, info->code, info->status);
	return r;
}

int case_waitid(const struct path *P, struct transcript *t)
{
	struct wait_info in;
	long pid;

	long r[] = {
		CALL4(P, SYS_waitid, P_ALL, 0, &in, 0),                 /* nothing to wait for */
		CALL4(P, SYS_waitid, P_ALL, 0, &in, WEXITED | 0x100),
		CALL4(P, SYS_waitid, P_PID, 0, &in, WEXITED),
		CALL4(P, SYS_waitid, P_PGID, -1, &in, WEXITED),
		CALL4(P, SYS_waitid, 9, 0, &in, WEXITED),
		CALL4(P, SYS_waitid, P_PIDFD, 55, &in, WEXITED),        /* not open */
		CALL4(P, SYS_waitid, P_PIDFD, 0, &in, WEXITED),         /* not a pidfd */
		CALL4(P, SYS_waitid, P_ALL, 0, 0, WEXITED),             /* no children; infop may be NULL */
	};
	long want[] = { -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EBADF, -EINVAL, -ECHILD };
	expect_list(P, t, r, want, N(r));
	EXPECT(t, P, waitid_noted(P, t, P_ALL, 0, WEXITED | WNOHANG, &in) == -ECHILD && in.signo == 0 && in.pid == 0);
	/* An exit, seen twice with WNOWAIT, then reaped. */
	if ((pid = CALL0(P, SYS_fork)) == 0)
		CALL1(P, SYS_exit, 3);
	EXPECT(t, P, waitid_noted(P, t, P_PID, pid, WEXITED | WNOWAIT, &in) == 0 && in.pid == pid);
	EXPECT(t, P, in.signo == SIGCHLD && in.code == CLD_EXITED && in.status == 3 && in.errno_ == 0 && in.uid == 0);
	EXPECT(t, P, waitid_noted(P, t, P_ALL, 0, WEXITED, &in) == 0 && in.pid == pid && in.code == CLD_EXITED);
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, 0, WNOHANG, 0) == -ECHILD);
	/* A stop, a continue and a kill, by process group. */
	if ((pid = CALL0(P, SYS_fork)) == 0)
		spin(P, 0);
	CALL2(P, SYS_setpgid, pid, pid);
	EXPECT(t, P, waitid_noted(P, t, P_PGID, pid, WEXITED | WSTOPPED | WNOHANG, &in) == 0 && in.pid == 0);
	CALL2(P, SYS_kill, pid, SIGSTOP);
	EXPECT(t, P, waitid_noted(P, t, P_PGID, pid, WSTOPPED, &in) == 0 && in.pid == pid);
	EXPECT(t, P, in.code == CLD_STOPPED && in.status == SIGSTOP);
	CALL2(P, SYS_kill, pid, SIGCONT);
	EXPECT(t, P, waitid_noted(P, t, P_PID, pid, WCONTINUED, &in) == 0 && in.code == CLD_CONTINUED && in.status == SIGCONT);
	CALL2(P, SYS_kill, pid, SIGKILL);
	EXPECT(t, P, waitid_noted(P, t, P_ALL, 0, WEXITED, &in) == 0 && in.code == CLD_KILLED && in.status == SIGKILL);
	return 0;
}
