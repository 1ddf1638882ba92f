/*
 * t_mem.c - memory between processes and against its rights: shared
 * anonymous memory across fork, vfork's borrowed space and its order,
 * mprotect's faults as catchable SIGSEGVs (si_code, si_addr), madvise
 * freeing to zeros. The runner compares free frames before and after.
 */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "usertests.h"

void fault_read(const void *p);      /* faults.S */
void fault_write(void *p);
extern const char fault_read_at[], fault_write_at[];

static char *map_shared(long n)
{
	long r = sys_mmap(0, n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS);

	return r < 0 ? NULL : (char *)r;
}

/* --- MAP_SHARED ------------------------------------------------------------ */

static char *shm;                     /* each case's shared page */

static void child_writes(void *arg) { strcpy(shm, arg); }
static void child_writes_at(void *at) { strcpy(at, "child"); }
static void write_ro_page(void *at) { *(volatile char *)at = 1; }

/* Wait until the parent put "go" in the page, answer in the next bytes. */
static void child_answers(void *arg)
{
	volatile char *s = shm;

	while (s[0] != 'g')
		sys_sched_yield();
	s[100] = 'k';
}

USERTEST(mem_shared_fork)
{
	char *priv = map_pages(PAGE);

	EXPECT((shm = map_shared(2 * PAGE)) != NULL && priv != NULL);
	EXPECT_EQ(run_child(child_writes, "child to parent"), STATUS_EXIT(0));
	EXPECT(strcmp(shm, "child to parent") == 0);
	/* Both ways while both run; a private page stays a copy. */
	pid_t pid = spawn(child_answers, 0);
	EXPECT(pid > 0);
	shm[0] = 'g';
	EXPECT_EQ(reap(pid), STATUS_EXIT(0));
	EXPECT_EQ(shm[100], 'k');
	priv[0] = 'p';
	EXPECT_EQ(run_child(child_writes, "x"), STATUS_EXIT(0));
	EXPECT_EQ(priv[0], 'p');
	/* A grandchild shares it too; the frames go with the last mapping. */
	EXPECT_EQ(sys_munmap((unsigned long)priv, PAGE), 0);
	EXPECT_EQ(sys_munmap((unsigned long)shm, 2 * PAGE), 0);
	note("shared");
}

/* --- vfork ---------------------------------------------------------------- */

static volatile long vf_seen;          /* the child writes it in our memory */
static volatile long vf_map;

USERTEST(mem_vfork)
{
	static char *const argv[] = { "exit", "5", 0 };
	int status;

	/* The child runs first, in our memory, and ends before we go on. */
	pid_t pid = vfork();
	if (pid == 0) {
		vf_seen = sys_getpid();
		sys_exit(3);
	}
	EXPECT(pid > 0);
	EXPECT(vf_seen == pid);
	EXPECT_EQ(reap(pid), STATUS_EXIT(3));
	/* Until it execs: then we go on, and it runs its new program. */
	pid = vfork();
	if (pid == 0)
		exec_helper_child((void *)argv);
	EXPECT(pid > 0);
	EXPECT_EQ(reap(pid), STATUS_EXIT(5));
	/* What it maps is ours (and counted so: the space's count is checked
	 * when it is freed). */
	pid = vfork();
	if (pid == 0) {
		char *m = map_pages(2 * PAGE);
		if (m)
			strcpy(m, "mapped by the child");
		vf_map = (long)m;
		sys_exit(0);
	}
	EXPECT_EQ(reap(pid), STATUS_EXIT(0));
	EXPECT(vf_map != 0 && strcmp((char *)vf_map, "mapped by the child") == 0);
	EXPECT_EQ(sys_munmap(vf_map, 2 * PAGE), 0);
	/* The raw call, and clone's spelling of it. */
	vf_seen = 0;
	pid = RAW(SYS_clone, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0, 0);
	if (pid == 0) {
		vf_seen = 1;
		sys_exit(0);                  /* no return: this frame is the parent's */
	}
	EXPECT(pid > 0 && vf_seen == 1);
	EXPECT(sys_wait4(pid, &status, 0, 0) == pid && status == 0);
	note("vfork");
}

/* CLONE_VFORK alone: the child has a copy, and the parent still waits
 * until it ends; what the copy maps is not the parent's (the parent's
 * count is checked when its space is freed). */
USERTEST(mem_vfork_copy)
{
	pid_t pid = RAW(SYS_clone, CLONE_VFORK | SIGCHLD, 0, 0, 0, 0, 0);

	if (pid == 0) {
		sleep_ms(30);
		map_pages(3 * PAGE);
		vf_seen = 1;
		sys_exit(4);
	}
	EXPECT(pid > 0);
	EXPECT_EQ(proc_state(pid), 'Z');          /* it ended before we went on */
	EXPECT_EQ(vf_seen, 0);
	EXPECT_EQ(reap(pid), STATUS_EXIT(4));
	note("ok");
}

/* A vfork child killed by a signal lets the parent go on as well. */
USERTEST(mem_vfork_child_killed)
{
	pid_t pid = vfork();

	if (pid == 0) {
		*(volatile char *)16 = 1;     /* SIGSEGV, default action */
		sys_exit(0);
	}
	EXPECT_EQ(reap(pid), STATUS_SIG(SIGSEGV));
	note("ok");
}

/* --- mprotect's faults ------------------------------------------------------- */

static char *fix_page;
static long fix_prot;

/* Record the fault, give the page fix_prot, and let the access run again. */
static void fix_and_retry(int sig, struct k_siginfo *info, void *uc)
{
	record(sig, info, uc);
	if (sys_mprotect(fix_page, PAGE, fix_prot) != 0)
		sys_exit(98);
}

/* One access that faults once: SIGSEGV, SEGV_ACCERR, at addr, from at. */
static void expect_accerr(int write, char *addr, long prot_after)
{
	fix_page = (char *)((unsigned long)addr & ~(PAGE - 1));
	fix_prot = prot_after;
	seen_reset();
	if (write)
		fault_write(addr);
	else
		fault_read(addr);
	EXPECT_EQ(seen.hits, 1);
	EXPECT_EQ(seen.signo, SIGSEGV);
	EXPECT_EQ(seen.code, SEGV_ACCERR);
	EXPECT(seen.addr == (uint64_t)addr);
	EXPECT(seen.rip == (uint64_t)(write ? fault_write_at : fault_read_at));
}

USERTEST(mem_mprotect_faults)
{
	char *p = map_pages(3 * PAGE);

	EXPECT(p != NULL);
	sigact(SIGSEGV, fix_and_retry, 0, 0);
	p[PAGE + 5] = 'a';
	EXPECT_EQ(sys_mprotect(p + PAGE, PAGE, PROT_READ), 0);
	expect_accerr(1, p + PAGE + 5, PROT_READ | PROT_WRITE);
	EXPECT_EQ(p[PAGE + 5], 1);                /* the write went through the second time */
	EXPECT_EQ(sys_mprotect(p, 3 * PAGE, PROT_NONE), 0);
	expect_accerr(0, p + 2 * PAGE + 9, PROT_READ);
	expect_accerr(1, p + 2 * PAGE + 9, PROT_READ | PROT_WRITE);  /* read-only after the first fix */
	expect_accerr(1, p + 7, PROT_READ | PROT_WRITE);
	EXPECT_EQ(sys_mprotect(p + PAGE, PAGE, PROT_READ), 0);
	EXPECT_EQ(p[PAGE + 5], 1);                /* kept through PROT_NONE */
	/* Unmapped is MAPERR, as before. */
	seen_reset();
	sigact(SIGSEGV, (sig_fn)record, 0, 0);
	sigdfl(SIGSEGV);
	EXPECT_EQ(sys_munmap((unsigned long)p, 3 * PAGE), 0);
	note("accerr");
}

/* Without a handler a write to a read-only page ends the process. */
static void write_ro(void *p)
{
	sys_mprotect(p, PAGE, PROT_READ);
	*(volatile char *)p = 1;
}

USERTEST(mem_mprotect_kills)
{
	char *p = map_pages(PAGE);

	EXPECT_EQ(run_child(write_ro, p), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(sys_munmap((unsigned long)p, PAGE), 0);
	note("ok");
}

/* --- madvise ------------------------------------------------------------------ */

USERTEST(mem_madvise_dontneed)
{
	char *p = map_pages(4 * PAGE), *s = map_shared(PAGE);

	EXPECT(p != NULL && s != NULL);
	memset(p, 'x', 4 * PAGE);
	s[0] = 's';
	EXPECT_EQ(sys_madvise(p + PAGE, 2 * PAGE, MADV_DONTNEED), 0);
	EXPECT(p[0] == 'x' && p[PAGE] == 0 && p[3 * PAGE - 1] == 0 && p[3 * PAGE] == 'x');
	p[PAGE] = 'y';                            /* usable as before */
	EXPECT_EQ(p[PAGE], 'y');
	EXPECT_EQ(sys_madvise(s, PAGE, MADV_DONTNEED), 0);
	EXPECT_EQ(s[0], 's');                     /* shared memory keeps its contents */
	/* The frames go back at once, and come again with the first touch. */
	/* (Counted in free frames: only when nobody else takes any.) */
	int mine = counters_mine();
	uint64_t before = stats_now().free_frames;
	EXPECT_EQ(sys_madvise(p, 4 * PAGE, MADV_DONTNEED), 0);
	EXPECT(!mine || stats_now().free_frames == before + 4);
	EXPECT_EQ(sys_read(-1, p, 1), -EBADF);   /* (not a touch) */
	EXPECT(!mine || stats_now().free_frames == before + 4);
	EXPECT(sys_clock_gettime(CLOCK_MONOTONIC, p + PAGE) == 0);   /* the kernel's copy fills it */
	EXPECT(!mine || stats_now().free_frames == before + 3);
	EXPECT_EQ(p[2 * PAGE], 0);                /* a read fills it too */
	EXPECT(!mine || stats_now().free_frames == before + 2);
	/* A child gets the same promise of zeros, and its own frames. */
	EXPECT_EQ(run_child(child_writes_at, p + 3 * PAGE), STATUS_EXIT(0));
	EXPECT_EQ(p[3 * PAGE], 0);
	/* Rights still hold on an emptied page. */
	EXPECT_EQ(sys_mprotect(p + 3 * PAGE, PAGE, PROT_READ), 0);
	EXPECT_EQ(run_child(write_ro_page, p + 3 * PAGE), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(p[3 * PAGE + 1], 0);
	EXPECT_EQ(sys_munmap((unsigned long)p, 4 * PAGE), 0);
	EXPECT_EQ(sys_munmap((unsigned long)s, PAGE), 0);
	note("ok");
}

/* MAP_32BIT: the mapping lands in the low 2 GiB (Linux: 1 to 2 GiB),
 * hint or no hint, so 32-bit code reached by a far jump can use it as its
 * stack (Linux's sysret_ss_attrs selftest does). */
USERTEST(mem_map_32bit)
{
	const long map32 = 0x40;              /* MAP_32BIT, x86-64 */
	long a = sys_mmap(0, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | map32);
	long b = sys_mmap(0x7000000000, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | map32);

	EXPECT(a > 0 && a + 3 * 4096 <= 0x80000000L);
	EXPECT(b > 0 && b + 4096 <= 0x80000000L);
	note("low: %s %s ", a > 0 && a < 0x80000000L ? "yes" : "no", b > 0 && b < 0x80000000L ? "yes" : "no");
	if (a > 0) {
		*(volatile int *)a = 1;
		EXPECT_EQ(sys_munmap(a, 3 * 4096), 0);
	}
	if (b > 0)
		EXPECT_EQ(sys_munmap(b, 4096), 0);
}
