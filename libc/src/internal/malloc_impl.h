/*
 * malloc_impl.h - the allocator's block layout, shared by malloc.c,
 * calloc.c and realloc.c.
 *
 * Every block starts with a 16-byte header; the caller's bytes follow it,
 * so they are 16-byte aligned like the blocks themselves. A free block
 * keeps its free-list link in the first bytes after the header.
 */
#ifndef LIBC_MALLOC_IMPL_H
#define LIBC_MALLOC_IMPL_H

#include <stddef.h>

#define MALLOC_ALIGN 16
#define HDR_SIZE 16                    /* offsetof(struct block, next) */
#define MIN_BLOCK 32                   /* a header and a link */
#define BIG_MIN (128 * 1024)           /* requests this big get pages of their own */
#define PAGE_SIZE 4096

/* A block's owner, kept in its header to catch bad pointers cheaply. */
#define MAGIC_USED 0xa110c8edUL  /* handed out, from the heap */
#define MAGIC_BIG  0xb16b10cUL   /* handed out, from __map_pages() */
#define MAGIC_FREE 0xf7eeb10cUL  /* on the free list */

struct block {
	size_t size;          /* the whole block in bytes, header included */
	size_t magic;         /* MAGIC_* */
#ifdef __i386__
	size_t _pad[2];       /* a 16-byte header under -m32 too: 16-byte aligned blocks */
#endif
	struct block *next;   /* free blocks only: the next one up in memory */
};

/* The header of p, a pointer malloc() returned; abort()s when p is not one. */
struct block *__malloc_block(void *p);

#endif
