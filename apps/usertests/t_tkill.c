/*
 * t_tkill.c - signals to one thread: tkill and tgkill deliver like kill,
 * with si_code SI_TKILL and the sender's pid; tgkill's thread group must
 * be the thread's own (a thread here is its process).
 */
#include "usertests.h"

static long sys_tkill(long tid, long sig) { return RAW(SYS_tkill, tid, sig, 0, 0, 0, 0); }
static long sys_tgkill(long tgid, long tid, long sig) { return RAW(SYS_tgkill, tgid, tid, sig, 0, 0, 0); }

USERTEST(tkill_self_handler)
{
	long me = sys_getpid();

	seen_reset();
	EXPECT_EQ(sigact(SIGUSR1, record, 0, 0), 0);
	EXPECT_EQ(sys_tkill(me, SIGUSR1), 0);
	EXPECT_EQ(seen.hits, 1);                     /* before the call returned */
	EXPECT_EQ(seen.signo, SIGUSR1);
	EXPECT_EQ(seen.code, SI_TKILL);
	EXPECT(seen.pid == me);
	EXPECT_EQ(sys_tgkill(me, me, SIGUSR1), 0);
	EXPECT_EQ(seen.hits, 2);
	EXPECT_EQ(seen.code, SI_TKILL);
	sigdfl(SIGUSR1);
}

USERTEST(tkill_blocked_until_unblocked)
{
	long me = sys_getpid();

	seen_reset();
	sigact(SIGUSR2, record, 0, 0);
	sigmask_set(SIG_BLOCK, SIGBIT(SIGUSR2));
	EXPECT_EQ(sys_tkill(me, SIGUSR2), 0);
	EXPECT_EQ(seen.hits, 0);
	sigmask_set(SIG_UNBLOCK, SIGBIT(SIGUSR2));
	EXPECT_EQ(seen.hits, 1);
	EXPECT_EQ(seen.code, SI_TKILL);
	sigdfl(SIGUSR2);
}

static void tgkill_parent(void *unused)
{
	long pp = sys_getppid();

	sys_tgkill(pp + 1000, pp, SIGUSR2);           /* the wrong group: nothing */
	sys_tgkill(pp, pp, SIGUSR2);
}

USERTEST(tgkill_from_child)
{
	seen_reset();
	sigact(SIGUSR2, record, 0, 0);
	pid_t pid = spawn(tgkill_parent, 0);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(seen.hits, 1);
	EXPECT_EQ(seen.code, SI_TKILL);
	EXPECT(seen.pid == pid);
	sigdfl(SIGUSR2);
}

static void term_self(void *unused) { sys_tkill(sys_getpid(), SIGTERM); }

USERTEST(tkill_default_action)
{
	pid_t pid = spawn(child_pause, 0);

	EXPECT_EQ(run_child(term_self, 0), STATUS_SIG(SIGTERM));
	EXPECT_EQ(sys_tgkill(pid, pid, SIGKILL), 0);
	EXPECT_EQ(reap(pid), STATUS_SIG(SIGKILL));
	/* Reaped: gone. Signal 0 only asks. */
	EXPECT_EQ(sys_tkill(pid, 0), -ESRCH);
	EXPECT_EQ(sys_tgkill(pid, pid, 0), -ESRCH);
	EXPECT_EQ(sys_tkill(sys_getpid(), 0), 0);
}
