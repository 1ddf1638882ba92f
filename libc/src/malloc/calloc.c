/* calloc.c - a zeroed array of n elements of size bytes; NULL and ENOMEM if n * size overflows. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}
