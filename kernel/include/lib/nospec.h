/*
 * nospec.h - bounds that hold under speculation (Spectre v1). An index a
 * user chose is forced into range by flag arithmetic, not by a branch the
 * CPU could mispredict, before it addresses an array; the ordinary bounds
 * check still decides what the call does.
 */
#ifndef LIB_NOSPEC_H
#define LIB_NOSPEC_H

#include <stdint.h>

/* min(i, n), for a table with a sentinel entry at [n] (the system calls). */
static inline uint64_t clamp_nospec(uint64_t i, uint64_t n)
{
	__asm__("cmpq %1, %0\n\tcmovaeq %1, %0" : "+r"(i) : "r"(n) : "cc");
	return i;
}

/* i when i < n, else 0, for an array of exactly n entries: cmp sets the
 * carry when i < n, and sbb turns it into an all-ones mask. */
static inline uint64_t index_nospec(uint64_t i, uint64_t n)
{
	uint64_t mask;

	__asm__("cmpq %2, %1\n\tsbbq %0, %0" : "=r"(mask) : "r"(i), "r"(n) : "cc");
	return i & mask;
}

#endif
