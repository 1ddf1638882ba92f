/*
 * trapbench - what one system call costs, per entry path.
 *
 * Each sample is rdtsc-to-rdtsc around one call: `lfence; rdtsc` before,
 * `rdtscp; lfence` after, so the call cannot drift out of the window.
 * After WARMUP calls, SAMPLES samples per case give min, median, p99 and a
 * 32-bin histogram in TSC ticks (under QEMU -icount shift=0, one tick is
 * one guest instruction). One line per case on the console:
 *
 *   BENCH {"kernel": "this", "path": "syscall", "call": "getpid", ...}
 *
 * Calls: getpid (the null call), clock_gettime, and read of one byte from
 * /dev/zero and write of one byte to /dev/null (the cheapest I/O).
 * Paths: int80 (int $0x80), syscall, vdso (libc's clock_gettime, which
 * needs no kernel entry when there is a vDSO), vsyscall (gettimeofday and
 * time through the legacy page at 0xffffffffff600000, emulated on its page
 * fault; skipped where calling it faults, as on Linux without
 * vsyscall=xonly) and none (the empty measurement: what the timer itself
 * costs). The same source builds as a
 * static Linux program (os.h), where int80 means Linux's i386 entry.
 * Built -m32 it is trapbench32 (calls32.h): the 32-bit entries instead.
 * Last, the 64-bit program times the cases whose cost grows with the
 * process (fork, exec, page faults, large mmap) at several resident sizes,
 * with fewer samples: grow.h. Then the other traps (signals, an
 * exception, two processes switching, file calls on a RAM file): traps.h.
 * Last the cases that need threads on several CPUs: smp.h (`trapbench smp`
 * runs those alone).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "os.h"
#include "tsc.h"
#include "vendor.h"

#define SAMPLES 10000
#define WARMUP 1000
#define BINS 32

#ifdef __i386__
#include "calls32.h"
#else
/* What a case needs beyond the kernel entry itself. */
#define NEED_VDSO 1
#define NEED_VSYSCALL 2              /* a usable vsyscall page: probed when first needed */

/* The calls, each with no more code than its mechanism needs. int $0x80
 * gets i386-style arguments too (ebx, ecx), which is what Linux's entry
 * reads; trapdoor's reads rdi, rsi, so both are loaded. The timespec
 * lives in .bss, below 4 GiB, as a 32-bit entry needs. */
static struct timespec ts;

static void call_none(void) {}

static void call_getpid_int80(void)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(NR_GETPID_INT80) : "memory");
}

static void call_getpid_syscall(void)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(NR_GETPID_SYSCALL) : "rcx", "r11", "memory");
}

static void call_clock_int80(void)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r)
			 : "a"(NR_CLOCK_INT80), "b"(CLOCK_MONOTONIC), "c"(&ts), "D"(CLOCK_MONOTONIC), "S"(&ts)
			 : "memory");
}

static void call_clock_syscall(void)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(NR_CLOCK_SYSCALL), "D"(CLOCK_MONOTONIC), "S"(&ts)
			 : "rcx", "r11", "memory");
}

static void call_clock_vdso(void) { clock_gettime(CLOCK_MONOTONIC, &ts); }

/* One byte from /dev/zero, one byte to /dev/null: the cheapest I/O there is. */
static int zero_fd, null_fd;
static char byte;

/* Three-argument calls: int $0x80 gets them in both register sets (ebx ecx
 * edx for Linux's i386 entry, rdi rsi rdx for trapdoor's). */
static inline long int80_3(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c), "D"(a), "S"(b) : "memory");
	return r;
}

static inline long syscall_3(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(nr), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
	return r;
}

/* A call into the vsyscall page: `call *%rax` to the entry, arguments in
 * rdi and rsi, from below the red zone (the call pushes its return address). */
static inline void vsyscall_2(uint64_t entry, long a, long b)
{
	__asm__ volatile("sub $128, %%rsp\n\tcall *%%rax\n\tadd $128, %%rsp"
			 : "+a"(entry), "+D"(a), "+S"(b) : : "rcx", "rdx", "r8", "r9", "r10", "r11", "memory");
}

#define VSYSCALL_PAGE 0xffffffffff600000UL  /* gettimeofday at +0, time at +0x400 */
static long tv[2];                           /* a struct timeval */
static void call_gettimeofday_vsyscall(void) { vsyscall_2(VSYSCALL_PAGE, (long)tv, 0); }
static void call_time_vsyscall(void) { vsyscall_2(VSYSCALL_PAGE + 0x400, 0, 0); }

/* Does a call into the vsyscall page answer here? Tried once, in a child,
 * which a SIGSEGV ends alone. */
static int vsyscall_usable(void)
{
	static int known = -1;
	int status;

	if (known < 0) {
		pid_t pid = fork();
		if (pid == 0) {
			call_time_vsyscall();
			_exit(0);
		}
		known = pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
		if (!known)
			printf("trapbench: calling the vsyscall page faults here (Linux: boot with vsyscall=xonly); "
			       "its cases are skipped\n");
	}
	return known;
}

static void call_read_int80(void) { int80_3(NR_READ_INT80, zero_fd, (long)&byte, 1); }
static void call_read_syscall(void) { syscall_3(NR_READ_SYSCALL, zero_fd, (long)&byte, 1); }
static void call_write_int80(void) { int80_3(NR_WRITE_INT80, null_fd, (long)&byte, 1); }
static void call_write_syscall(void) { syscall_3(NR_WRITE_SYSCALL, null_fd, (long)&byte, 1); }

static const struct bench {
	const char *path, *call;
	void (*fn)(void);
	unsigned needs;                  /* NEED_* bits */
} benches[] = {
	{ "none", "empty", call_none, 0 },
	{ "int80", "getpid", call_getpid_int80, 0 },
	{ "syscall", "getpid", call_getpid_syscall, 0 },
	{ "int80", "clock_gettime", call_clock_int80, 0 },
	{ "syscall", "clock_gettime", call_clock_syscall, 0 },
	{ "vdso", "clock_gettime", call_clock_vdso, NEED_VDSO },
	{ "int80", "read", call_read_int80, 0 },
	{ "syscall", "read", call_read_syscall, 0 },
	{ "int80", "write", call_write_int80, 0 },
	{ "syscall", "write", call_write_syscall, 0 },
	{ "vsyscall", "gettimeofday", call_gettimeofday_vsyscall, NEED_VSYSCALL },
	{ "vsyscall", "time", call_time_vsyscall, NEED_VSYSCALL },
};

/* (The vsyscall page is probed by run() when a case first needs it.) */
static unsigned os_offers(void) { return (os_has_vdso() ? NEED_VDSO : 0) | NEED_VSYSCALL; }
#endif

static uint64_t samples[SAMPLES];

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Every BENCH line names the CPU vendor the guest sees (vendor.h). */
static char vendor[13];
static uint64_t tsc_hz;

/* Sort the n samples s[] of one case and print its BENCH line; rss_kib < 0
 * and cpus < 0 leave those optional keys out (the cases that do not depend
 * on size, or on CPUs). */
static void report_cpus_rss(const char *path, const char *call, long rss_kib, int cpus, uint64_t *s, int n)
{
	unsigned long hist[BINS] = { 0 };
	char rss[80] = "";

	qsort(s, n, sizeof(s[0]), cmp_u64);
	uint64_t min = s[0], med = s[n / 2], p99 = s[n * 99 / 100];
	uint64_t width = (p99 - min) / BINS + 1;        /* bins cover [min, p99]; the last takes the rest */
	for (int i = 0; i < n; i++) {
		uint64_t bin = (s[i] - min) / width;
		hist[bin < BINS ? bin : BINS - 1]++;
	}
	if (rss_kib >= 0)
		snprintf(rss, sizeof(rss), "\"rss_kib\": %ld, ", rss_kib);
	if (cpus >= 0)
		snprintf(rss, sizeof(rss), "\"cpus\": %d, ", cpus);
	printf("BENCH {\"kernel\": \"%s\", \"path\": \"%s\", \"call\": \"%s\", \"guest_vendor\": \"%s\", %s\"samples\": %d, "
	       "\"min\": %lu, \"median\": %lu, \"p99\": %lu, \"unit\": \"tsc\", \"ns_median\": %lu, "
	       "\"tsc_hz\": %lu, \"hist_lo\": %lu, \"hist_width\": %lu, \"hist\": [",
	       OS_KERNEL, path, call, vendor, rss, n, (unsigned long)min, (unsigned long)med,
	       (unsigned long)p99, (unsigned long)(tsc_hz ? med * 1000000000ULL / tsc_hz : 0),
	       (unsigned long)tsc_hz, (unsigned long)min, (unsigned long)width);
	for (int i = 0; i < BINS; i++)
		printf("%s%lu", i ? ", " : "", hist[i]);
	printf("]}\n");
	fflush(stdout);
}

static void report(const char *path, const char *call, long rss_kib, uint64_t *s, int n)
{
	report_cpus_rss(path, call, rss_kib, -1, s, n);
}

/* The same for a case run with cpus CPUs busy (smp.h). */
static __attribute__((unused)) void report_cpus(const char *path, const char *call, int cpus, uint64_t *s, int n)
{
	report_cpus_rss(path, call, -1, cpus, s, n);
}

/* Measure one call-per-sample case and print its BENCH line. */
static void run(const struct bench *b)
{
#ifdef NEED_VSYSCALL
	if ((b->needs & NEED_VSYSCALL) && !vsyscall_usable())
		return;
#endif
	for (int i = 0; i < WARMUP; i++)
		b->fn();
	for (int i = 0; i < SAMPLES; i++) {
		uint64_t t0 = tsc_begin();
		b->fn();
		samples[i] = tsc_end() - t0;
	}
	report(b->path, b->call, -1, samples, SAMPLES);
}

#ifdef __x86_64__
#include "grow.h"
#include "traps.h"
#include "smp.h"
#endif

#ifdef __x86_64__
/* After its own cases the 64-bit program runs the 32-bit one (the same
 * source built -m32), when the system has it, and waits for it: its BENCH
 * lines join the same log. */
static void run_trapbench32(void)
{
	char *argv[] = { OS_TRAPBENCH32, NULL }, *envp[] = { NULL };
	int status;

	if (access(OS_TRAPBENCH32, X_OK) != 0)
		return;                              /* not built: 64-bit figures only */
	printf("trapbench: running %s\n", OS_TRAPBENCH32);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		execve(OS_TRAPBENCH32, argv, envp);
		printf("trapbench: cannot run %s\n", OS_TRAPBENCH32);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		printf("trapbench: %s failed\n", OS_TRAPBENCH32);
}
#endif

int main(int argc, char **argv)
{
#ifdef __x86_64__
	int smp_only = argc > 1 && strcmp(argv[1], "smp") == 0;   /* `trapbench smp`: the SMP cases alone */
#else
	int smp_only = 0;
	(void)argc, (void)argv;
#endif
	os_init();
	cpu_vendor(vendor);
	zero_fd = open("/dev/zero", O_RDONLY);
	null_fd = open("/dev/null", O_WRONLY);
	if (zero_fd < 0 || null_fd < 0) {
		printf("trapbench: cannot open /dev/zero or /dev/null\n");
		return 1;
	}
	uint64_t hz = tsc_hz = os_tsc_hz();
	int vdso = os_has_vdso();
	unsigned have = os_offers();

	printf("trapbench: kernel %s, %d samples per case, TSC %lu Hz, vDSO %s\n",
	       OS_KERNEL, SAMPLES, (unsigned long)hz, vdso ? "yes" : "no");
	for (unsigned i = 0; i < sizeof(benches) / sizeof(benches[0]) && !smp_only; i++)
		if ((benches[i].needs & ~have) == 0)
			run(&benches[i]);
#ifdef __x86_64__
	if (!smp_only) {
		run_trapbench32();
		run_grow();
		run_traps();
	}
	run_smp();
	if (!smp_only)
		os_kernel_benches();
#endif
	printf("trapbench: done\n");
	fflush(stdout);
	os_done();
	return 0;
}
