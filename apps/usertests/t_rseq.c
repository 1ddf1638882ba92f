/*
 * t_rseq.c - restartable sequences at work: a section the timer preempts
 * lands on its abort_ip, so does one a signal interrupts (the handler's
 * frame saves abort_ip), and a section whose abort_ip lacks the
 * registered signature ends the process with SIGSEGV.
 */
#include <sys/rseq.h>

#include "usertests.h"

long rseq_spin(struct rseq *area);
long rseq_kill_self(struct rseq *area, long pid, long sig);
long rseq_spin_badsig(struct rseq *area);
extern const char rseq_kill_abort[];

static struct rseq area;

static long sys_rseq(struct rseq *a, long len, long flags, long sig) { return RAW(SYS_rseq, a, len, flags, sig, 0, 0); }

USERTEST(rseq_preempt_aborts)
{
	pin_to_cpu0();                               /* cpu_id is read below */
	EXPECT_EQ(sys_rseq(&area, sizeof(area), 0, RSEQ_SIG), 0);
	EXPECT_EQ(rseq_spin(&area), 1);              /* only the abort returns */
	EXPECT_EQ(area.rseq_cs, 0);                  /* the kernel cleared it */
	EXPECT_EQ(area.cpu_id, 0);
	EXPECT_EQ(sys_rseq(&area, sizeof(area), RSEQ_FLAG_UNREGISTER, RSEQ_SIG), 0);
}

USERTEST(rseq_signal_aborts)
{
	seen_reset();
	EXPECT_EQ(sigact(SIGUSR1, record, 0, 0), 0);
	EXPECT_EQ(sys_rseq(&area, sizeof(area), 0, RSEQ_SIG), 0);
	/* (A tick between entering the section and the kill aborts it
	 * first, with no signal: try again then.) */
	for (int i = 0; i < 10 && !seen.hits; i++)
		EXPECT_EQ(rseq_kill_self(&area, sys_getpid(), SIGUSR1), 1);
	EXPECT_EQ(seen.hits, 1);
	EXPECT(seen.rip == (uint64_t)rseq_kill_abort);   /* the frame holds abort_ip */
	EXPECT_EQ(area.rseq_cs, 0);
	sigdfl(SIGUSR1);
}

static void spin_badsig(void *unused)
{
	(void)unused;
	sys_rseq(&area, sizeof(area), 0, RSEQ_SIG);
	rseq_spin_badsig(&area);
	quit(2);                                     /* never: SIGSEGV first */
}

USERTEST(rseq_bad_signature_segv)
{
	int status = run_child(spin_badsig, 0);

	EXPECT_EQ(status & 0x7f, SIGSEGV);
}

/* A handler for SIGSEGV does not save the process from a bad section
 * when it is blocked: Linux's force_sigsegv unblocks it and resets it. */
static void badsig_blocked(void *unused)
{
	(void)unused;
	sigact(SIGSEGV, record, 0, 0);
	sigmask_set(SIG_BLOCK, SIGBIT(SIGSEGV));
	spin_badsig(0);
}

USERTEST(rseq_bad_signature_blocked)
{
	EXPECT_EQ(run_child(badsig_blocked, 0) & 0x7f, SIGSEGV);
}
