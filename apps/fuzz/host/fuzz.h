/*
 * host/fuzz.h - what vmseq.c needs of fuzz.h, for a build on the host's
 * Linux (scripts/tests/test_vmseq_linux.sh): the calls go to the host's
 * kernel, so stage 3's model is checked against Linux itself. No frame
 * counts on the host: trapdoor_stats says 0 free frames, before and after.
 */
#ifndef FUZZ_HOST_H
#define FUZZ_HOST_H

#include <stdint.h>
#include <sys/syscall.h>

#include "api/signal.h"

#define PAGE 4096UL
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MREMAP_MAYMOVE
#define MREMAP_MAYMOVE 1
#define MREMAP_FIXED   2
#endif

struct path {
	const char *name;
	long (*call)(long n, long a1, long a2, long a3, long a4, long a5, long a6);
};
extern const struct path paths[2];

static inline uint64_t rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}
static inline uint64_t below(uint64_t *s, uint64_t n) { return rnd(s) % n; }

struct batch {
	uint64_t seed;
	int index, path, calls, trace, stats;
};
void report(char tag, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
struct trapdoor_stats {
	uint64_t free_frames;
};
static inline int trapdoor_stats(struct trapdoor_stats *s) { s->free_frames = 0; return 0; }
void (*libc_restorer(void))(void);
void vmseq_batch(void *b);

#endif
