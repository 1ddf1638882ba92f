/*
 * crng.h - a ChaCha20 random generator with fast key erasure, after
 * Linux's drivers/char/random.c (host-tested; the kernel's instance, and
 * where its seed comes from, are dev/random.c's).
 *
 * The state is one 256-bit key. Each request first turns the key into a
 * block, keeps half of it as the next key and uses the other half as the
 * key of this request's output, so what was handed out before cannot be
 * computed again from the state afterwards.
 */
#ifndef LIB_CRNG_H
#define LIB_CRNG_H

#include <stddef.h>
#include <stdint.h>

#include "lib/chacha20.h"

struct crng {
	uint32_t key[CHACHA20_KEY_WORDS];
};

/* Mix len bytes of seed material into g's key (any amount, any number of times). */
void crng_mix(struct crng *g, const void *seed, size_t len);
/* Fill buf with n random bytes (n below 256 GiB). */
void crng_generate(struct crng *g, void *buf, size_t n);

#endif
