/*
 * t_vsyscall.c - the legacy vsyscall page (VSYSCALL_ADDR, api/abi.h), as
 * Linux's vsyscall=xonly: its three entries answer as the system calls
 * do; other offsets, reads and writes, bad pointers and a bad stack give
 * SIGSEGV with Linux's si_code and si_addr; unhandled, they end only the
 * process (t_procfs.c checks that /proc/self/maps names the page).
 */
#include <string.h>

#include "usertests.h"

extern const char fault_read_at[], fault_read_resume[], fault_write_at[], fault_write_resume[];
void fault_read(const void *p);
void fault_write(void *p);

#define FAULTED (-999L)                  /* what a call the handler ended returns */

static volatile uint64_t ctx_rax, ctx_err, ctx_cr2;   /* end_call's context, as it came */

/* Call the page at addr with three arguments, as an old program would. */
static __attribute__((noinline)) long vcall(uint64_t addr, const void *a, const void *b, const void *c)
{
	long (*fn)(const void *, const void *, const void *) = (long (*)(const void *, const void *, const void *))addr;

	return fn(a, b, c);
}

/* Record the fault; a call into the page returns FAULTED to its caller (an
 * emulated `ret`), a read or write continues after the instruction. */
static void end_call(int sig, struct k_siginfo *info, void *uc)
{
	struct k_sigcontext *r = uc_regs(uc);

	record(sig, info, uc);
	ctx_rax = r->rax, ctx_err = r->err, ctx_cr2 = r->cr2;
	if ((r->rip & ~0xfffUL) == VSYSCALL_ADDR) {
		r->rip = *(uint64_t *)r->rsp;
		r->rsp += 8;
		r->rax = FAULTED;
	} else if (r->rip == (uint64_t)fault_read_at) {
		r->rip = (uint64_t)fault_read_resume;
	} else if (r->rip == (uint64_t)fault_write_at) {
		r->rip = (uint64_t)fault_write_resume;
	} else {
		sys_exit(99);                    /* a fault we did not plan */
	}
}

/* A call that must fault: SIGSEGV with this code and address, at the entry. */
static void expect_segv(uint64_t at, const void *a, const void *b, int code, uint64_t addr)
{
	seen_reset();
	EXPECT_EQ(vcall(at, a, b, 0), FAULTED);
	EXPECT_EQ(seen.hits, 1);
	EXPECT_EQ(seen.signo, SIGSEGV);
	EXPECT_EQ(seen.code, code);
	EXPECT(seen.addr == addr);
	EXPECT(seen.rip == at);
}

USERTEST(vsyscall_entries)
{
	struct timeval before, tv, after;
	struct timezone tz = { 1, 1 };
	int64_t t0, t, t1, tp = 0;
	unsigned cpu = 7, node = 7, cpu_sys = 9, node_sys = 9;
	struct trapdoor_stats s0 = stats_now();

	/* gettimeofday: between two system calls', to the microsecond. */
	EXPECT_EQ(sys_gettimeofday(&before, 0), 0);
	EXPECT_EQ(vcall(VSYSCALL_GETTIMEOFDAY, &tv, &tz, 0), 0);
	EXPECT_EQ(sys_gettimeofday(&after, 0), 0);
	EXPECT(tv.tv_sec * 1000000 + tv.tv_usec >= before.tv_sec * 1000000 + before.tv_usec);
	EXPECT(tv.tv_sec * 1000000 + tv.tv_usec <= after.tv_sec * 1000000 + after.tv_usec);
	EXPECT(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	EXPECT(tz.tz_minuteswest == 0 && tz.tz_dsttime == 0);
	EXPECT_EQ(vcall(VSYSCALL_GETTIMEOFDAY, 0, 0, 0), 0);     /* NULL: nothing written */
	/* time: the system call's, or one second on; with a pointer, both the same. */
	t0 = sys_time(0);
	t = vcall(VSYSCALL_TIME, 0, 0, 0);
	t1 = vcall(VSYSCALL_TIME, &tp, 0, 0);
	EXPECT(t == t0 || t == t0 + 1);
	EXPECT(t1 == tp && (t1 == t || t1 == t + 1));
	EXPECT(tv.tv_sec <= t);
	/* getcpu: the system call's CPU and node; NULLs are fine. (Pinned:
	 * on several CPUs the process may move between the two calls.) */
	pin_to_cpu0();
	EXPECT_EQ(RAW(SYS_getcpu, &cpu_sys, &node_sys, 0, 0, 0, 0), 0);
	EXPECT_EQ(vcall(VSYSCALL_GETCPU, &cpu, &node, 0), 0);
	EXPECT(cpu == cpu_sys && node == node_sys);
	EXPECT_EQ(vcall(VSYSCALL_GETCPU, 0, 0, 0), 0);
	/* Six calls, all emulated and counted. */
	if (counters_mine())
		EXPECT_EQ(stats_now().vsyscall_calls - s0.vsyscall_calls, 6);
	else                                     /* other suites' calls count too */
		EXPECT(stats_now().vsyscall_calls - s0.vsyscall_calls >= 6);
}

/* Every register but rax comes back as it was (the emulated call touches
 * nothing else), and rsp is past the return address. */
USERTEST(vsyscall_keeps_registers)
{
	uint64_t in[6] = { 0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666 }, out[6], rax;
	register uint64_t *o __asm__("r9") = out;

	/* Below the red zone, time(NULL) through the page between loading
	 * and saving six registers the call must not touch. */
	__asm__ volatile("sub $128, %%rsp\n\t"
			 "mov 0(%2), %%rbx\n\tmov 8(%2), %%rcx\n\tmov 16(%2), %%rdx\n\t"
			 "mov 24(%2), %%r8\n\tmov 32(%2), %%r11\n\tmov 40(%2), %%r15\n\t"
			 "xor %%edi, %%edi\n\tmov $0xffffffffff600400, %%rax\n\t"
			 "call *%%rax\n\t"
			 "mov %%rbx, 0(%1)\n\tmov %%rcx, 8(%1)\n\tmov %%rdx, 16(%1)\n\t"
			 "mov %%r8, 24(%1)\n\tmov %%r11, 32(%1)\n\tmov %%r15, 40(%1)\n\t"
			 "add $128, %%rsp"
			 : "=&a"(rax) : "r"(o), "S"(in)
			 : "rbx", "rcx", "rdx", "rdi", "r8", "r11", "r15", "memory");
	EXPECT(rax == (uint64_t)sys_time(0) || rax + 1 == (uint64_t)sys_time(0));
	EXPECT_EQ(memcmp(in, out, sizeof(in)), 0);
}

USERTEST(vsyscall_bad_pointers)
{
	struct timeval tv = { 5, 5 };
	unsigned cpu = 7;
	char *two = map_pages(2 * PAGE);
	struct trapdoor_stats s0 = stats_now();

	pin_to_cpu0();                                 /* getcpu writes 0 below */
	sigact(SIGSEGV, end_call, 0, 0);
	/* Outside the user half: SEGV_MAPERR at the pointer, as a user write
	 * there (err: write | user), nothing written. */
	expect_segv(VSYSCALL_GETTIMEOFDAY, (void *)KERNEL_ADDR, 0, SEGV_MAPERR, KERNEL_ADDR);
	EXPECT_EQ(ctx_err, 6);
	EXPECT(ctx_cr2 == KERNEL_ADDR);
	expect_segv(VSYSCALL_GETTIMEOFDAY, &tv, (void *)KERNEL_ADDR, SEGV_MAPERR, KERNEL_ADDR);
	EXPECT(tv.tv_sec == 5 && tv.tv_usec == 5);
	expect_segv(VSYSCALL_TIME, (void *)NONCANONICAL, 0, SEGV_MAPERR, NONCANONICAL);
	expect_segv(VSYSCALL_GETCPU, (void *)VSYSCALL_ADDR, 0, SEGV_MAPERR, VSYSCALL_ADDR);
	/* In the user half, where the write faults: SI_KERNEL, no address, and
	 * rax -ENOSYS (Linux 6.1 as Debian builds it). */
	expect_segv(VSYSCALL_GETTIMEOFDAY, (void *)UNMAPPED, 0, SI_KERNEL, 0);
	EXPECT_EQ(ctx_rax, -ENOSYS);
	expect_segv(VSYSCALL_GETTIMEOFDAY, ro_page, 0, SI_KERNEL, 0);
	expect_segv(VSYSCALL_TIME, (void *)16, 0, SI_KERNEL, 0);
	EXPECT_EQ(ctx_rax, -ENOSYS);
	expect_segv(VSYSCALL_GETCPU, &cpu, ro_page, SI_KERNEL, 0);
	EXPECT_EQ(cpu, 0);                                      /* the first was written */
	/* A timeval across the end of a mapping: the same. */
	EXPECT(two != 0 && sys_munmap((unsigned long)two + PAGE, PAGE) == 0);
	expect_segv(VSYSCALL_GETTIMEOFDAY, two + PAGE - 8, 0, SI_KERNEL, 0);
	if (counters_mine())
		EXPECT_EQ(stats_now().vsyscall_calls, s0.vsyscall_calls);  /* none completed */
	sigdfl(SIGSEGV);
}

USERTEST(vsyscall_other_offsets_fault)
{
	static const uint64_t offs[] = { 1, 0x10, 0x3ff, 0x401, 0x7ff, 0x801, 0xc00, 0xfff };
	struct trapdoor_stats s0 = stats_now();

	sigact(SIGSEGV, end_call, 0, 0);
	/* A jump anywhere but an entry: SI_KERNEL, no address. */
	for (unsigned i = 0; i < sizeof(offs) / sizeof(offs[0]); i++)
		expect_segv(VSYSCALL_ADDR + offs[i], 0, 0, SI_KERNEL, 0);
	/* Reads and writes of the page: the ordinary SEGV_MAPERR there; err
	 * says "protection" as for any kernel-half address (5 and 7). */
	for (uint64_t a = VSYSCALL_ADDR; a < VSYSCALL_ADDR + 0x1000; a += 0x400) {
		seen_reset();
		fault_read((void *)a);
		EXPECT(seen.hits == 1 && seen.code == SEGV_MAPERR && seen.addr == a);
		EXPECT(seen.rip == (uint64_t)fault_read_at);
		EXPECT(ctx_err == 5 && ctx_cr2 == a);
		seen_reset();
		fault_write((void *)a);
		EXPECT(seen.hits == 1 && seen.code == SEGV_MAPERR && seen.addr == a);
		EXPECT(ctx_err == 7 && ctx_cr2 == a);
	}
	if (counters_mine())
		EXPECT_EQ(stats_now().vsyscall_calls, s0.vsyscall_calls);
	sigdfl(SIGSEGV);
}

static const uint64_t alt_size = 4 * PAGE;

/* On the alternate stack: exit 42 for SIGSEGV, SI_KERNEL, at VSYSCALL_TIME. */
static void exit_if_si_kernel(int sig, struct k_siginfo *info, void *uc)
{
	sys_exit(sig == SIGSEGV && info->si_code == SI_KERNEL && uc_regs(uc)->rip == VSYSCALL_TIME ? 42 : 1);
}

/* Call the page with rsp on nothing: no return address to read. */
static void bad_stack(void *with_handler)
{
	if (with_handler) {
		struct k_stack ss = { (uint64_t)map_pages(alt_size), 0, 0, alt_size };
		sys_sigaltstack(&ss, 0);
		sigact(SIGSEGV, exit_if_si_kernel, SA_ONSTACK, 0);
	}
	__asm__ volatile("mov %0, %%rsp\n\tjmp *%1" : : "r"(UNMAPPED), "r"(VSYSCALL_TIME) : "memory");
}

/* Call time(NULL) through the page with ret as the return address. */
static void bad_return(void *ret)
{
	__asm__ volatile("push %0\n\tjmp *%1" : : "r"(ret), "r"(VSYSCALL_TIME), "D"(0) : "memory");
}

static void call_at(void *addr) { vcall((uint64_t)addr, 0, 0, 0); }
static void call_bad_pointer(void *addr) { vcall(VSYSCALL_GETTIMEOFDAY, addr, 0, 0); }
static void read_page(void *unused) { fault_read((void *)VSYSCALL_ADDR); }

USERTEST(vsyscall_unhandled_ends_process)
{
	struct timeval tv;

	EXPECT_EQ(run_child(call_at, (void *)(VSYSCALL_ADDR + 0x10)), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(run_child(call_at, (void *)(VSYSCALL_ADDR + 0xc00)), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(run_child(call_bad_pointer, (void *)KERNEL_ADDR), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(run_child(call_bad_pointer, (void *)UNMAPPED), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(run_child(read_page, 0), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(run_child(bad_stack, 0), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(run_child(bad_stack, (void *)1), STATUS_EXIT(42));
	/* A return address the emulated ret cannot go to faults there. */
	EXPECT_EQ(run_child(bad_return, (void *)NONCANONICAL), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(run_child(bad_return, (void *)KERNEL_ADDR), STATUS_SIG(SIGSEGV));
	/* ... and the page still works for the rest. */
	EXPECT_EQ(vcall(VSYSCALL_GETTIMEOFDAY, &tv, 0, 0), 0);
}

/* Random jumps into the page with random arguments, as the fuzzer might
 * make: each ends in an answer or a SIGSEGV, never worse. */
USERTEST(vsyscall_random_jumps)
{
	static char buf[64];
	const void *args[] = { 0, buf, ro_page, (void *)UNMAPPED, (void *)KERNEL_ADDR,
			       (void *)NONCANONICAL, (void *)VSYSCALL_ADDR, (void *)16 };
	uint64_t x = 0x2545f4914f6cdd1dULL;
	int answered = 0, faulted = 0;

	sigact(SIGSEGV, end_call, 0, 0);
	for (int i = 0; i < 300; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		/* Half of them at an entry, the rest anywhere in the page. */
		uint64_t off = (x & 1) ? (x >> 8) % 3 * 0x400 : (x >> 8) & 0xfff;
		seen_reset();
		long r = vcall(VSYSCALL_ADDR + off, args[(x >> 24) & 7], args[(x >> 28) & 7], args[(x >> 32) & 7]);
		if (seen.hits == 0)
			answered++;
		else if (seen.hits == 1 && r == FAULTED && seen.signo == SIGSEGV)
			faulted++;
	}
	note("answered %d faulted %d\n", answered, faulted);
	EXPECT_EQ(answered + faulted, 300);
	EXPECT(answered > 0 && faulted > 0);
	sigdfl(SIGSEGV);
}

/* getcpu's sources agree, as on Linux: the system call, the CPUNODE
 * segment the vDSO's getcpu reads (`lsl` on selector 0x7b: node << 12 |
 * cpu), and rdtscp's TSC_AUX where the CPU has rdtscp; node 0. (Pinned to
 * CPU 0 first, so nothing moves the test between the reads.) */
USERTEST(getcpu_sources_agree)
{
	unsigned cpu = 99, node = 99, seg, aux, r[4];
	uint32_t lo, hi;

	pin_to_cpu0();                                 /* so that every source reads the same CPU */
	EXPECT_EQ(RAW(SYS_getcpu, &cpu, &node, 0, 0, 0, 0), 0);
	EXPECT_EQ(node, 0);
	__asm__ volatile("lsl %1, %0" : "=r"(seg) : "r"(0x7bu));
	EXPECT_EQ(seg & 0xfff, cpu);
	EXPECT_EQ(seg >> 12, node);
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(0x80000001u), "c"(0));
	if (r[3] >> 27 & 1) {
		__asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(aux));
		EXPECT_EQ(aux, cpu);
	}
}
