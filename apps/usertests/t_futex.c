/*
 * t_futex.c - futex(2) (docs/abi.md, "Futexes"): its errors as Linux
 * gives them, time-outs on both clocks, and waiters in fork children over
 * MAP_SHARED|MAP_ANONYMOUS memory (no threads yet): FUTEX_WAKE wakes the
 * oldest first and counts them, FUTEX_CMP_REQUEUE moves waiters,
 * FUTEX_WAKE_BITSET picks by bitset, FUTEX_WAKE_OP changes a word and
 * wakes by its comparison, a signal ends a wait with -EINTR
 * (an untimed one goes on under SA_RESTART), and a killed waiter leaves
 * nothing behind.
 */
#include <api/futex.h>

#include "usertests.h"

#define INT_MAX 0x7fffffff

static long mono_ms(void)
{
	struct timespec ts;

	sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* now + ms on clock clk, as a timespec (for the absolute waits). */
static struct timespec later(long clk, long ms)
{
	struct timespec ts;

	sys_clock_gettime(clk, &ts);
	ts.tv_nsec += ms % 1000 * 1000000;
	ts.tv_sec += ms / 1000 + ts.tv_nsec / 1000000000;
	ts.tv_nsec %= 1000000000;
	return ts;
}

/* A fresh shared page: fork children see the same words. */
static volatile uint32_t *shared_page(void)
{
	long a = sys_mmap(0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS);

	EXPECT(a > 0);
	return (volatile uint32_t *)a;
}

USERTEST(futex_errors)
{
	static uint32_t w = 5;                   /* a private page */
	struct timespec ms1 = { 0, 1000000 }, bad[] = { { 0, 1000000000 }, { 0, -1 }, { -1, 0 } };

	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT, 4, 0, 0, 0), -EAGAIN);
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT_PRIVATE, 4, 0, 0, 0), -EAGAIN);
	EXPECT_EQ(sys_futex(&w, FUTEX_WAKE, 1, 0, 0, 0), 0);        /* nobody waits */
	/* Not 4-byte aligned: -EINVAL, before anything is read. */
	EXPECT_EQ(sys_futex((char *)&w + 1, FUTEX_WAIT, 5, 0, 0, 0), -EINVAL);
	EXPECT_EQ(sys_futex((char *)&w + 2, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), -EINVAL);
	EXPECT_EQ(sys_futex((void *)(UNMAPPED + 2), FUTEX_WAKE, 1, 0, 0, 0), -EINVAL);
	/* A bitset of 0 matches nobody: -EINVAL. */
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT_BITSET, 5, 0, 0, 0), -EINVAL);
	EXPECT_EQ(sys_futex(&w, FUTEX_WAKE_BITSET, 1, 0, 0, 0), -EINVAL);
	/* Bad timeouts: -EINVAL, before the word is compared; -EFAULT to read one. */
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_EQ(sys_futex(&w, FUTEX_WAIT, 5, &bad[i], 0, 0), -EINVAL);
		EXPECT_EQ(sys_futex(&w, FUTEX_WAIT_BITSET, 4, &bad[i], 0, ~0u), -EINVAL);
	}
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT, 5, (void *)KERNEL_ADDR, 0, 0), -EFAULT);
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT, 5, (void *)UNMAPPED, 0, 0), -EFAULT);
	/* The word itself unreadable: -EFAULT; but a private wake only checks
	 * the range (Linux's access_ok), so an unmapped word is 0 there. */
	EXPECT_EQ(sys_futex((void *)UNMAPPED, FUTEX_WAIT, 0, &ms1, 0, 0), -EFAULT);
	EXPECT_EQ(sys_futex((void *)UNMAPPED, FUTEX_WAIT_PRIVATE, 0, &ms1, 0, 0), -EFAULT);
	EXPECT_EQ(sys_futex((void *)UNMAPPED, FUTEX_WAKE, 1, 0, 0, 0), -EFAULT);
	EXPECT_EQ(sys_futex((void *)UNMAPPED, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), 0);
	EXPECT_EQ(sys_futex((void *)KERNEL_ADDR, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), -EFAULT);
	EXPECT_EQ(sys_futex((void *)NONCANONICAL, FUTEX_WAIT, 0, 0, 0, 0), -EFAULT);
	EXPECT_EQ(sys_futex(0, FUTEX_WAKE, 1, 0, 0, 0), -EFAULT);
	/* Unknown and unimplemented ops; the realtime clock only with WAIT_BITSET. */
	EXPECT_EQ(sys_futex(&w, 99, 1, 0, 0, 0), -ENOSYS);
	EXPECT_EQ(sys_futex(&w, FUTEX_FD, 1, 0, 0, 0), -ENOSYS);
	EXPECT_EQ(sys_futex(&w, FUTEX_LOCK_PI, 0, 0, 0, 0), -ENOSYS);
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 5, &ms1, 0, 0), -ENOSYS);
	EXPECT_EQ(sys_futex(&w, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, 0, 0, 0), -ENOSYS);
	/* Requeue: negative counts -EINVAL (the second travels as the timeout
	 * argument); CMP_REQUEUE with a word that is not val3 -EAGAIN. */
	EXPECT_EQ(sys_futex(&w, FUTEX_REQUEUE, -1, 0, &w, 0), -EINVAL);
	EXPECT_EQ(sys_futex(&w, FUTEX_CMP_REQUEUE, 1, (void *)-1L, &w, 5), -EINVAL);
	EXPECT_EQ(sys_futex(&w, FUTEX_CMP_REQUEUE, 1, 0, &w, 4), -EAGAIN);
	EXPECT_EQ(sys_futex(&w, FUTEX_CMP_REQUEUE, 1, 0, (char *)&w + 2, 5), -EINVAL);
	EXPECT_EQ(sys_futex(&w, FUTEX_CMP_REQUEUE, 1, 0, (void *)UNMAPPED, 5), -EFAULT);
	EXPECT_EQ(sys_futex(&w, FUTEX_CMP_REQUEUE_PRIVATE, 1, 0, (void *)UNMAPPED, 5), 0);
	EXPECT_EQ(sys_futex(&w, FUTEX_REQUEUE_PRIVATE, 1, (void *)1, &w, 0), 0);
}

USERTEST(futex_timeout)
{
	static uint32_t w;
	struct timespec rel = { 0, 30000000 }, abs;
	long t0 = mono_ms();

	/* FUTEX_WAIT: relative, on CLOCK_MONOTONIC. */
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT_PRIVATE, 0, &rel, 0, 0), -ETIMEDOUT);
	EXPECT(mono_ms() - t0 >= 30);
	/* FUTEX_WAIT_BITSET: absolute, monotonic or (FUTEX_CLOCK_REALTIME) wall. */
	abs = later(CLOCK_MONOTONIC, 30);
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT_BITSET, 0, &abs, 0, 0x10), -ETIMEDOUT);
	struct timespec now;
	sys_clock_gettime(CLOCK_MONOTONIC, &now);
	EXPECT(now.tv_sec > abs.tv_sec || (now.tv_sec == abs.tv_sec && now.tv_nsec >= abs.tv_nsec));
	abs = later(CLOCK_REALTIME, 30);
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &abs, 0, ~0u), -ETIMEDOUT);
	sys_clock_gettime(CLOCK_REALTIME, &now);
	EXPECT(now.tv_sec > abs.tv_sec || (now.tv_sec == abs.tv_sec && now.tv_nsec >= abs.tv_nsec));
	/* A deadline already past: -ETIMEDOUT when the word matches, -EAGAIN not. */
	abs = (struct timespec){ 0, 0 };
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT_BITSET, 0, &abs, 0, ~0u), -ETIMEDOUT);
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT_BITSET, 1, &abs, 0, ~0u), -EAGAIN);
	rel = (struct timespec){ 0, 0 };
	EXPECT_EQ(sys_futex(&w, FUTEX_WAIT, 0, &rel, 0, 0), -ETIMEDOUT);
	EXPECT(mono_ms() - t0 < 10000);
}

/* In a child: wait on word arg (value 0) with FUTEX_WAIT; exit 0 when woken. */
static void waiter(void *word)
{
	long r = sys_futex(word, FUTEX_WAIT, 0, 0, 0, 0);

	quit(r == 0 ? 0 : 10 + (int)-r);
}

/* The same with FUTEX_WAIT_BITSET, the bitset in the word after it. */
static void bitset_waiter(void *word)
{
	volatile uint32_t *w = word;
	long r = sys_futex(w, FUTEX_WAIT_BITSET, 0, 0, 0, w[1]);

	quit(r == 0 ? 0 : 10 + (int)-r);
}

/* Start n waiters on word, one after the other (so their order is known). */
static void start_waiters(pid_t *pid, int n, void (*fn)(void *), volatile uint32_t *word)
{
	for (int i = 0; i < n; i++) {
		pid[i] = spawn(fn, (void *)word);
		EXPECT(wait_blocked(pid[i]));
	}
}

/* The next child to end (the one a wake reached): its pid, if it ended
 * well; a child that was not woken would leave this waiting for ever, so
 * callers wake first. */
static long reap_any(void)
{
	int status;
	long r;

	while ((r = sys_wait4(-1, &status, 0, 0)) == -EINTR)
		;
	return r > 0 && status == 0 ? r : -1;
}

/* Is pid still waiting (after a wake that should not have reached it)? */
static int still_waiting(pid_t pid)
{
	sleep_ms(20);
	return proc_state(pid) == 'S';
}

USERTEST(futex_wake_fork)
{
	volatile uint32_t *w = shared_page();
	pid_t pid[3];

	start_waiters(pid, 3, waiter, w);
	/* Oldest first, and the count woken. */
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE, 1, 0, 0, 0), 1);
	EXPECT_EQ(reap_any() == pid[0], 1);
	EXPECT(still_waiting(pid[1]) && still_waiting(pid[2]));
	/* A private wake does not reach shared waiters (another key), nor a
	 * wake of the next word. */
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0), 0);
	EXPECT_EQ(sys_futex(w + 1, FUTEX_WAKE, INT_MAX, 0, 0, 0), 0);
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE, 1, 0, 0, 0), 1);
	EXPECT_EQ(reap_any() == pid[1], 1);
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE, INT_MAX, 0, 0, 0), 1);
	EXPECT_EQ(reap_any() == pid[2], 1);
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE, INT_MAX, 0, 0, 0), 0);
	sys_munmap((unsigned long)w, PAGE);
}

USERTEST(futex_requeue_fork)
{
	volatile uint32_t *w = shared_page(), *w2 = w + 16;
	pid_t pid[4];

	start_waiters(pid, 4, waiter, w);
	EXPECT_EQ(sys_futex(w, FUTEX_CMP_REQUEUE, 1, (void *)2, w2, 1), -EAGAIN);   /* *w is 0 */
	/* Wake the oldest, move the next two to w2: 3. */
	EXPECT_EQ(sys_futex(w, FUTEX_CMP_REQUEUE, 1, (void *)2, w2, 0), 3);
	EXPECT_EQ(reap_any() == pid[0], 1);
	EXPECT(still_waiting(pid[1]) && still_waiting(pid[2]) && still_waiting(pid[3]));
	/* The one left on w. */
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE, INT_MAX, 0, 0, 0), 1);
	EXPECT_EQ(reap_any() == pid[3], 1);
	/* FUTEX_REQUEUE, no comparison: none woken, one moved back to w. */
	EXPECT_EQ(sys_futex(w2, FUTEX_REQUEUE, 0, (void *)1, w, 0), 1);
	EXPECT_EQ(sys_futex(w2, FUTEX_WAKE, INT_MAX, 0, 0, 0), 1);
	EXPECT_EQ(reap_any() == pid[2], 1);
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE, INT_MAX, 0, 0, 0), 1);
	EXPECT_EQ(reap_any() == pid[1], 1);
	sys_munmap((unsigned long)w, PAGE);
}

/* Linux's FUTEX_OP(op, oparg, cmp, cmparg) (linux/futex.h). */
#define FUTEX_OP(op, oparg, cmp, cmparg) \
	(((uint32_t)((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))
enum { OP_SET, OP_ADD, OP_OR, OP_ANDN, OP_XOR };
enum { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE };

/* FUTEX_WAKE_OP: the second word changes whatever the comparison says;
 * its waiters wake only when the comparison of its old value holds. */
USERTEST(futex_wake_op_fork)
{
	volatile uint32_t *w = shared_page(), *w2 = w + 16;
	pid_t a[2], b[2];

	start_waiters(a, 2, waiter, w);
	start_waiters(b, 2, waiter, w2);
	/* *w2 is 0: ADD 5, wake w2's if old > 0: no. One of w's wakes. */
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_OP, 1, (void *)INT_MAX, w2, FUTEX_OP(OP_ADD, 5, CMP_GT, 0)), 1);
	EXPECT_EQ(*w2, 5);
	EXPECT_EQ(reap_any() == a[0], 1);
	EXPECT(still_waiting(b[0]) && still_waiting(b[1]));
	/* SET 0 if old == 5: yes, one of w2's too (its count in the timeout's place). */
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_OP, 1, (void *)1, w2, FUTEX_OP(OP_SET, 0, CMP_EQ, 5)), 2);
	EXPECT_EQ(*w2, 0);
	EXPECT_EQ(reap_any() > 0, 1);
	EXPECT_EQ(reap_any() > 0, 1);
	EXPECT(still_waiting(b[1]));
	/* The shift bit: OR 1 << 3, wake if old < 1 (signed): yes. */
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_OP, 1, (void *)INT_MAX, w2, FUTEX_OP(8 | OP_OR, 3, CMP_LT, 1)), 1);
	EXPECT_EQ(*w2, 8);
	EXPECT_EQ(reap_any() == b[1], 1);
	/* An op that does not exist: -ENOSYS, the word untouched; a cmp that
	 * does not exist: -ENOSYS after the word changed (Linux's order). */
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_OP, 1, 0, w2, FUTEX_OP(5, 1, CMP_EQ, 0)), -ENOSYS);
	EXPECT_EQ(*w2, 8);
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_OP, 1, 0, w2, FUTEX_OP(OP_XOR, 1, 7, 0)), -ENOSYS);
	EXPECT_EQ(*w2, 9);
	/* A bad or misaligned second word. */
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_OP, 1, 0, (void *)UNMAPPED, 0), -EFAULT);
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_OP, 1, 0, (char *)w2 + 1, 0), -EINVAL);
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_OP_PRIVATE, 1, 0, (void *)KERNEL_ADDR, 0), -EFAULT);
	sys_munmap((unsigned long)w, PAGE);
}

USERTEST(futex_bitset_fork)
{
	volatile uint32_t *w = shared_page();
	pid_t a, b;

	w[1] = 0x1;
	a = spawn(bitset_waiter, (void *)w);
	EXPECT(wait_blocked(a));
	w[1] = 0x6;
	b = spawn(bitset_waiter, (void *)w);
	EXPECT(wait_blocked(b));
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_BITSET, INT_MAX, 0, 0, 0x8), 0);
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE_BITSET, INT_MAX, 0, 0, 0x4), 1);   /* only b */
	EXPECT_EQ(reap_any() == b, 1);
	EXPECT(still_waiting(a));
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE, INT_MAX, 0, 0, 0), 1);            /* all bits */
	EXPECT_EQ(reap(a), 0);
	sys_munmap((unsigned long)w, PAGE);
}

/* Private futexes are per address space: a fork child's private page is
 * its own, so the parent's wake of the same address reaches nobody. */
static void private_waiter(void *word)
{
	struct timespec ts = { 0, 300000000 };

	quit(sys_futex(word, FUTEX_WAIT_PRIVATE, 0, &ts, 0, 0) == -ETIMEDOUT ? 0 : 1);
}

USERTEST(futex_private_fork)
{
	static uint32_t w;
	pid_t pid = spawn(private_waiter, &w);

	EXPECT(wait_blocked(pid));
	EXPECT_EQ(sys_futex(&w, FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0), 0);
	EXPECT_EQ(sys_futex(&w, FUTEX_WAKE, INT_MAX, 0, 0, 0), 0);
	EXPECT_EQ(reap(pid), 0);
}

static volatile uint32_t *sig_w;
static void on_usr1(int sig, struct k_siginfo *info, void *uc) { sig_w[2]++; }

/* In a child: wait on sig_w[0] with the handler's flags in sig_w[4] and a
 * timeout when sig_w[5]; the result in sig_w[3]. */
static void signalled_waiter(void *unused)
{
	struct timespec ts = { 30, 0 };

	sigact(SIGUSR1, on_usr1, sig_w[4], 0);
	sig_w[3] = (uint32_t)sys_futex(sig_w, FUTEX_WAIT, 0, sig_w[5] ? &ts : 0, 0, 0);
	quit(0);
}

/* A waiter SIGUSR1 interrupts: its result, and the parent's wake count
 * once the handler has run (and the waiter ended, or waits again). */
static void interrupt(unsigned long flags, int timed, long *result, long *woken)
{
	int goes_on = (flags & SA_RESTART) && !timed;

	sig_w[2] = 0, sig_w[3] = 0, sig_w[4] = flags, sig_w[5] = timed;
	pid_t pid = spawn(signalled_waiter, 0);
	EXPECT(wait_blocked(pid));
	sys_kill(pid, SIGUSR1);
	for (int i = 0; i < 3000 && !sig_w[2]; i++)
		sleep_ms(1);
	if (goes_on)
		EXPECT(wait_blocked(pid));
	else
		EXPECT_EQ(reap(pid), 0);
	*woken = sys_futex(sig_w, FUTEX_WAKE, 1, 0, 0, 0);
	if (goes_on)
		EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(sig_w[2], 1);                  /* the handler ran once */
	*result = (int32_t)sig_w[3];
}

USERTEST(futex_eintr)
{
	long r, woken;

	sig_w = shared_page();
	/* No SA_RESTART: -EINTR, untimed or timed; nobody left to wake. */
	interrupt(0, 0, &r, &woken);
	EXPECT_EQ(r, -EINTR);
	EXPECT_EQ(woken, 0);
	interrupt(0, 1, &r, &woken);
	EXPECT_EQ(r, -EINTR);
	EXPECT_EQ(woken, 0);
	/* SA_RESTART: an untimed wait goes on and the wake ends it; a timed
	 * one is -EINTR all the same (Linux's restart block). */
	interrupt(SA_RESTART, 0, &r, &woken);
	EXPECT_EQ(r, 0);
	EXPECT_EQ(woken, 1);
	interrupt(SA_RESTART, 1, &r, &woken);
	EXPECT_EQ(r, -EINTR);
	EXPECT_EQ(woken, 0);
	sys_munmap((unsigned long)sig_w, PAGE);
}

/* A stop and SIGCONT (no handler) do not end a wait, timed or not. */
USERTEST(futex_stop_cont)
{
	volatile uint32_t *w = shared_page();
	pid_t pid = spawn(waiter, (void *)w);

	EXPECT(wait_blocked(pid));
	sys_kill(pid, SIGSTOP);
	sleep_ms(20);
	sys_kill(pid, SIGCONT);
	sleep_ms(20);
	EXPECT(wait_blocked(pid));
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE, 1, 0, 0, 0), 1);
	EXPECT_EQ(reap(pid), 0);
	sys_munmap((unsigned long)w, PAGE);
}

/* Killed waiters leave their queue: a wake afterwards finds nobody (and
 * touches no stack that has gone). */
USERTEST(futex_kill_waiter)
{
	volatile uint32_t *w = shared_page();
	pid_t pid[3];

	start_waiters(pid, 3, waiter, w);
	sys_kill(pid[1], SIGKILL);
	EXPECT_EQ(reap(pid[1]), STATUS_SIG(SIGKILL));
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE, INT_MAX, 0, 0, 0), 2);
	/* Both woken; on several CPUs they may end in either order. */
	long first = reap_any(), second = reap_any();
	EXPECT_EQ((first == pid[0] && second == pid[2]) || (first == pid[2] && second == pid[0]), 1);
	pid[0] = spawn(waiter, (void *)w);
	EXPECT(wait_blocked(pid[0]));
	sys_kill(pid[0], SIGKILL);
	EXPECT_EQ(reap(pid[0]), STATUS_SIG(SIGKILL));
	EXPECT_EQ(sys_futex(w, FUTEX_WAKE, INT_MAX, 0, 0, 0), 0);
	sys_munmap((unsigned long)w, PAGE);
}
