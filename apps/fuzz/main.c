/*
 * fuzz - the in-guest system-call fuzzer (fuzz.h; docs/fuzzing.md). Run
 * as init by scripts/test.sh (init=/bin/fuzz); prints `ok N - fuzz: ...`
 * lines, a summary and `N passed, N failed`, and exits non-zero on any
 * failure.
 *
 *   fuzz                      stage 1, then stage 2: 200,000 calls, seeds 1, 2, 3, random
 *   fuzz --long               the same with 1,000,000 calls in stage 2
 *   fuzz --stage1             stage 1 only
 *   fuzz --vm [--seed S [--batch B] [--trace]]
 *                             stage 3 only: mapping sequences with touches (vmseq.c),
 *                             VM_BATCHES batches of VM_OPS per seed
 *   fuzz --seed S [--calls N] [--batch B] [--trace]
 *                             stage 2 with seed S only: N calls (default 50,000),
 *                             or only batch B; --trace names each call on the
 *                             console before making it (and its result after)
 *   fuzz ... --stats          also stage 2's calls and successes per system call
 *
 * With TRAPDOOR_CONCURRENT set (apps/common/concurrent.h; /bin/stress) other
 * suites run meanwhile: no leak check per child (the driver's, around the
 * whole run) and no batch that takes all memory or every process slot.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mount.h>
#include <time.h>
#include <unistd.h>

#include "concurrent.h"
#include "fuzz.h"

#define DEFAULT_CALLS  200000             /* stage 2, over the four seeds */
#define LONG_CALLS     1000000
#define BATCH_LIMIT_MS 20000             /* a batch takes 0.1 s, 2-5 s when it squeezes */
#define VM_BATCHES     16                /* stage 3: batches per seed ... */
#define VM_OPS         400               /* ... of this many operations */

const struct path paths[2] = {          /* libc's two x86-64 paths (LIBC_ENTRIES, sys/entry.h) */
#define PATH_ROW(path, word, call) { #path, call },
	LIBC_ENTRIES(PATH_ROW)
#undef PATH_ROW
};
struct stats ST;

static int tap_no, tap_failed, show_stats;

static void tap(int ok, const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	say("%sok %d - fuzz: %s", ok ? "" : "not ", ++tap_no, text);
	tap_failed += !ok;
}

static uint64_t now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A seed nobody chose: AT_RANDOM's bytes and the time stamp counter. */
static uint64_t random_seed(void)
{
	const uint64_t *r = (const uint64_t *)getauxval(AT_RANDOM);
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	uint64_t s = (r ? r[0] ^ r[1] : 0) ^ ((uint64_t)hi << 32 | lo);
	return rnd(&s);
}

/* Stage 2 with one seed: `calls` calls in batches, or only batch `only`. */
static void run_seed(uint64_t seed, uint64_t calls, int only)
{
	int nb = (calls + BATCH_CALLS - 1) / BATCH_CALLS;
	char label[128];
	struct outcome o;

	for (int i = 0; i < nb; i++) {
		if (only >= 0 && i != only)
			continue;
		struct batch b = { seed, i, i % 2, 0, trace_console, show_stats };
		b.calls = calls - (uint64_t)i * BATCH_CALLS < BATCH_CALLS ? calls - (uint64_t)i * BATCH_CALLS : BATCH_CALLS;
		snprintf(label, sizeof(label), "stage 2 seed 0x%lx batch %d [%s]", (unsigned long)seed, i,
			 paths[b.path].name);
		say("# %s", label);                      /* first: a panic's log names the batch */
		int fails = guarded(label, stage2_batch, &b, BATCH_LIMIT_MS, &b.trace, &o);
		ST.calls[1][b.path] += b.calls;
		ST.failures[1][b.path] += o.failures;
		if (fails)
			say("#   replay: fuzz --seed 0x%lx --batch %d --trace", (unsigned long)seed, i);
	}
}

/* Stage 3 with one seed: VM_BATCHES batches, or only batch `only`. */
static void run_vm_seed(uint64_t seed, int only)
{
	char label[128];
	struct outcome o;

	for (int i = 0; i < VM_BATCHES; i++) {
		if (only >= 0 && i != only)
			continue;
		struct batch b = { seed, i, i % 2, VM_OPS, trace_console, 0 };
		snprintf(label, sizeof(label), "stage 3 seed 0x%lx batch %d [%s]", (unsigned long)seed, i,
			 paths[b.path].name);
		say("# %s", label);
		int fails = guarded(label, vmseq_batch, &b, BATCH_LIMIT_MS, &b.trace, &o);
		ST.vm_ops[b.path] += b.calls;
		ST.vm_failures[b.path] += o.failures;
		if (fails)
			say("#   replay: fuzz --vm --seed 0x%lx --batch %d --trace", (unsigned long)seed, i);
	}
}

int main(int argc, char **argv)
{
	uint64_t seed = 0, calls = 0, total = DEFAULT_CALLS;
	int only = -1, one_seed = 0, stage1_only = 0, vm_only = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--long") == 0)
			total = LONG_CALLS;
		else if (strcmp(argv[i], "--stage1") == 0)
			stage1_only = 1;
		else if (strcmp(argv[i], "--vm") == 0)
			vm_only = 1;
		else if (strcmp(argv[i], "--trace") == 0)
			trace_console = 1;
		else if (strcmp(argv[i], "--stats") == 0)
			show_stats = 1;
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			seed = strtoull(argv[++i], 0, 0), one_seed = 1;
		else if (strcmp(argv[i], "--calls") == 0 && i + 1 < argc)
			calls = strtoull(argv[++i], 0, 0);
		else if (strcmp(argv[i], "--batch") == 0 && i + 1 < argc)
			only = atoi(argv[++i]);
		else {
			say("usage: fuzz [--long | --stage1 | [--vm] --seed S [--calls N] [--batch B] [--trace]] [--stats]");
			return 2;
		}
	}

	say("fuzz: system-call fuzzer: %d calls in kernel/syscalls.tbl, numbers up to %d; libc uses %s",
	    nsysc, NR_MAX, libc_entry_name());
	for (int i = 0; i < nsysc; i++)
		if (!(sysc[i].spec = spec_for(sysc[i].name)))
			say("# fuzz: no argument types for %s: stage 1 only (add a line to apps/fuzz/spec.c)",
			    sysc[i].name);
	/* As init, nobody mounted /proc: the batches read it (pools.c). */
	if (access("/proc/self", F_OK) < 0 && mount("proc", "/proc", "proc", 0, 0) < 0)
		say("# fuzz: cannot mount /proc: %s", strerror(errno));
	if ((concurrent = concurrent_run()))
		say("%s", CONCURRENT_NOTE);
	if (runner_init() < 0) {
		say("fuzz: cannot make the report pipe");
		return 1;
	}
	uint64_t start = now_ms();

	if (!one_seed && !vm_only) {
		for (int p = 0; p < 2; p++) {
			int f = stage1(p);
			tap(f == 0, "stage 1 (%s): numbers 0..%d and wide ones x 3 argument sets, "
			    "-ENOSYS exactly where the kernel has no call", paths[p].name, NR_MAX + 16);
		}
	}
	if (!stage1_only && !vm_only) {
		if (one_seed) {
			say("fuzz: seed 0x%lx", (unsigned long)seed);
			run_seed(seed, calls ? calls : total / 4, only);
		} else {
			uint64_t seeds[4] = { 1, 2, 3, random_seed() };
			say("fuzz: seed 0x%lx (random; replay: fuzz --seed 0x%lx)", (unsigned long)seeds[3],
			    (unsigned long)seeds[3]);
			for (int s = 0; s < 4; s++)
				run_seed(seeds[s], total / 4, -1);
		}
		for (int p = 0; p < 2; p++)
			tap(ST.failures[1][p] == 0, "stage 2 (%s): %lu random calls, every result in range",
			    paths[p].name, (unsigned long)ST.calls[1][p]);
	}
	if (!stage1_only && (vm_only || !one_seed)) {
		if (one_seed) {
			run_vm_seed(seed, only);
		} else {
			uint64_t seeds[4] = { 1, 2, 3, random_seed() };
			for (int s = 0; s < 4; s++)
				run_vm_seed(seeds[s], -1);
		}
		for (int p = 0; p < 2; p++)
			tap(ST.vm_failures[p] == 0, "stage 3 (%s): %lu mapping operations and touches, "
			    "each as Linux's model says", paths[p].name, (unsigned long)ST.vm_ops[p]);
	}
	for (int i = 0; show_stats && i < nsysc && i < 128; i++)
		if (ST.made[i])
			say("# fuzz: %-16s %7lu calls, %7lu succeeded (%lu%%)", sysc[i].name,
			    (unsigned long)ST.made[i], (unsigned long)ST.ok[i],
			    (unsigned long)(100 * ST.ok[i] / ST.made[i]));
	tap(ST.leaks == 0, "free frames, open files and processes back to the baseline after every child%s",
	    concurrent ? " (concurrent: left to the stress driver)" : "");
	tap(ST.deaths == 0, "no child died or hung unexpectedly");

	uint64_t ms = now_ms() - start, all = 0, failures = 0;
	for (int s = 0; s < 2; s++)
		for (int p = 0; p < 2; p++)
			all += ST.calls[s][p], failures += ST.failures[s][p];
	failures += ST.leaks + ST.deaths + ST.vm_failures[0] + ST.vm_failures[1];
	say("# fuzz: stage 1: %lu calls (int80 %lu, syscall %lu); stage 2: %lu calls (int80 %lu, syscall %lu)",
	    (unsigned long)(ST.calls[0][0] + ST.calls[0][1]), (unsigned long)ST.calls[0][0],
	    (unsigned long)ST.calls[0][1], (unsigned long)(ST.calls[1][0] + ST.calls[1][1]),
	    (unsigned long)ST.calls[1][0], (unsigned long)ST.calls[1][1]);
	say("# fuzz: stage 3: %lu mapping operations and touches (int80 %lu, syscall %lu), %lu failures",
	    (unsigned long)(ST.vm_ops[0] + ST.vm_ops[1]), (unsigned long)ST.vm_ops[0],
	    (unsigned long)ST.vm_ops[1], (unsigned long)(ST.vm_failures[0] + ST.vm_failures[1]));
	say("# fuzz: %d batch(es) that took all memory were ended by the kernel's out-of-memory kill (expected)",
	    ST.oom_kills);
	say("# fuzz: the kernel heap's high-water mark grew by %lu frames (each time, the same calls again took none)",
	    (unsigned long)ST.heap_growth);
	say("# fuzz: %lu calls in %lu.%01lu s (%lu calls/minute); %lu failures", (unsigned long)all,
	    (unsigned long)(ms / 1000), (unsigned long)(ms % 1000 / 100),
	    (unsigned long)(ms ? all * 60000 / ms : 0), (unsigned long)failures);
	say("%d passed, %d failed", tap_no - tap_failed, tap_failed);
	return tap_failed ? 1 : 0;
}
