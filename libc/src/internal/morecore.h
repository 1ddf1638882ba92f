/*
 * morecore.h - where malloc() gets its memory. The system-call layer
 * implements these for the OS; the host tests implement them over a
 * static arena (libc/tests/host_sys.c).
 */
#ifndef LIBC_MORECORE_H
#define LIBC_MORECORE_H

#include <stddef.h>

/* n (a multiple of 4096) more bytes of zeroed heap, contiguous with the previous ones when possible; NULL on failure */
void *__morecore(size_t n);
/* n bytes (multiple of 4096) of zeroed fresh memory for one big block; NULL on failure */
void *__map_pages(size_t n);
/* give a __map_pages block back */
void __unmap_pages(void *p, size_t n);

#endif
