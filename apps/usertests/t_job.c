/*
 * t_job.c - job control: process groups and sessions (setpgid, setsid and
 * their errors), kill and wait4 on groups, stopping and continuing
 * (SIGSTOP, SIGTSTP, SIGCONT, SIGKILL on a stopped process, WUNTRACED,
 * WCONTINUED, SIGCHLD's CLD_STOPPED and SA_NOCLDSTOP), and the console
 * as the controlling terminal: background reads and settings (SIGTTIN,
 * SIGTTOU, -EIO), TIOCGPGRP/TIOCSPGRP, TIOCSCTTY, TIOCNOTTY. The suite
 * runs as init, which leads the console's session, so each case is in
 * that session with the console as its controlling terminal. Pids go
 * into no transcript: they are compared with EXPECT.
 */
#include <api/termios.h>

#include "usertests.h"

#define STATUS_STOPPED(sig) (0x7f | (sig) << 8)
#define STATUS_CONTINUED    0xffff

/* Wait until pid shows state s (trapdoor_procs): 1, or 0 after a few seconds. */
static int wait_state(pid_t pid, char s)
{
	for (int i = 0; i < 3000 && proc_state(pid) != s; i++)
		sleep_ms(1);
	return proc_state(pid) == s;
}

static void own_group(void *unused)
{
	EXPECT_EQ(sys_setpgid(0, 0), 0);
	for (;;)
		sys_pause();
}

USERTEST(pgrp_ids)
{
	long me = sys_getpid(), pg = sys_getpgrp(), sid = sys_getsid(0);

	EXPECT(pg > 0 && sys_getpgid(0) == pg && sys_getpgid(me) == pg);
	EXPECT(sid > 0 && sys_getsid(me) == sid);
	EXPECT_EQ(sys_getpgid(99999), -ESRCH);
	EXPECT_EQ(sys_getsid(99999), -ESRCH);
	EXPECT_EQ(sys_getpgid(-1), -ESRCH);
	EXPECT_EQ(sys_setpgid(0, -1), -EINVAL);
	EXPECT_EQ(sys_setpgid(99999, 0), -ESRCH);
	EXPECT_EQ(sys_setpgid(sys_getppid(), 0), -ESRCH);     /* not the caller, not its child */
	EXPECT_EQ(sys_setpgid(0, 99999), -EPERM);             /* no such group in the session */
	EXPECT_EQ(sys_setpgid(0, 0), 0);                      /* a group of its own */
	EXPECT(sys_getpgrp() == me && sys_getsid(0) == sid);
	EXPECT_EQ(sys_setpgid(0, pg), 0);                     /* and back into the old one */
	EXPECT(sys_getpgrp() == pg);
	/* A child: inherited by fork, movable by its parent until it execs. */
	pid_t c = spawn(child_pause, 0);
	EXPECT(sys_getpgid(c) == pg && sys_getsid(c) == sid);
	EXPECT_EQ(sys_setpgid(c, 0), 0);
	EXPECT(sys_getpgid(c) == c);
	EXPECT_EQ(sys_setpgid(c, pg), 0);
	EXPECT(sys_getpgid(c) == pg);
	sys_kill(c, SIGKILL);
	EXPECT_EQ(reap(c), STATUS_SIG(SIGKILL));
}

USERTEST(setpgid_after_exec)
{
	static char *const argv[] = { "pause", 0 };

	pid_t c = spawn(exec_helper_child, (void *)argv);
	EXPECT(wait_blocked(c));                              /* in the helper's pause */
	EXPECT_EQ(sys_setpgid(c, 0), -EACCES);
	EXPECT_EQ(sys_setpgid(c, c), -EACCES);
	sys_kill(c, SIGKILL);
	EXPECT_EQ(reap(c), STATUS_SIG(SIGKILL));
}

static void new_session(void *unused)
{
	long me = sys_getpid();
	int pg;

	EXPECT(sys_setsid() == me);
	EXPECT(sys_getsid(0) == me && sys_getpgrp() == me);
	EXPECT_EQ(sys_setsid(), -EPERM);                      /* a group leader now */
	EXPECT_EQ(sys_setpgid(0, 0), -EPERM);                 /* a session leader */
	EXPECT_EQ(sys_ioctl(0, TIOCGPGRP, &pg), -ENOTTY);     /* no controlling terminal */
	EXPECT_EQ(sys_ioctl(0, TIOCGSID, &pg), -ENOTTY);
	EXPECT_EQ(sys_ioctl(0, TIOCSPGRP, &pg), -ENOTTY);
	EXPECT_EQ(sys_ioctl(0, TIOCNOTTY, 0), -ENOTTY);
	EXPECT_EQ(sys_ioctl(0, TIOCSCTTY, 0), -EPERM);        /* the console is init's session's */
}

static void session_pause(void *unused)
{
	sys_setsid();
	for (;;)
		sys_pause();
}

USERTEST(setsid_rules)
{
	EXPECT_EQ(run_child(new_session, 0), 0);
	/* A group leader cannot start a session. */
	EXPECT_EQ(sys_setpgid(0, 0), 0);
	EXPECT_EQ(sys_setsid(), -EPERM);
	/* A child in another session: its parent may not move it. */
	pid_t c = spawn(session_pause, 0);
	EXPECT(wait_blocked(c));
	EXPECT_EQ(sys_setpgid(c, c), -EPERM);
	sys_kill(c, SIGKILL);
	reap(c);
}

static void join_group(void *pg)
{
	EXPECT_EQ(sys_setpgid(0, (long)pg), 0);
	for (;;)
		sys_pause();
}

static void dfl_pause(void *unused)
{
	sigdfl(SIGTERM);
	for (;;)
		sys_pause();
}

USERTEST(kill_group)
{
	pid_t a = spawn(own_group, 0);
	EXPECT(wait_blocked(a));
	pid_t b = spawn(join_group, (void *)(long)a);
	EXPECT(wait_blocked(b));
	EXPECT(sys_getpgid(b) == a);
	EXPECT_EQ(sys_kill(-a, 0), 0);
	EXPECT_EQ(sys_kill(-a, SIGTERM), 0);                  /* both, not the caller */
	EXPECT_EQ(reap(a), STATUS_SIG(SIGTERM));
	EXPECT_EQ(reap(b), STATUS_SIG(SIGTERM));
	EXPECT_EQ(sys_kill(-a, 0), -ESRCH);                   /* nobody left in it */
	/* kill(0) is the caller's group: the caller too. */
	seen_reset();
	EXPECT_EQ(sigact(SIGTERM, record, 0, 0), 0);
	EXPECT_EQ(sys_setpgid(0, 0), 0);
	pid_t c = spawn(dfl_pause, 0);
	EXPECT(wait_blocked(c));
	EXPECT_EQ(sys_kill(0, SIGTERM), 0);                   /* c dies; we catch it */
	EXPECT_EQ(reap(c), STATUS_SIG(SIGTERM));
	EXPECT_EQ(seen.hits, 1);
}

USERTEST(wait_group)
{
	int status;

	EXPECT_EQ(sys_setpgid(0, 0), 0);
	pid_t a = spawn(own_group, 0);
	EXPECT(wait_blocked(a));
	pid_t b = spawn(child_exit, (void *)3);               /* in the caller's group */
	EXPECT(wait_state(b, 'Z'));
	EXPECT_EQ(sys_wait4(-a, &status, WNOHANG, 0), 0);     /* a lives */
	long r = sys_wait4(0, &status, 0, 0);                 /* the caller's group: b */
	EXPECT(r == b);
	EXPECT_EQ(status, STATUS_EXIT(3));
	EXPECT_EQ(sys_wait4(0, &status, WNOHANG, 0), -ECHILD);
	sys_kill(a, SIGKILL);
	r = sys_wait4(-a, &status, 0, 0);
	EXPECT(r == a);
	EXPECT_EQ(status, STATUS_SIG(SIGKILL));
	EXPECT_EQ(sys_wait4(-2147483647L - 1, &status, 0, 0), -ESRCH);
}

static void spin(void *unused)
{
	for (;;)
		__asm__ volatile("" ::: "memory");
}

USERTEST(stop_continue_wait)
{
	int status;

	seen_reset();
	EXPECT_EQ(sigact(SIGCHLD, record, 0, 0), 0);
	pid_t c = spawn(spin, 0);
	/* Its own group, with its parent in another: not orphaned, so the
	 * terminal's stops (SIGTSTP) stop it too. (The case's own group is
	 * init's: orphaned, as init does not count.) */
	EXPECT_EQ(sys_setpgid(c, c), 0);
	EXPECT_EQ(sys_kill(c, SIGSTOP), 0);
	EXPECT(wait_state(c, 'T'));
	EXPECT(sys_wait4(c, &status, WUNTRACED, 0) == c);
	EXPECT_EQ(status, STATUS_STOPPED(SIGSTOP));
	EXPECT_EQ(sys_wait4(c, &status, WUNTRACED | WNOHANG, 0), 0);  /* told once */
	EXPECT_EQ(seen.code, CLD_STOPPED);
	EXPECT_EQ(seen.status, SIGSTOP);
	EXPECT(seen.pid == c);
	EXPECT_EQ(sys_kill(c, SIGCONT), 0);
	EXPECT(sys_wait4(c, &status, WCONTINUED, 0) == c);
	EXPECT_EQ(status, STATUS_CONTINUED);
	EXPECT_EQ(seen.code, CLD_CONTINUED);
	EXPECT_EQ(seen.status, SIGCONT);
	EXPECT_EQ(sys_wait4(c, &status, WCONTINUED | WNOHANG, 0), 0);
	EXPECT(proc_state(c) == 'R');
	/* Without WUNTRACED a stop is not reported; SA_NOCLDSTOP: no SIGCHLD. */
	seen_reset();
	EXPECT_EQ(sigact(SIGCHLD, record, SA_NOCLDSTOP, 0), 0);
	EXPECT_EQ(sys_kill(c, SIGTSTP), 0);
	EXPECT(wait_state(c, 'T'));
	EXPECT_EQ(sys_wait4(c, &status, WNOHANG, 0), 0);
	EXPECT_EQ(seen.hits, 0);
	/* SIGKILL ends a stopped process. */
	EXPECT_EQ(sys_kill(c, SIGKILL), 0);
	EXPECT_EQ(reap(c), STATUS_SIG(SIGKILL));
	EXPECT_EQ(seen.hits, 1);                              /* the end is told */
	EXPECT_EQ(seen.code, CLD_KILLED);
}

static void read_one(void *fds)
{
	int *p = fds;
	char c;

	sys_close(p[1]);
	long r = sys_read(p[0], &c, 1);
	quit(r == 1 ? 0 : r == -EINTR ? 4 : 5);
}

USERTEST(stop_sleeper_goes_on)
{
	int fds[2], status;

	sys_pipe(fds);
	pid_t c = spawn(read_one, fds);
	EXPECT_EQ(sys_setpgid(c, c), 0);                      /* not orphaned (stop_continue_wait) */
	EXPECT(wait_blocked(c));
	EXPECT_EQ(sys_kill(c, SIGTSTP), 0);                   /* stops it where it sleeps */
	EXPECT(sys_wait4(c, &status, WUNTRACED, 0) == c);
	EXPECT_EQ(status, STATUS_STOPPED(SIGTSTP));
	sys_write(fds[1], "x", 1);                            /* what it waits for comes ... */
	sleep_ms(20);
	EXPECT_EQ(sys_wait4(c, &status, WNOHANG, 0), 0);      /* ... but it stays stopped */
	EXPECT_EQ(proc_state(c), 'T');
	EXPECT_EQ(sys_kill(c, SIGCONT), 0);
	EXPECT_EQ(reap(c), 0);                                /* its read got the byte, no EINTR */
	sys_close(fds[0]);
	sys_close(fds[1]);
}

static void tstp_handler_child(void *unused)
{
	EXPECT_EQ(sys_setpgid(0, 0), 0);                      /* not orphaned (stop_continue_wait) */
	seen_reset();
	EXPECT_EQ(sigact(SIGTSTP, record, 0, 0), 0);
	EXPECT_EQ(sys_kill(sys_getpid(), SIGTSTP), 0);
	EXPECT_EQ(seen.hits, 1);                              /* caught: no stop */
	sigign(SIGTSTP);
	EXPECT_EQ(sys_kill(sys_getpid(), SIGTSTP), 0);        /* ignored: no stop either */
	sigdfl(SIGTSTP);
	EXPECT_EQ(sys_kill(sys_getpid(), SIGTSTP), 0);        /* stops here, until SIGCONT */
	quit(ut_failures ? 1 : 7);
}

USERTEST(stop_pending_and_discarded)
{
	uint64_t set;
	int status;

	/* SIGCONT discards a pending stop, and a stop a pending SIGCONT. */
	sigmask_set(SIG_BLOCK, SIGBIT(SIGTSTP) | SIGBIT(SIGTTOU) | SIGBIT(SIGCONT));
	sys_kill(sys_getpid(), SIGTSTP);
	sys_sigpending(&set, SIGSET_SIZE);
	EXPECT_EQ(set, SIGBIT(SIGTSTP));
	sys_kill(sys_getpid(), SIGCONT);
	sys_sigpending(&set, SIGSET_SIZE);
	EXPECT_EQ(set, SIGBIT(SIGCONT));
	sys_kill(sys_getpid(), SIGTTOU);
	sys_sigpending(&set, SIGSET_SIZE);
	EXPECT_EQ(set, SIGBIT(SIGTTOU));
	sigign(SIGTTOU);                                      /* ignoring drops it */
	sigmask_set(SIG_SETMASK, 0);
	sigdfl(SIGTTOU);
	/* A handler instead of the stop; then a stop of its own. */
	pid_t c = spawn(tstp_handler_child, 0);
	EXPECT(sys_wait4(c, &status, WUNTRACED, 0) == c);
	EXPECT_EQ(status, STATUS_STOPPED(SIGTSTP));
	sys_kill(c, SIGCONT);
	EXPECT_EQ(reap(c), STATUS_EXIT(7));
}

/* A background member of the console's session reads the console. */
static void bg_reader(void *ignore)
{
	char c;

	EXPECT_EQ(sys_setpgid(0, 0), 0);                      /* out of the foreground group */
	if (ignore)
		sigign(SIGTTIN);
	long r = sys_read(0, &c, 1);                          /* SIGTTIN stops us first */
	quit(r == -EIO ? 5 : 6);
}

USERTEST(background_read)
{
	int status;

	pid_t c = spawn(bg_reader, 0);
	EXPECT(sys_wait4(c, &status, WUNTRACED, 0) == c);
	EXPECT_EQ(status, STATUS_STOPPED(SIGTTIN));
	sys_kill(c, SIGKILL);
	EXPECT_EQ(reap(c), STATUS_SIG(SIGKILL));
	EXPECT_EQ(run_child(bg_reader, (void *)1), STATUS_EXIT(5));  /* SIGTTIN ignored: EIO */
}

/* A console reader of the foreground group, stopped in its read, moved
 * to a group of its own and continued: its read starts again, as Linux
 * restarts it, and the background check stops it with SIGTTIN (it must
 * not go on to take the foreground's input). */
static void fg_reader(void *unused)
{
	char c;

	long r = sys_read(0, &c, 1);
	quit(r == -EIO ? 5 : 6);
}

USERTEST(background_read_after_continue)
{
	int status = 0;
	long r = 0;

	pid_t c = spawn(fg_reader, 0);
	EXPECT(wait_blocked(c));
	EXPECT_EQ(sys_kill(c, SIGSTOP), 0);
	EXPECT(sys_wait4(c, &status, WUNTRACED, 0) == c);
	EXPECT_EQ(status, STATUS_STOPPED(SIGSTOP));
	EXPECT_EQ(sys_setpgid(c, c), 0);                      /* to the background */
	EXPECT_EQ(sys_kill(c, SIGCONT), 0);
	for (int i = 0; i < 300 && (r = sys_wait4(c, &status, WUNTRACED | WNOHANG, 0)) == 0; i++)
		sleep_ms(1);
	EXPECT(r == c);
	EXPECT_EQ(status, STATUS_STOPPED(SIGTTIN));
	sys_kill(c, SIGKILL);
	EXPECT_EQ(reap(c), STATUS_SIG(SIGKILL));
}

/* The same from an orphaned group: nobody could continue it, so -EIO. */
static void orphan_reader(void *fds)
{
	int *p = fds;

	EXPECT_EQ(sys_setpgid(0, 0), 0);
	if (sys_fork() == 0) {
		char c;
		while (sys_getppid() != 1)
			sleep_ms(1);                          /* until our parent is gone */
		long r = sys_read(0, &c, 1);
		sys_write(p[1], r == -EIO ? "E" : "?", 1);
		quit(0);
	}
	quit(0);
}

USERTEST(orphaned_read)
{
	int fds[2];
	char c = 0;

	sys_pipe(fds);
	EXPECT_EQ(run_child(orphan_reader, fds), 0);
	EXPECT_EQ(sys_read(fds[0], &c, 1), 1);
	EXPECT_EQ(c, 'E');
	sys_close(fds[0]);
	sys_close(fds[1]);
}

/* A background process changes the settings (SIGTTOU), writes with TOSTOP. */
static void bg_settings(void *what)
{
	struct termios t;

	EXPECT_EQ(sys_setpgid(0, 0), 0);
	EXPECT_EQ(sys_ioctl(0, TCGETS, &t), 0);               /* asking is free */
	if (what) {
		sigign(SIGTTOU);
		EXPECT_EQ(sys_ioctl(0, TCSETS, &t), 0);       /* ignored: allowed */
		EXPECT_EQ(sys_write(1, "", 0), 0);
		quit(ut_failures ? 1 : 3);
	}
	sys_ioctl(0, TCSETS, &t);                             /* SIGTTOU stops us first */
	quit(4);
}

USERTEST(background_settings)
{
	int status;

	pid_t c = spawn(bg_settings, 0);
	EXPECT(sys_wait4(c, &status, WUNTRACED, 0) == c);
	EXPECT_EQ(status, STATUS_STOPPED(SIGTTOU));
	sys_kill(c, SIGKILL);
	EXPECT_EQ(reap(c), STATUS_SIG(SIGKILL));
	EXPECT_EQ(run_child(bg_settings, (void *)1), STATUS_EXIT(3));
}

USERTEST(foreground_group)
{
	int pg = 0, sid = 0, bad, orig = sys_getpgrp();
	long me = sys_getpid();

	EXPECT_EQ(sys_ioctl(0, TIOCGPGRP, &pg), 0);
	EXPECT(pg == orig);                          /* the case runs in the foreground */
	EXPECT_EQ(sys_ioctl(0, TIOCGSID, &sid), 0);
	EXPECT(sid == sys_getsid(0));
	bad = -1;
	EXPECT_EQ(sys_ioctl(0, TIOCSPGRP, &bad), -EINVAL);
	bad = 99999;
	EXPECT_EQ(sys_ioctl(0, TIOCSPGRP, &bad), -ESRCH);
	EXPECT_EQ(sys_ioctl(0, TIOCSPGRP, (void *)8), -EFAULT);
	pid_t other = spawn(new_session, 0);                  /* a group in another session */
	bad = other;
	long r = sys_ioctl(0, TIOCSPGRP, &bad);
	EXPECT(r == -EPERM || r == -ESRCH);                   /* (-ESRCH once it has ended) */
	reap(other);
	/* Another group of ours in front, and back (SIGTTOU blocked, as a shell does). */
	sigmask_set(SIG_BLOCK, SIGBIT(SIGTTOU));
	EXPECT_EQ(sys_setpgid(0, 0), 0);
	int mine = me;
	EXPECT_EQ(sys_ioctl(0, TIOCSPGRP, &mine), 0);
	EXPECT_EQ(sys_ioctl(0, TIOCGPGRP, &pg), 0);
	EXPECT(pg == me);
	EXPECT_EQ(sys_setpgid(0, orig), 0);                   /* back: in the background now */
	EXPECT_EQ(sys_ioctl(0, TIOCSPGRP, &orig), 0);         /* allowed: SIGTTOU is blocked */
	EXPECT_EQ(sys_ioctl(0, TIOCGPGRP, &pg), 0);
	EXPECT(pg == orig);
	sigmask_set(SIG_SETMASK, 0);
}

static void give_up_tty(void *unused)
{
	int pg;
	long sid = sys_getsid(0);

	EXPECT_EQ(sys_ioctl(0, TIOCSCTTY, 0), -EPERM);        /* not a session leader */
	EXPECT_EQ(sys_ioctl(0, TIOCNOTTY, 0), 0);             /* only this process lets go */
	EXPECT_EQ(sys_ioctl(0, TIOCGPGRP, &pg), -ENOTTY);
	EXPECT_EQ(sys_ioctl(0, TIOCNOTTY, 0), -ENOTTY);
	EXPECT(sys_getsid(0) == sid);
}

USERTEST(notty)
{
	int pg;

	EXPECT_EQ(run_child(give_up_tty, 0), 0);
	EXPECT_EQ(sys_ioctl(0, TIOCGPGRP, &pg), 0);           /* the parent keeps it */
}

/* A group of a session of its own is orphaned (its leader's parent is in
 * another session). SIGSTOP still stops a member there, and another
 * member's end does not hang the group up: only an end that leaves a
 * group orphaned does (Linux's kill_orphaned_pgrp), and this one was
 * orphaned already. */
static void orphan_stop(void *unused)
{
	EXPECT(sys_setsid() == sys_getpid());
	pid_t b = spawn(child_pause, 0);
	EXPECT(b > 0);
	EXPECT_EQ(sys_kill(b, SIGSTOP), 0);
	EXPECT(wait_state(b, 'T'));
	pid_t c = spawn(child_exit, 0);
	EXPECT_EQ(reap(c), STATUS_EXIT(0));
	sleep_ms(50);
	EXPECT_EQ(proc_state(b), 'T');                          /* still stopped: no SIGHUP, no SIGCONT */
	EXPECT_EQ(sys_kill(b, SIGKILL), 0);
	EXPECT_EQ(reap(b), STATUS_SIG(SIGKILL));
}

USERTEST(orphaned_stop_survives_exit)
{
	EXPECT_EQ(run_child(orphan_stop, 0), 0);              /* and no SIGHUP ended it */
}
