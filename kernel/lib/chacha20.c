/* chacha20.c - the ChaCha20 block function (RFC 8439, section 2.3). */
#include "lib/chacha20.h"

static uint32_t rotl32(uint32_t v, int n) { return v << n | v >> (32 - n); }

/* The quarter round on four words of the state (RFC 8439, 2.1). */
#define QR(a, b, c, d) (                                      \
	a += b, d ^= a, d = rotl32(d, 16),                    \
	c += d, b ^= c, b = rotl32(b, 12),                    \
	a += b, d ^= a, d = rotl32(d, 8),                     \
	c += d, b ^= c, b = rotl32(b, 7))

void chacha20_block(uint32_t out[CHACHA20_BLOCK_WORDS], const uint32_t key[CHACHA20_KEY_WORDS],
		    uint32_t counter, const uint32_t nonce[3])
{
	/* "expand 32-byte k", the key, the counter, the nonce. */
	uint32_t in[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
	uint32_t *x = out;

	for (int i = 0; i < 8; i++)
		in[4 + i] = key[i];
	in[12] = counter;
	in[13] = nonce[0], in[14] = nonce[1], in[15] = nonce[2];
	for (int i = 0; i < 16; i++)
		x[i] = in[i];
	for (int i = 0; i < 10; i++) {           /* 20 rounds: a column and a diagonal round each */
		QR(x[0], x[4], x[8], x[12]);
		QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]);
		QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]);
		QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]);
		QR(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++)             /* the input added back: not invertible */
		x[i] += in[i];
}
