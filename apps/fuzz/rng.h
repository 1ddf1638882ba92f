/*
 * rng.h - what the fuzzer and its host stand-in (host/fuzz.h) share: an
 * entry path, and the batch's random numbers (splitmix64, one state per
 * batch, so a seed and a batch number make the same calls again).
 */
#ifndef FUZZ_RNG_H
#define FUZZ_RNG_H

#include <stdint.h>

/* One entry mechanism. */
struct path {
	const char *name;                      /* "int80" or "syscall" */
	long (*call)(long n, long a1, long a2, long a3, long a4, long a5, long a6);
};
extern const struct path paths[2];

/* --- random numbers: splitmix64, one state per batch ----------------------- */
static inline uint64_t rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}
static inline uint64_t below(uint64_t *s, uint64_t n) { return rnd(s) % n; }

#endif
