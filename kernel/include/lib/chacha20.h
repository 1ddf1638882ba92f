/*
 * chacha20.h - the ChaCha20 block function of RFC 8439 (host-tested
 * against its vectors), the core of the kernel's random generator
 * (lib/crng.h).
 */
#ifndef LIB_CHACHA20_H
#define LIB_CHACHA20_H

#include <stdint.h>

#define CHACHA20_KEY_WORDS   8          /* a 256-bit key */
#define CHACHA20_BLOCK_WORDS 16         /* 64 bytes of output */

/* One block of key stream: block `counter` under key and the 96-bit nonce,
 * as 16 words (little-endian words give RFC 8439's serialised bytes). */
void chacha20_block(uint32_t out[CHACHA20_BLOCK_WORDS], const uint32_t key[CHACHA20_KEY_WORDS],
		    uint32_t counter, const uint32_t nonce[3]);

#endif
