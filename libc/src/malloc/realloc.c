/*
 * realloc.c - resize a malloc() block, keeping its contents up to the
 * smaller size. As in glibc, realloc(NULL, n) is malloc(n) and
 * realloc(p, 0) frees p and returns NULL. A block that is already big
 * enough is kept as it is (it never shrinks); else the contents move to a
 * new block. On failure p is left alone and NULL returned.
 */
#include <stdlib.h>
#include <string.h>

#include "../internal/malloc_impl.h"

void *realloc(void *p, size_t n)
{
	size_t have;
	void *q;

	if (!p)
		return malloc(n);
	if (n == 0) {
		free(p);
		return NULL;
	}
	have = __malloc_block(p)->size - HDR_SIZE;
	if (n <= have)
		return p;
	q = malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, have);
	free(p);
	return q;
}
