/* bsearch.c - an element equal to key in base[0..n), sorted by cmp; NULL when none. */
#include <stdlib.h>

void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *))
{
	const char *lo = base;

	/* The element sought, if any, is in lo[0..n). */
	while (n > 0) {
		const char *mid = lo + (n / 2) * size;
		int c = cmp(key, mid);

		if (c == 0)
			return (void *)mid;
		if (c > 0) {
			lo = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
