/*
 * cases_crash.c - programs that do what user mode must not: each runs in a
 * child that must die alone, by the expected signal, with the kernel (and
 * this suite) going on.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conform.h"

#define PAGE 4096UL
#define TOP_PAGE 0x00007ffffffff000UL      /* the last page of the user half */

/* Run fn in a child; note and check the signal that ended it. */
static void expect_signal(const struct path *P, struct transcript *t, const char *what,
			  void (*fn)(const struct path *P, void *arg), void *arg, int sig)
{
	int status = run_child(fn, P, arg);

	EXPECT(t, P, WIFSIGNALED(status) && WTERMSIG(status) == sig);
	note(t, "%s: status %#x; ", what, status);
}

#ifdef __x86_64__      /* conform32 leaves these out (conform.h) */
/* Put the path's entry instruction in the last two bytes of the user half
 * and jump there: the return address would be 1 << 47, non-canonical. */
static void call_at_top(const struct path *P, void *arg)
{
	unsigned char *page = mmap((void *)TOP_PAGE, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC,
				   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	if (page != (void *)TOP_PAGE)
		return;                  /* exits 0: the case fails */
	page[PAGE - 2] = P->entry == ENTRY_SYSCALL ? 0x0f : 0xcd;   /* syscall | int */
	page[PAGE - 1] = P->entry == ENTRY_SYSCALL ? 0x05 : 0x80;   /*         | $0x80 */
	__asm__ volatile("jmp *%1" : : "a"(SYS_getpid), "r"(TOP_PAGE + PAGE - 2));
}

/* The same call with a SIGSEGV handler: Linux reports the failed return as
 * the process's own #GP at rip 1 << 47, which it may catch and leave. */
static volatile int top_caught;
static char landing_stack[4096] __attribute__((aligned(16)));

static void landing(void) { _exit(top_caught ? 42 : 1); }

static void top_fault(int sig, siginfo_t *info, void *uc)
{
	struct k_sigcontext *r = &((struct k_ucontext *)uc)->uc_mcontext;

	top_caught = info->si_code == SI_KERNEL && r->trapno == 13 && r->rip == TOP_PAGE + PAGE;
	r->rip = (uint64_t)landing;
	r->rsp = (uint64_t)(landing_stack + sizeof(landing_stack) - 8);   /* as after a call */
}

static void call_at_top_caught(const struct path *P, void *arg)
{
	struct sigaction sa = { .sa_sigaction = top_fault, .sa_flags = SA_SIGINFO };

	sigaction(SIGSEGV, &sa, 0);
	call_at_top(P, arg);
}

int case_entry_at_top_caught(const struct path *P, struct transcript *t)
{
	int s = run_child(call_at_top_caught, P, 0);

	EXPECT(t, P, WIFEXITED(s) && WEXITSTATUS(s) == 42);
	note(t, "caught at the top: status %#x", s);
	return 0;
}

/* int3 and `int $3` are SIGTRAP, `int $4` (#OF) SIGSEGV, all SI_KERNEL with
 * rip after the instruction, as on Linux: both gates have DPL 3. */
static volatile struct { int sig, code; uint64_t rip, trapno; } trapped;

/* One instruction each, with a label after it (noinline: one copy of each label). */
static __attribute__((noinline)) void do_int3(void) { __asm__ volatile("int3\n.globl after_int3\nafter_int3:"); }
static __attribute__((noinline)) void do_int_3(void) { __asm__ volatile(".byte 0xcd, 0x03\n.globl after_int_3\nafter_int_3:"); }
static __attribute__((noinline)) void do_int_4(void) { __asm__ volatile("int $4\n.globl after_int_4\nafter_int_4:"); }
static void (*const raise_int[3])(void) = { do_int3, do_int_3, do_int_4 };

static void on_int(int sig, siginfo_t *info, void *uc)
{
	struct k_sigcontext *r = &((struct k_ucontext *)uc)->uc_mcontext;

	trapped.sig = sig, trapped.code = info->si_code, trapped.rip = r->rip, trapped.trapno = r->trapno;
}

int case_int3_and_into(const struct path *P, struct transcript *t)
{
	static const struct { const char *what; int sig, trapno; } want[3] = {
		{ "int3", SIGTRAP, 3 }, { "int $3", SIGTRAP, 3 }, { "int $4", SIGSEGV, 4 },
	};
	struct sigaction sa = { .sa_sigaction = on_int, .sa_flags = SA_SIGINFO }, old[2];
	extern const char after_int3[], after_int_3[], after_int_4[];
	const char *after[3] = { after_int3, after_int_3, after_int_4 };

	sigaction(SIGTRAP, &sa, &old[0]);
	sigaction(SIGSEGV, &sa, &old[1]);
	for (int i = 0; i < 3; i++) {
		trapped.sig = 0;
		raise_int[i]();
		EXPECT(t, P, trapped.sig == want[i].sig && trapped.code == SI_KERNEL &&
			     trapped.rip == (uint64_t)after[i] && trapped.trapno == (uint64_t)want[i].trapno);
		note(t, "%s: signal %d code %#x trapno %lu; ", want[i].what, trapped.sig, trapped.code,
		     (unsigned long)trapped.trapno);
	}
	sigaction(SIGTRAP, &old[0], 0);
	sigaction(SIGSEGV, &old[1], 0);
	return 0;
}

int case_entry_at_top(const struct path *P, struct transcript *t)
{
	struct trapdoor_stats before, after;

	trapdoor_stats(&before);
	expect_signal(P, t, "entry at the top of the user half", call_at_top, 0, SIGSEGV);
	trapdoor_stats(&after);
	/* syscall must not sysretq there: it fell back to iretq, which refused too. */
	if (P->entry == ENTRY_SYSCALL)
		EXPECT(t, P, after.sysret_fallbacks > before.sysret_fallbacks);
	/* (Other suites' faults count too when they run at the same time.) */
	EXPECT(t, P, concurrent_run() ? after.user_faults > before.user_faults :
				       after.user_faults == before.user_faults + 1);
	return 0;
}
#endif

static void do_hlt(const struct path *P, void *a) { __asm__ volatile("hlt"); }
static void do_cli(const struct path *P, void *a) { __asm__ volatile("cli"); }
static void do_cr3(const struct path *P, void *a) { unsigned long v; __asm__ volatile("mov %%cr3, %0" : "=r"(v)); }
static void do_wrmsr(const struct path *P, void *a) { __asm__ volatile("wrmsr" : : "c"(0xc0000082), "a"(0), "d"(0)); }
static void do_in(const struct path *P, void *a) { __asm__ volatile("inb $0x80, %%al" : : : "rax"); }
static void do_lgdt(const struct path *P, void *a) { static char g[10]; __asm__ volatile("lgdt %0" : : "m"(g)); }
static void do_int20(const struct path *P, void *a) { __asm__ volatile("int $0x20"); }
/* A far jump to 0x23, the 32-bit user code slot: it is empty, so #GP
 * (a 32-bit `syscall` would otherwise enter the kernel through CSTAR). */
static void do_far32(const struct path *P, void *a)
{
	static struct { uint32_t off; uint16_t sel; } __attribute__((packed)) far = { 0x1000, 0x23 };
	__asm__ volatile("ljmpl *%0" : : "m"(far));
}

int case_privileged_insns(const struct path *P, struct transcript *t)
{
	expect_signal(P, t, "hlt", do_hlt, 0, SIGSEGV);
	expect_signal(P, t, "cli", do_cli, 0, SIGSEGV);
	expect_signal(P, t, "mov cr3", do_cr3, 0, SIGSEGV);
	expect_signal(P, t, "wrmsr", do_wrmsr, 0, SIGSEGV);
	expect_signal(P, t, "in", do_in, 0, SIGSEGV);
	expect_signal(P, t, "lgdt", do_lgdt, 0, SIGSEGV);
	/* Only vectors 0x80, 3 and 4 are open to user mode (int3_and_into):
	 * other vectors give #GP. */
	expect_signal(P, t, "int $0x20", do_int20, 0, SIGSEGV);
	expect_signal(P, t, "far jump to 32-bit code", do_far32, 0, SIGSEGV);
	return 0;
}

static void do_ud2(const struct path *P, void *a) { __asm__ volatile("ud2"); }
static void do_div0(const struct path *P, void *a) { __asm__ volatile("xorl %%ecx, %%ecx; divl %%ecx" : : : "rax", "rcx", "rdx"); }
static void do_null(const struct path *P, void *a) { (void)*(volatile char *)0; }
static void do_write_text(const struct path *P, void *a) { *(volatile char *)(void *)do_write_text = 0; }
static void do_x87(const struct path *P, void *a) { __asm__ volatile("fld1"); }
static void do_sse(const struct path *P, void *a) { __asm__ volatile(".byte 0x66, 0x0f, 0xef, 0xc0"); }  /* pxor %xmm0, %xmm0 */
static void do_exec_stack(const struct path *P, void *a)
{
	unsigned char code[4] = { 0xc3 };            /* ret, on the (NX) stack */
	((void (*)(void))(void *)code)();
}

int case_user_faults(const struct path *P, struct transcript *t)
{
	expect_signal(P, t, "ud2", do_ud2, 0, SIGILL);
	expect_signal(P, t, "divide by zero", do_div0, 0, SIGFPE);
	expect_signal(P, t, "NULL read", do_null, 0, SIGSEGV);
	expect_signal(P, t, "write to text", do_write_text, 0, SIGSEGV);
	expect_signal(P, t, "execute the stack", do_exec_stack, 0, SIGSEGV);
	/* User mode has x87/SSE/AVX state (docs/abi.md): these just run. */
	int x87 = run_child(do_x87, P, 0), sse = run_child(do_sse, P, 0);
	EXPECT(t, P, WIFEXITED(x87) && WEXITSTATUS(x87) == 0);
	EXPECT(t, P, WIFEXITED(sse) && WEXITSTATUS(sse) == 0);
	note(t, "x87 instruction: status %#x; SSE instruction: status %#x; ", x87, sse);
	return 0;
}

static void jump_to(const struct path *P, void *a) { ((void (*)(void))a)(); }
static void read_at(const struct path *P, void *a) { (void)*(volatile char *)a; }

int case_kernel_addresses(const struct path *P, struct transcript *t)
{
	expect_signal(P, t, "jump into kernel text", jump_to, (void *)0xffffffff80000000UL, SIGSEGV);
	expect_signal(P, t, "read kernel data", read_at, (void *)0xffffffff80000000UL, SIGSEGV);
	expect_signal(P, t, "read the direct map", read_at, (void *)0xffff800000100000UL, SIGSEGV);
	expect_signal(P, t, "jump to a non-canonical address", jump_to, (void *)0x0000800000000000UL, SIGSEGV);
	return 0;
}

/*
 * Memory running out, under Linux's heuristic overcommit (what the kernel
 * promises: apps/usertests/t_vm.c), both ways it shows: a private
 * writable mmap larger than all of RAM is refused with -ENOMEM at once;
 * a process that maps 16 MiB at a time (each far below RAM, so granted)
 * and touches every page dies of SIGKILL at the fault that finds no
 * frame, and the suite goes on. Touching costs time in proportion to the
 * memory touched, so the child runs under an RLIMIT_AS of 1 GiB: up to
 * 1 GiB of guest memory (the default 512 MiB, and the 128 MiB of the
 * smallest) memory runs out first and the kill is tested; on guests of
 * gigabytes RLIMIT_AS answers -ENOMEM first, after the same work. An
 * eager kernel refuses an mmap once memory is full instead of killing
 * (EXIT_REFUSED): that fails here.
 */
#define EXHAUST_AS    (1L << 30)
#define CHUNK         (16L << 20)
#define EXIT_BY_LIMIT 3              /* the child's status when RLIMIT_AS said no */
#define EXIT_REFUSED  4              /* ... when mmap said no with memory full */

#ifdef __x86_64__
/* Map and touch memory until something stops us: a SIGKILL, expected. */
static void exhaust(const struct path *P, void *arg)
{
	struct rlimit as = { EXHAUST_AS, EXHAUST_AS };
	struct trapdoor_stats st;
	long r;

	CALL2(P, SYS_setrlimit, RLIMIT_AS, &as);
	while ((r = P->call(SYS_mmap, 0, CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) > 0)
		for (long off = 0; off < CHUNK; off += PAGE)
			((volatile char *)r)[off] = 1;
	if (r != -ENOMEM)
		CALL1(P, SYS_exit, 1);
	/* Too few frames for one more chunk (and the kernel's reserve):
	 * memory ran out; with more left, it was the limit. */
	CALL1(P, SYS_trapdoor_stats, &st);
	CALL1(P, SYS_exit, st.free_frames >= CHUNK / PAGE + 512 ? EXIT_BY_LIMIT : EXIT_REFUSED);
}

int case_memory_exhaustion(const struct path *P, struct transcript *t)
{
	struct trapdoor_stats before, after;
	struct sysinfo si;

	/* All free memory is the other suites' too when they run at the same
	 * time (/bin/stress): the toucher would starve them. */
	if (concurrent_run()) {
		note(t, "skipped: other suites run concurrently (it takes all free memory)");
		return 0;
	}
	EXPECT(t, P, CALL1(P, SYS_sysinfo, &si) == 0);
	unsigned long ram = si.totalram * (si.mem_unit ? si.mem_unit : 1);
	long r = P->call(SYS_mmap, 0, (ram + (64L << 20)) & ~(PAGE - 1), PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(t, P, r == -ENOMEM);
	/* A first round may leave kernel stacks in the kernel's cache (kept,
	 * not leaked); the second must give every frame back. */
	run_child(exhaust, P, 0);
	trapdoor_stats(&before);
	int status = run_child(exhaust, P, 0);
	trapdoor_stats(&after);
	int killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
	int limited = ram > EXHAUST_AS && status == (EXIT_BY_LIMIT << 8);
	EXPECT(t, P, killed || limited);
	/* Everything the child took came back. */
	EXPECT(t, P, after.free_frames == before.free_frames);
	const char *why = killed ? "SIGKILL" : limited ? "RLIMIT_AS" :
			  status == (EXIT_REFUSED << 8) ? "ENOMEM with memory full (not killed)" : "?";
	printf("# memory_exhaustion [%s]: the toucher stopped by %s\n", P->name, why);
	note(t, "refused: %s; toucher stopped by %s, frames back: %d", r == -ENOMEM ? "ENOMEM" : "no", why,
	     after.free_frames == before.free_frames);
	return 0;
}
#endif
