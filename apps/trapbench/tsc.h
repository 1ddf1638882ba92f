/* tsc.h - serialised TSC reads: the two ends of every trapbench sample. */
#ifndef TRAPBENCH_TSC_H
#define TRAPBENCH_TSC_H

#include <stdint.h>

/* Before the call: lfence keeps earlier instructions from drifting in. */
static inline uint64_t tsc_begin(void)
{
	uint32_t lo, hi;
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

/* After the call: rdtscp waits for it to finish, lfence for rdtscp. */
static inline uint64_t tsc_end(void)
{
	uint32_t lo, hi;
	uint32_t aux;                    /* rdtscp's IA32_TSC_AUX, unused */
	__asm__ volatile("rdtscp; lfence" : "=a"(lo), "=d"(hi), "=c"(aux) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

#endif
