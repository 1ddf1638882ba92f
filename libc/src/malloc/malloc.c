/*
 * malloc.c - the allocator: a first-fit free list with coalescing.
 *
 * Blocks (internal/malloc_impl.h) come from heap chunks of at least
 * GROW_MIN bytes that __morecore() provides. Free blocks sit on one list
 * sorted by address, so free() can merge a block with the free neighbours
 * it touches, and chunks that __morecore() made contiguous merge too.
 * Requests of BIG_MIN bytes or more get pages of their own from
 * __map_pages() and go straight back on free(). Not thread-safe: a user
 * program has one thread.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "../internal/malloc_impl.h"
#include "../internal/malloc_stats.h"
#include "../internal/morecore.h"

#define GROW_MIN (64 * 1024)

_Static_assert(offsetof(struct block, next) == HDR_SIZE, "the header is what precedes the link");

static struct block *free_list;  /* sorted by address */
static size_t in_use;            /* see __malloc_in_use() */

/* n rounded up to a multiple of a (a power of two); n must leave room. */
static size_t round_up(size_t n, size_t a)
{
	return (n + a - 1) & ~(a - 1);
}

/* Put b on the free list, merging it with the free blocks right before and after it. */
static void insert_free(struct block *b)
{
	struct block *prev = NULL, *next = free_list;

	while (next && (uintptr_t)next < (uintptr_t)b) {
		prev = next;
		next = next->next;
	}
	b->magic = MAGIC_FREE;
	b->next = next;
	if (next && (char *)b + b->size == (char *)next) {
		b->size += next->size;
		b->next = next->next;
	}
	if (prev && (char *)prev + prev->size == (char *)b) {
		prev->size += b->size;
		prev->next = b->next;
	} else if (prev) {
		prev->next = b;
	} else {
		free_list = b;
	}
}

/* Add a chunk of at least size bytes from __morecore() to the free list; false when none. */
static bool grow(size_t size)
{
	size_t n = round_up(size < GROW_MIN ? GROW_MIN : size, PAGE_SIZE);
	struct block *b = __morecore(n);

	if (!b && n > round_up(size, PAGE_SIZE)) {
		n = round_up(size, PAGE_SIZE);  /* settle for less */
		b = __morecore(n);
	}
	if (!b)
		return false;
	b->size = n;
	insert_free(b);
	return true;
}

/* Hand out size bytes of b, the free block at *link: its tail, or all of b if the rest is too small. */
static void *take(struct block **link, struct block *b, size_t size)
{
	if (b->size - size >= MIN_BLOCK) {
		b->size -= size;
		b = (struct block *)((char *)b + b->size);
		b->size = size;
	} else {
		*link = b->next;
	}
	b->magic = MAGIC_USED;
	in_use += b->size - HDR_SIZE;
	return (char *)b + HDR_SIZE;
}

/* A block of its own from __map_pages() for a request of n >= BIG_MIN bytes. */
static void *big_alloc(size_t n)
{
	struct block *b = NULL;
	size_t size = 0;

	if (n <= SIZE_MAX - HDR_SIZE - PAGE_SIZE) {
		size = round_up(n + HDR_SIZE, PAGE_SIZE);
		b = __map_pages(size);
	}
	if (!b) {
		errno = ENOMEM;
		return NULL;
	}
	b->size = size;
	b->magic = MAGIC_BIG;
	in_use += size - HDR_SIZE;
	return (char *)b + HDR_SIZE;
}

void *malloc(size_t n)
{
	struct block **link, *b;
	size_t size;

	if (n >= BIG_MIN)
		return big_alloc(n);
	size = round_up(n + HDR_SIZE, MALLOC_ALIGN);
	if (size < MIN_BLOCK)
		size = MIN_BLOCK;
	for (;;) {
		for (link = &free_list; (b = *link); link = &b->next)
			if (b->size >= size)
				return take(link, b, size);
		if (!grow(size)) {
			errno = ENOMEM;
			return NULL;
		}
	}
}

void free(void *p)
{
	struct block *b;

	if (!p)
		return;
	b = __malloc_block(p);
	in_use -= b->size - HDR_SIZE;
	if (b->magic == MAGIC_BIG) {
		b->magic = 0;
		__unmap_pages(b, b->size);
		return;
	}
	insert_free(b);
}

struct block *__malloc_block(void *p)
{
	static const char msg[] = "malloc: bad pointer given to free() or realloc()\n";
	struct block *b = (struct block *)((char *)p - HDR_SIZE);

	if ((uintptr_t)p % MALLOC_ALIGN != 0 ||
	    (b->magic != MAGIC_USED && b->magic != MAGIC_BIG) ||
	    b->size < MIN_BLOCK || b->size % MALLOC_ALIGN != 0) {
		write(STDERR_FILENO, msg, sizeof(msg) - 1);
		abort();
	}
	return b;
}

size_t __malloc_in_use(void)
{
	return in_use;
}
