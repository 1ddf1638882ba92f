/*
 * smp.h - the cases that need threads and several CPUs (issue 18). Every
 * record has "cpus": how many CPUs were busy with the case (a thread
 * pinned to each, by sched_setaffinity). A count above the CPUs the
 * machine has online is skipped, so under icount (-smp 1) only cpus 1
 * runs, and its figures are exact; the others are TCG's.
 *
 *   getpid          the null call by each path on CPU 0 while threads on
 *                   CPUs 1 .. cpus-1 make the same call in a loop: the
 *                   per-CPU cost, which should not grow with cpus;
 *   sched_yield     the same with sched_yield: each CPU's one thread
 *                   yields, so every call goes through the one run queue
 *                   and the big lock: what sharing them costs per CPU;
 *   futex_pingpong  two threads hand a token back and forth through two
 *                   futex words (FUTEX_WAKE, FUTEX_WAIT, private, by
 *                   syscall): one round trip, both on CPU 0 (cpus 1) or on
 *                   CPUs 0 and 1 (cpus 2);
 *   wakeup_ipi      a thread on CPU 1 sleeps in FUTEX_WAIT; CPU 0 reads the
 *                   TSC and wakes it; the woken thread reads the TSC as its
 *                   call returns: the cross-CPU wake-up, wake to running
 *                   (one TSC on every CPU in QEMU);
 *   tlb_shootdown   munmap of one page just written, in a process whose
 *                   other threads spin on CPUs 1 .. cpus-1 (up to 4): the
 *                   kernel must flush their TLBs before the call returns.
 *
 * The threads are made with a raw clone (the flags pthread_create uses, no
 * TLS of their own), so they run no C library code but raw system calls;
 * the same source builds for trapdoor and for Linux.
 */
#ifndef TRAPBENCH_SMP_H
#define TRAPBENCH_SMP_H

#include <sys/mman.h>

#define SMP_CLONE_FLAGS 0x50f00UL     /* CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM */
#define SMP_NR_CLONE 56
#define SMP_NR_EXIT 60
#define SMP_NR_YIELD 24
#define SMP_NR_FUTEX 202
#define SMP_NR_SETAFFINITY 203
#define SMP_NR_GETAFFINITY 204
#define SMP_NR_MUNMAP 11
#define SMP_FUTEX_WAIT_PRIVATE 128
#define SMP_FUTEX_WAKE_PRIVATE 129
#define SMP_STACK (64 * 1024)
#define SMP_MAX 4                     /* the largest cpus a case asks for */
#define SMP_SAMPLES 2000
#define SMP_WARMUP 200

static inline long smp_sys3(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(nr), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
	return r;
}

/* futex(word, op, val, NULL): the fourth argument (r10) is 0. */
static inline long smp_futex(volatile int *word, long op, long val)
{
	register long r10 __asm__("r10") = 0;
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(SMP_NR_FUTEX), "D"(word), "S"(op), "d"(val), "r"(r10)
			 : "rcx", "r11", "memory");
	return r;
}

/* Run on CPU cpu only (the calling thread). */
static inline long smp_pin(int cpu)
{
	unsigned long mask = 1UL << cpu;
	return smp_sys3(SMP_NR_SETAFFINITY, 0, sizeof(mask), (long)&mask);
}

/* How many CPUs this process may use (the online ones, here). */
static int smp_cpus(void)
{
	unsigned long mask = 0;

	if (smp_sys3(SMP_NR_GETAFFINITY, 0, sizeof(mask), (long)&mask) < 0)
		return 1;
	return __builtin_popcountl(mask);
}

/* A new thread running fn(arg) on a fresh stack, ending by exit (itself
 * alone) when fn returns: its tid, or -errno. */
static long smp_thread(void (*fn)(void *), void *arg)
{
	char *stack = mmap(NULL, SMP_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	register long r10 __asm__("r10") = 0;      /* child_tid */
	register long r8 __asm__("r8") = 0;        /* tls */
	uint64_t *sp;
	long r;

	if (stack == MAP_FAILED)
		return -1;
	sp = (uint64_t *)(stack + SMP_STACK);
	*--sp = (uint64_t)arg;
	*--sp = (uint64_t)fn;
	__asm__ volatile("syscall\n\t"
			 "testq %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "popq %%rax\n\t"             /* the new thread: fn */
			 "popq %%rdi\n\t"             /* arg */
			 "andq $-16, %%rsp\n\t"
			 "callq *%%rax\n\t"
			 "movl %[exit], %%eax\n\t"    /* exit: this thread only */
			 "xorl %%edi, %%edi\n\t"
			 "syscall\n\t"
			 "ud2\n"
			 "1:"
			 : "=a"(r)
			 : "a"(SMP_NR_CLONE), "D"(SMP_CLONE_FLAGS), "S"(sp), "d"(0), "r"(r10), "r"(r8),
			   [exit] "i"(SMP_NR_EXIT)
			 : "rcx", "r11", "memory");
	return r;
}

/* What the helper threads share with the measuring one. */
static volatile int smp_stop, smp_running;
static void (*volatile smp_call)(void);

/* A busy CPU: pinned to cpu (the argument), make the case's call until told to stop. */
static void smp_busy(void *cpu)
{
	smp_pin((int)(long)cpu);
	__atomic_add_fetch(&smp_running, 1, __ATOMIC_SEQ_CST);
	while (!smp_stop)
		smp_call();
	__atomic_sub_fetch(&smp_running, 1, __ATOMIC_SEQ_CST);
}

/* Start helpers on CPUs 1 .. n-1 running fn, and wait until they run. */
static int smp_start(int n, void (*fn)(void *))
{
	smp_stop = 0;
	for (long c = 1; c < n; c++)
		if (smp_thread(fn, (void *)c) < 0)
			return -1;
	while (smp_running < n - 1)
		;
	return 0;
}

static void smp_finish(void)
{
	smp_stop = 1;
	while (smp_running > 0)
		;
}

/* getpid with cpus busy: the null call, timed on CPU 0. */
static void smp_getpid_int80(void) { call_getpid_int80(); }
static void smp_getpid_syscall(void) { call_getpid_syscall(); }

static void smp_case_getpid(int cpus)
{
	static const struct { const char *path; void (*fn)(void); } p[] = {
		{ "int80", smp_getpid_int80 }, { "syscall", smp_getpid_syscall },
	};

	for (unsigned i = 0; i < sizeof(p) / sizeof(p[0]); i++) {
		smp_call = p[i].fn;
		if (smp_start(cpus, smp_busy) < 0)
			return;
		for (int k = 0; k < WARMUP; k++)
			p[i].fn();
		for (int k = 0; k < SAMPLES; k++) {
			uint64_t t0 = tsc_begin();
			p[i].fn();
			samples[k] = tsc_end() - t0;
		}
		smp_finish();
		report_cpus(p[i].path, "getpid", cpus, samples, SAMPLES);
	}
}

/* sched_yield with cpus busy yielding too, timed on CPU 0. */
static void smp_yield(void) { smp_sys3(SMP_NR_YIELD, 0, 0, 0); }

static void smp_case_yield(int cpus)
{
	smp_call = smp_yield;
	if (smp_start(cpus, smp_busy) < 0)
		return;
	for (int k = 0; k < WARMUP; k++)
		smp_yield();
	for (int k = 0; k < SAMPLES; k++) {
		uint64_t t0 = tsc_begin();
		smp_yield();
		samples[k] = tsc_end() - t0;
	}
	smp_finish();
	report_cpus("syscall", "sched_yield", cpus, samples, SAMPLES);
}

/* futex_pingpong: the token goes to the partner (ping) and comes back (pong). */
static volatile int smp_ping, smp_pong;

static void smp_partner(void *cpu)
{
	smp_pin((int)(long)cpu);
	__atomic_add_fetch(&smp_running, 1, __ATOMIC_SEQ_CST);
	for (;;) {
		while (!smp_ping)
			smp_futex(&smp_ping, SMP_FUTEX_WAIT_PRIVATE, 0);
		smp_ping = 0;
		if (smp_stop)
			break;
		smp_pong = 1;
		smp_futex(&smp_pong, SMP_FUTEX_WAKE_PRIVATE, 1);
	}
	__atomic_sub_fetch(&smp_running, 1, __ATOMIC_SEQ_CST);
}

static void smp_round_trip(void)
{
	smp_ping = 1;
	smp_futex(&smp_ping, SMP_FUTEX_WAKE_PRIVATE, 1);
	while (!smp_pong)
		smp_futex(&smp_pong, SMP_FUTEX_WAIT_PRIVATE, 0);
	smp_pong = 0;
}

static void smp_case_pingpong(int cpus)
{
	smp_stop = 0, smp_ping = smp_pong = 0;
	if (smp_thread(smp_partner, (void *)(long)(cpus - 1)) < 0)
		return;
	while (smp_running < 1)
		;
	for (int k = 0; k < SMP_WARMUP; k++)
		smp_round_trip();
	for (int k = 0; k < SMP_SAMPLES; k++) {
		uint64_t t0 = tsc_begin();
		smp_round_trip();
		samples[k] = tsc_end() - t0;
	}
	smp_stop = 1;                                /* the partner ends at its next token */
	smp_ping = 1;
	smp_futex(&smp_ping, SMP_FUTEX_WAKE_PRIVATE, 1);
	while (smp_running > 0)
		;
	report_cpus("syscall", "futex_pingpong", cpus, samples, SMP_SAMPLES);
}

/* wakeup_ipi: the sleeper says it is about to wait (ready), then sleeps;
 * woken, it stores the TSC it read and goes round again. */
static volatile int smp_word, smp_ready;
static volatile uint64_t smp_woke;

static void smp_sleeper(void *cpu)
{
	smp_pin((int)(long)cpu);
	__atomic_add_fetch(&smp_running, 1, __ATOMIC_SEQ_CST);
	while (!smp_stop) {
		smp_ready = 1;
		while (!smp_word)
			smp_futex(&smp_word, SMP_FUTEX_WAIT_PRIVATE, 0);
		smp_woke = tsc_end();
		smp_word = 0;
	}
	__atomic_sub_fetch(&smp_running, 1, __ATOMIC_SEQ_CST);
}

static void smp_case_wakeup(void)
{
	uint64_t hz = tsc_hz ? tsc_hz : 1000000000ULL;
	int n = 0;

	smp_stop = 0, smp_word = 0, smp_ready = 0;
	if (smp_thread(smp_sleeper, (void *)1L) < 0)
		return;
	while (smp_running < 1)
		;
	for (int k = 0; k < SMP_WARMUP + SMP_SAMPLES; k++) {
		while (!smp_ready)
			;
		smp_ready = 0;
		/* Let it get into the kernel and its CPU go idle: 50 us. */
		for (uint64_t t = tsc_begin(); tsc_begin() - t < hz / 20000;)
			;
		smp_woke = 0;
		uint64_t t0 = tsc_begin();
		smp_word = 1;
		smp_futex(&smp_word, SMP_FUTEX_WAKE_PRIVATE, 1);
		while (!smp_woke)
			;
		if (k >= SMP_WARMUP)
			samples[n++] = smp_woke - t0;
	}
	smp_stop = 1;                                /* it ends at its next wake-up, or before it waits */
	smp_word = 1;
	smp_futex(&smp_word, SMP_FUTEX_WAKE_PRIVATE, 1);
	while (smp_running > 0)
		;
	report_cpus("syscall", "wakeup_ipi", 2, samples, n);
}

/* tlb_shootdown: the others spin in user mode, in this process's space. */
static void smp_spin(void) {}

static void smp_case_shootdown(int cpus)
{
	smp_call = smp_spin;
	if (smp_start(cpus, smp_busy) < 0)
		return;
	for (int k = 0; k < SMP_WARMUP + SMP_SAMPLES; k++) {
		char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (page == MAP_FAILED)
			break;
		page[0] = 1;                         /* in the TLB */
		uint64_t t0 = tsc_begin();
		smp_sys3(SMP_NR_MUNMAP, (long)page, 4096, 0);
		uint64_t t1 = tsc_end();
		if (k >= SMP_WARMUP)
			samples[k - SMP_WARMUP] = t1 - t0;
	}
	smp_finish();
	report_cpus("syscall", "tlb_shootdown", cpus, samples, SMP_SAMPLES);
}

static void run_smp(void)
{
	int have = smp_cpus();

	smp_pin(0);                                  /* the measuring thread: CPU 0 */
	printf("trapbench: %d CPUs for the SMP cases\n", have);
	for (int cpus = 1; cpus <= SMP_MAX && cpus <= have; cpus *= 2)
		smp_case_getpid(cpus);
	for (int cpus = 1; cpus <= SMP_MAX && cpus <= have; cpus *= 2)
		smp_case_yield(cpus);
	for (int cpus = 1; cpus <= 2 && cpus <= have; cpus++)
		smp_case_pingpong(cpus);
	if (have >= 2)
		smp_case_wakeup();
	smp_case_shootdown(have < SMP_MAX ? have : SMP_MAX);
	unsigned long every = ~0UL;                  /* every CPU again */
	smp_sys3(SMP_NR_SETAFFINITY, 0, sizeof(every), (long)&every);
}

#endif
