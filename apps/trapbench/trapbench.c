/*
 * trapbench - what one system call costs, per entry path.
 *
 * Each sample is rdtsc-to-rdtsc around one call: lfence; rdtsc before,
 * rdtscp; lfence after, so the call cannot drift out of the window. After
 * a warm-up, SAMPLES samples per case give min, median and p99 in TSC
 * ticks (under QEMU -icount shift=0 a tick is one guest instruction). One
 * line per case:  BENCH {"path": ..., "call": ..., "samples": ..., ...}
 *
 * Cases: the empty measurement (path "none": the timer's own cost), and
 * getpid, the null call, through int $0x80 and through syscall.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/entry.h>
#include <sys/syscall.h>

#define SAMPLES 10000
#define WARMUP 1000

static inline uint64_t tsc_begin(void)
{
	uint32_t lo, hi;
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

static inline uint64_t tsc_end(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtscp; lfence" : "=a"(lo), "=d"(hi) : : "rcx", "memory");
	return (uint64_t)hi << 32 | lo;
}

/* The calls, each as little code as the mechanism needs. */
static void call_none(void) {}
static void call_getpid_int80(void)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(SYS_getpid) : "memory");
}
static void call_getpid_syscall(void)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(SYS_getpid) : "rcx", "r11", "memory");
}

static const struct bench {
	const char *path, *call;
	void (*fn)(void);
} benches[] = {
	{ "none", "empty", call_none },
	{ "int80", "getpid", call_getpid_int80 },
	{ "syscall", "getpid", call_getpid_syscall },
};

static uint64_t samples[SAMPLES];

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void run(const struct bench *b, uint64_t tsc_hz)
{
	for (int i = 0; i < WARMUP; i++)
		b->fn();
	for (int i = 0; i < SAMPLES; i++) {
		uint64_t t0 = tsc_begin();
		b->fn();
		samples[i] = tsc_end() - t0;
	}
	qsort(samples, SAMPLES, sizeof(samples[0]), cmp_u64);
	uint64_t med = samples[SAMPLES / 2];
	printf("BENCH {\"path\": \"%s\", \"call\": \"%s\", \"samples\": %d, \"min\": %lu, "
	       "\"median\": %lu, \"p99\": %lu, \"unit\": \"tsc\", \"ns_median\": %lu}\n",
	       b->path, b->call, SAMPLES, samples[0], med, samples[SAMPLES * 99 / 100],
	       tsc_hz ? med * 1000000000UL / tsc_hz : 0);
}

int main(void)
{
	struct trapdoor_stats st = { 0 };

	trapdoor_stats(&st);
	printf("trapbench: %d samples per case, TSC %lu Hz\n", SAMPLES, st.tsc_hz);
	for (unsigned i = 0; i < sizeof(benches) / sizeof(benches[0]); i++)
		run(&benches[i], st.tsc_hz);
	return 0;
}
