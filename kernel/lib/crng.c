/* crng.c - the ChaCha20 generator with fast key erasure (lib/crng.h). */
#include "lib/crng.h"

static const uint32_t zero_nonce[3];
static const uint32_t mix_nonce[3] = { 0x78696d };    /* "mix": apart from every output block */

/* Wipe n words of secrets; volatile, so the compiler cannot drop it. */
static void wipe(uint32_t *w, size_t n)
{
	for (volatile uint32_t *v = w; n--; )
		*v++ = 0;
}

void crng_mix(struct crng *g, const void *seed, size_t len)
{
	const uint8_t *s = seed;
	uint32_t block[CHACHA20_BLOCK_WORDS];

	/* 32 bytes at a time: xor into the key, then the key becomes half
	 * a block under itself, so no seed byte can be undone from the key. */
	while (len) {
		for (int i = 0; i < 32 && len; i++, len--)
			g->key[i / 4] ^= (uint32_t)*s++ << (8 * (i % 4));
		chacha20_block(block, g->key, 0, mix_nonce);
		for (int i = 0; i < CHACHA20_KEY_WORDS; i++)
			g->key[i] = block[i];
	}
	wipe(block, CHACHA20_BLOCK_WORDS);
}

void crng_generate(struct crng *g, void *buf, size_t n)
{
	uint32_t block[CHACHA20_BLOCK_WORDS], key[CHACHA20_KEY_WORDS];
	uint8_t *out = buf;

	/* Fast key erasure: block 0 under the state's key gives the next
	 * state key (words 0-7) and this request's key (words 8-15). */
	chacha20_block(block, g->key, 0, zero_nonce);
	for (int i = 0; i < CHACHA20_KEY_WORDS; i++)
		g->key[i] = block[i], key[i] = block[8 + i];
	for (uint32_t ctr = 0; n; ctr++) {
		chacha20_block(block, key, ctr, zero_nonce);
		const uint8_t *b = (const uint8_t *)block;
		for (size_t i = 0; i < sizeof(block) && n; i++, n--)
			*out++ = b[i];
	}
	wipe(block, CHACHA20_BLOCK_WORDS);
	wipe(key, CHACHA20_KEY_WORDS);
}
