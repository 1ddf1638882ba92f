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

#include "rng.h"                         /* struct path, rnd(), below(): the fuzzer's own */

struct batch {
	uint64_t seed;
	int index, path, calls, trace, stats;
};
void report(char tag, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
struct trapdoor_stats {
	uint64_t free_frames;
};
static inline int trapdoor_stats(struct trapdoor_stats *s) { s->free_frames = 0; return 0; }
static const int concurrent = 0;         /* fuzz.h's: alone on the host (no other suite's frames) */
void (*libc_restorer(void))(void);
void vmseq_batch(void *b);

#endif
