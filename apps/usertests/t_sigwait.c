/*
 * t_sigwait.c - where handlers run and how a process waits for signals:
 * sigaltstack (SA_ONSTACK, SS_ONSTACK, SS_DISABLE, SS_AUTODISARM),
 * rt_sigsuspend, rt_sigpending, rt_sigtimedwait, the ITIMER_REAL timer
 * (alarm, setitimer, getitimer) and clock_nanosleep.
 */
#include <string.h>
#include <sys/auxv.h>

#include "usertests.h"

#define ALT_SIZE (16 * 1024)

/* What on_alt, a handler, saw of its own stack. */
static volatile struct {
	int hits, flags_inside, set_inside;
	uint64_t local, uc_sp, uc_size;
	int uc_flags;
} alt;

static void on_alt(int sig, struct k_siginfo *info, void *uc)
{
	struct k_stack now, other = { 0, 0, 0, MINSIGSTKSZ * 4 };
	volatile char here;

	alt.hits++;
	alt.local = (uint64_t)&here;
	EXPECT_EQ(sys_sigaltstack(0, &now), 0);
	alt.flags_inside = now.ss_flags;
	other.ss_sp = (uint64_t)map_pages(PAGE);
	alt.set_inside = (int)sys_sigaltstack(&other, 0);  /* -EPERM while on it */
	alt.uc_sp = ((struct k_ucontext *)uc)->uc_stack.ss_sp;
	alt.uc_size = ((struct k_ucontext *)uc)->uc_stack.ss_size;
	alt.uc_flags = ((struct k_ucontext *)uc)->uc_stack.ss_flags;
}

USERTEST(sigaltstack_handler_runs_on_it)
{
	char *mem = map_pages(ALT_SIZE);
	struct k_stack ss = { (uint64_t)mem, 0, 0, ALT_SIZE }, old;
	long me = sys_getpid();

	EXPECT_EQ(sys_sigaltstack(0, &old), 0);
	EXPECT_EQ(old.ss_flags, SS_DISABLE);                   /* none at first */
	EXPECT_EQ(sys_sigaltstack(&ss, 0), 0);
	EXPECT_EQ(sys_sigaltstack(0, &old), 0);
	EXPECT(old.ss_sp == (uint64_t)mem && old.ss_size == ALT_SIZE && old.ss_flags == 0);

	/* Without SA_ONSTACK the handler stays on the normal stack. */
	EXPECT_EQ(sigact(SIGUSR1, on_alt, 0, 0), 0);
	EXPECT_EQ(sys_kill(me, SIGUSR1), 0);
	EXPECT(alt.hits == 1 && !(alt.local >= (uint64_t)mem && alt.local < (uint64_t)mem + ALT_SIZE));
	EXPECT_EQ(alt.flags_inside, 0);
	/* With it: on the alternate stack, which says SS_ONSTACK and cannot be
	 * changed meanwhile; uc_stack records it as it was. */
	EXPECT_EQ(sigact(SIGUSR1, on_alt, SA_ONSTACK, 0), 0);
	EXPECT_EQ(sys_kill(me, SIGUSR1), 0);
	EXPECT(alt.hits == 2 && alt.local >= (uint64_t)mem && alt.local < (uint64_t)mem + ALT_SIZE);
	EXPECT_EQ(alt.flags_inside, SS_ONSTACK);
	EXPECT_EQ(alt.set_inside, -EPERM);
	EXPECT(alt.uc_sp == (uint64_t)mem && alt.uc_size == ALT_SIZE && alt.uc_flags == 0);
	EXPECT_EQ(sys_sigaltstack(0, &old), 0);
	EXPECT(old.ss_flags == 0 && old.ss_sp == (uint64_t)mem);   /* unchanged, off it again */

	/* SS_AUTODISARM: off while the handler runs, back after. */
	ss.ss_flags = SS_AUTODISARM;
	EXPECT_EQ(sys_sigaltstack(&ss, 0), 0);
	EXPECT_EQ(sys_kill(me, SIGUSR1), 0);
	EXPECT(alt.hits == 3 && alt.local >= (uint64_t)mem && alt.local < (uint64_t)mem + ALT_SIZE);
	EXPECT_EQ(alt.flags_inside, SS_DISABLE);
	EXPECT_EQ(alt.uc_flags, (int)SS_AUTODISARM);
	EXPECT_EQ(sys_sigaltstack(0, &old), 0);
	EXPECT(old.ss_flags == (int)SS_AUTODISARM && old.ss_sp == (uint64_t)mem);

	/* A child inherits it. SS_DISABLE turns it off. */
	EXPECT_EQ(sys_sigaltstack(&(struct k_stack){ 0, SS_DISABLE, 0, 0 }, 0), 0);
	EXPECT_EQ(sys_sigaltstack(0, &old), 0);
	EXPECT(old.ss_flags == SS_DISABLE && old.ss_size == 0);
	sigdfl(SIGUSR1);
}

USERTEST(sigaltstack_errors)
{
	char *mem = map_pages(PAGE);
	struct k_stack ss = { (uint64_t)mem, 0, 0, MINSIGSTKSZ - 1 };

	EXPECT_EQ(sys_sigaltstack(&ss, 0), -ENOMEM);            /* below MINSIGSTKSZ */
	ss.ss_size = MINSIGSTKSZ;
	ss.ss_flags = 4;
	EXPECT_EQ(sys_sigaltstack(&ss, 0), -EINVAL);            /* no such mode */
	ss.ss_flags = SS_ONSTACK;                               /* the same as 0 on input */
	EXPECT_EQ(sys_sigaltstack(&ss, 0), 0);
	EXPECT_EQ(sys_sigaltstack((void *)KERNEL_ADDR, 0), -EFAULT);
	EXPECT_EQ(sys_sigaltstack(0, (void *)KERNEL_ADDR), -EFAULT);
	EXPECT_EQ(sys_sigaltstack(0, (void *)ro_page), -EFAULT);
	EXPECT_EQ(sys_sigaltstack(0, 0), 0);
	EXPECT_EQ(sys_sigaltstack(&(struct k_stack){ 0, SS_DISABLE, 0, 0 }, 0), 0);
}

static void send_usr1_later(void *a)
{
	sleep_ms(30);
	sys_kill(sys_getppid(), SIGUSR1);
}

USERTEST(sigsuspend_waits_and_restores)
{
	uint64_t none = 0, pend = 0;

	seen_reset();
	sigact(SIGUSR1, record, 0, 0);
	sigmask_set(SIG_SETMASK, SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2));
	pid_t c = spawn(send_usr1_later, 0);
	EXPECT_EQ(sys_sigsuspend(&none, SIGSET_SIZE), -EINTR);
	EXPECT_EQ(seen.hits, 1);                                /* the handler ran first */
	EXPECT_EQ(seen.saved_mask, SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2));   /* its frame keeps the old mask */
	EXPECT_EQ(sigmask_now(), SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2));     /* and it is back */
	EXPECT_EQ(reap(c), 0);
	EXPECT_EQ(sys_sigsuspend(&none, 4), -EINVAL);
	EXPECT_EQ(sys_sigsuspend((void *)KERNEL_ADDR, SIGSET_SIZE), -EFAULT);

	/* rt_sigpending: blocked and pending. */
	EXPECT_EQ(sys_kill(sys_getpid(), SIGUSR2), 0);
	EXPECT_EQ(sys_sigpending(&pend, SIGSET_SIZE), 0);
	EXPECT_EQ(pend, SIGBIT(SIGUSR2));
	EXPECT_EQ(sys_sigpending(&pend, SIGSET_SIZE + 1), -EINVAL);
	EXPECT_EQ(sys_sigpending((void *)KERNEL_ADDR, SIGSET_SIZE), -EFAULT);
	sigign(SIGUSR2);                                        /* discards it */
	EXPECT_EQ(sys_sigpending(&pend, SIGSET_SIZE), 0);
	EXPECT_EQ(pend, 0);
	sigdfl(SIGUSR1);
	sigdfl(SIGUSR2);
	sigmask_set(SIG_SETMASK, 0);
}

USERTEST(sigtimedwait_takes_signals)
{
	uint64_t set = SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2);
	struct k_siginfo info;
	struct timespec zero = { 0, 0 }, ms50 = { 0, 50000000 }, bad = { 0, 1000000000 }, a, b;
	long me = sys_getpid();

	seen_reset();
	sigact(SIGUSR1, record, 0, 0);
	sigmask_set(SIG_SETMASK, set);
	/* One already pending: taken at once, its handler never runs. */
	EXPECT_EQ(sys_kill(me, SIGUSR2), 0);
	memset(&info, 0, sizeof(info));
	EXPECT_EQ(sys_sigtimedwait(&set, &info, 0, SIGSET_SIZE), SIGUSR2);
	EXPECT(info.si_signo == SIGUSR2 && info.si_code == SI_USER && info.u.kill.pid == me);
	/* None: a zero timeout polls, a short one waits it out. */
	EXPECT_EQ(sys_sigtimedwait(&set, 0, &zero, SIGSET_SIZE), -EAGAIN);
	sys_clock_gettime(CLOCK_MONOTONIC, &a);
	EXPECT_EQ(sys_sigtimedwait(&set, 0, &ms50, SIGSET_SIZE), -EAGAIN);
	sys_clock_gettime(CLOCK_MONOTONIC, &b);
	EXPECT((b.tv_sec - a.tv_sec) * 1000000000L + b.tv_nsec - a.tv_nsec >= 50000000L);
	/* One that comes while it waits (blocked) wakes it. */
	pid_t c = spawn(send_usr1_later, 0);
	EXPECT_EQ(sys_sigtimedwait(&set, &info, 0, SIGSET_SIZE), SIGUSR1);
	EXPECT(info.si_code == SI_USER && info.u.kill.pid == c);
	EXPECT_EQ(reap(c), 0);
	EXPECT_EQ(seen.hits, 0);
	/* Errors. */
	EXPECT_EQ(sys_sigtimedwait(&set, 0, &bad, SIGSET_SIZE), -EINVAL);
	EXPECT_EQ(sys_sigtimedwait(&set, 0, &zero, 4), -EINVAL);
	EXPECT_EQ(sys_sigtimedwait((void *)KERNEL_ADDR, 0, &zero, SIGSET_SIZE), -EFAULT);
	EXPECT_EQ(sys_sigtimedwait(&set, 0, (void *)KERNEL_ADDR, SIGSET_SIZE), -EFAULT);
	EXPECT_EQ(sys_kill(me, SIGUSR2), 0);
	EXPECT_EQ(sys_sigtimedwait(&set, (void *)ro_page, 0, SIGSET_SIZE), -EFAULT);
	sigdfl(SIGUSR1);
	sigmask_set(SIG_SETMASK, 0);
}

/* In a child: is there a timer? (fork does not pass it on) */
static void no_timer(void *a)
{
	struct itimerval v;

	EXPECT_EQ(sys_getitimer(ITIMER_REAL, &v), 0);
	EXPECT(v.it_value.tv_sec == 0 && v.it_value.tv_usec == 0);
}

static void alarm_kills(void *a)
{
	sys_alarm(1);
	for (;;)
		sys_pause();
}

USERTEST(itimer_real)
{
	struct itimerval v = { { 0, 20000 }, { 0, 30000 } }, old;

	seen_reset();
	sigact(SIGALRM, record, 0, 0);
	EXPECT_EQ(sys_alarm(5), 0);
	EXPECT_EQ(sys_alarm(0), 5);                             /* 5 s left, rounded */
	EXPECT_EQ(sys_alarm(0), 0);
	/* 30 ms, then every 20 ms. */
	EXPECT_EQ(sys_setitimer(ITIMER_REAL, &v, 0), 0);
	EXPECT_EQ(sys_getitimer(ITIMER_REAL, &old), 0);
	EXPECT(old.it_interval.tv_usec == 20000 && old.it_value.tv_sec == 0 && old.it_value.tv_usec <= 30000);
	EXPECT_EQ(run_child(no_timer, 0), 0);
	while (seen.hits < 3)
		sys_pause();
	EXPECT_EQ(seen.code, SI_KERNEL);
	EXPECT_EQ(sys_setitimer(ITIMER_REAL, 0, &old), 0);      /* NULL: off, as Linux allows */
	EXPECT(old.it_interval.tv_usec == 20000);
	EXPECT_EQ(sys_getitimer(ITIMER_REAL, &old), 0);
	EXPECT(old.it_value.tv_sec == 0 && old.it_value.tv_usec == 0);
	/* Errors: only ITIMER_REAL; times must be valid. */
	EXPECT_EQ(sys_setitimer(ITIMER_VIRTUAL, &v, 0), -EINVAL);
	EXPECT_EQ(sys_getitimer(ITIMER_PROF, &old), -EINVAL);
	v.it_value.tv_usec = 1000000;
	EXPECT_EQ(sys_setitimer(ITIMER_REAL, &v, 0), -EINVAL);
	EXPECT_EQ(sys_setitimer(ITIMER_REAL, (void *)KERNEL_ADDR, 0), -EFAULT);
	EXPECT_EQ(sys_getitimer(ITIMER_REAL, (void *)KERNEL_ADDR), -EFAULT);
	sigdfl(SIGALRM);
	/* Unhandled, SIGALRM ends the process. */
	EXPECT_EQ(run_child(alarm_kills, 0), STATUS_SIG(SIGALRM));
}

static long elapsed_ns(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000000L + b->tv_nsec - a->tv_nsec;
}

USERTEST(clock_nanosleep_clocks)
{
	static const int clocks[] = { CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME, CLOCK_TAI };
	struct timespec a, b, t, rt, tai, ms20 = { 0, 20000000 };

	for (unsigned i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		/* Relative, then absolute: now + 20 ms on that clock. */
		sys_clock_gettime(CLOCK_MONOTONIC, &a);
		EXPECT_EQ(sys_clock_nanosleep(clocks[i], 0, &ms20, 0), 0);
		sys_clock_gettime(CLOCK_MONOTONIC, &b);
		EXPECT(elapsed_ns(&a, &b) >= 20000000L);
		EXPECT_EQ(sys_clock_gettime(clocks[i], &t), 0);
		t.tv_nsec += 20000000;
		if (t.tv_nsec >= 1000000000) {
			t.tv_sec++;
			t.tv_nsec -= 1000000000;
		}
		EXPECT_EQ(sys_clock_nanosleep(clocks[i], TIMER_ABSTIME, &t, 0), 0);
		EXPECT_EQ(sys_clock_gettime(clocks[i], &b), 0);
		EXPECT(elapsed_ns(&t, &b) >= 0);                  /* not before the time asked for */
	}
	/* A time already past returns at once. */
	t.tv_sec = 1, t.tv_nsec = 0;
	EXPECT_EQ(sys_clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, 0), 0);
	/* CLOCK_TAI is the wall clock (Linux's default TAI offset is 0). */
	EXPECT_EQ(sys_clock_gettime(CLOCK_REALTIME, &rt), 0);
	EXPECT_EQ(sys_clock_gettime(CLOCK_TAI, &tai), 0);
	EXPECT(elapsed_ns(&rt, &tai) >= 0 && elapsed_ns(&rt, &tai) < 1000000000L);
	/* Errors. */
	EXPECT_EQ(sys_clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, &ms20, 0), -EOPNOTSUPP);
	EXPECT_EQ(sys_clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &ms20, 0), -EINVAL);
	EXPECT_EQ(sys_clock_nanosleep(99, 0, &ms20, 0), -EINVAL);
	EXPECT_EQ(sys_clock_nanosleep(CLOCK_MONOTONIC, 0, &(struct timespec){ 0, -1 }, 0), -EINVAL);
	EXPECT_EQ(sys_clock_nanosleep(CLOCK_MONOTONIC, 0, (void *)KERNEL_ADDR, 0), -EFAULT);
}

static volatile uint64_t good_rsp;
static volatile int frame_usr1, frame_segv, frame_segv_code;

static void on_usr1_count(int sig, struct k_siginfo *info, void *uc)
{
	frame_usr1++;
}

/* On the alternate stack: note the SIGSEGV and give the code its stack back. */
static void on_segv_restack(int sig, struct k_siginfo *info, void *uc)
{
	frame_segv++;
	frame_segv_code = info->si_code;
	((struct k_ucontext *)uc)->uc_mcontext.rsp = good_rsp;
}

/* kill(self, SIGUSR1) made with rsp at an unmapped page: the handler's
 * frame cannot be written. */
static void kill_on_bad_stack(void)
{
	long pid = sys_getpid();

	__asm__ volatile("movq %%rsp, good_rsp(%%rip)\n\t"
			 "movq $0x1000, %%rsp\n\t"
			 "syscall\n\t"
			 "movq good_rsp(%%rip), %%rsp"
			 : : "a"((long)SYS_kill), "D"(pid), "S"((long)SIGUSR1) : "rcx", "r11", "memory");
}

static void bad_stack_no_segv_handler(void *unused)
{
	sigact(SIGUSR1, on_usr1_count, 0, 0);
	kill_on_bad_stack();
	quit(3);                                  /* never: SIGSEGV ends it */
}

/* A handler frame that cannot be written (here a bad stack pointer; an
 * alternate stack too small is the other way) is Linux's force_sigsegv:
 * a SIGSEGV with SI_KERNEL that a handler on the alternate stack catches,
 * and the end of the process without one. AT_MINSIGSTKSZ says how much
 * alternate stack a whole frame needs (with the x87/SSE/AVX state). */
USERTEST(sigaltstack_frame_fails)
{
	unsigned long need = getauxval(51);      /* AT_MINSIGSTKSZ */
	unsigned long size = need > MINSIGSTKSZ ? need : MINSIGSTKSZ;
	char *mem = map_pages(ALT_SIZE);
	struct k_stack ss = { (uint64_t)mem, 0, 0, size };

	EXPECT(need >= 512 + sizeof(struct k_ucontext));
	EXPECT_EQ(sys_sigaltstack(&ss, 0), 0);
	/* A stack of AT_MINSIGSTKSZ bytes takes a whole frame. */
	frame_usr1 = 0;
	EXPECT_EQ(sigact(SIGUSR1, on_usr1_count, SA_ONSTACK, 0), 0);
	EXPECT_EQ(sys_kill(sys_getpid(), SIGUSR1), 0);
	EXPECT_EQ(frame_usr1, 1);
	/* SIGUSR1's frame fails: SIGSEGV instead, caught on the alternate stack. */
	ss.ss_size = ALT_SIZE;
	EXPECT_EQ(sys_sigaltstack(&ss, 0), 0);
	EXPECT_EQ(sigact(SIGUSR1, on_usr1_count, 0, 0), 0);
	EXPECT_EQ(sigact(SIGSEGV, on_segv_restack, SA_ONSTACK, 0), 0);
	frame_usr1 = frame_segv = 0;
	kill_on_bad_stack();
	EXPECT_EQ(frame_usr1, 0);
	EXPECT_EQ(frame_segv, 1);
	EXPECT_EQ(frame_segv_code, SI_KERNEL);
	sigdfl(SIGSEGV);
	sigdfl(SIGUSR1);
	EXPECT_EQ(sys_sigaltstack(&(struct k_stack){ 0, SS_DISABLE, 0, 0 }, 0), 0);
	/* No SIGSEGV handler: the process ends with SIGSEGV. */
	EXPECT_EQ(run_child(bad_stack_no_segv_handler, 0), STATUS_SIG(SIGSEGV));
}
