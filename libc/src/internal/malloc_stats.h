/* malloc_stats.h - the allocator's bookkeeping, for tests. */
#ifndef LIBC_MALLOC_STATS_H
#define LIBC_MALLOC_STATS_H

#include <stddef.h>

/* Usable bytes in blocks malloc() handed out and free() has not taken back. */
size_t __malloc_in_use(void);

#endif
