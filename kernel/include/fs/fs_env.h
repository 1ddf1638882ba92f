/*
 * fs_env.h - what the filesystem code needs from its surroundings: memory
 * and byte functions. In the kernel they come from kernel.h. In host tests
 * (-DHOST_TEST) they come from the C library, except kmalloc/kzalloc/kfree:
 * the test program defines those itself (over malloc), so it can make
 * allocations fail on purpose.
 */
#ifndef FS_FS_ENV_H
#define FS_FS_ENV_H

#ifdef HOST_TEST
#include <stddef.h>
#include <string.h>
#include <time.h>

/*
 * The host's <time.h> already has struct timespec (the same layout as
 * api/abi.h's), and api/abi.h must not define it again: mark it as seen.
 * So in host tests this header comes before anything that includes api/abi.h.
 */
#define API_ABI_H

void *kmalloc(size_t n);
void *kzalloc(size_t n);
void kfree(void *p);
#else
#include "kernel.h"
#endif

#endif
