/*
 * random.h - the kernel's random bytes (dev/random.c): one ChaCha20
 * generator (lib/crng.h), seeded at boot, for getrandom and AT_RANDOM.
 */
#ifndef DEV_RANDOM_H
#define DEV_RANDOM_H

#include <stddef.h>
#include <stdint.h>

void random_init(void);                 /* seed it: after the TSC is calibrated, before init */
void random_bytes(void *buf, size_t n); /* n random bytes */
/* n random bytes to user memory at u, made a chunk at a time: how many
 * got there before an unwritable page (getrandom, /dev/urandom). */
size_t random_to_user(char *u, size_t n);
uint64_t random_u64(void);

#endif
