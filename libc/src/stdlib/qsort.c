/*
 * qsort.c - sort n elements of size bytes with cmp: a heapsort, so it takes
 * O(n log n) time whatever the input, no extra memory and no recursion.
 * Not stable, as C allows.
 */
#include <stdlib.h>

static void swap(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/*
 * Move element i down the max-heap base[0..n) until neither child is larger,
 * where the children of i are 2i+1 and 2i+2.
 */
static void sift_down(char *base, size_t i, size_t n, size_t size,
		      int (*cmp)(const void *, const void *))
{
	for (;;) {
		size_t child = 2 * i + 1;

		if (child >= n)
			return;
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + i * size, base + child * size) >= 0)
			return;
		swap(base + i * size, base + child * size, size);
		i = child;
	}
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char *b = base;
	size_t i;

	if (n < 2 || size == 0)
		return;
	/* Make a max-heap, leaves first. */
	for (i = n / 2; i-- > 0;)
		sift_down(b, i, n, size, cmp);
	/* Move the largest to the end of the heap, shrink the heap, repair it. */
	for (i = n - 1; i > 0; i--) {
		swap(b, b + i * size, size);
		sift_down(b, 0, i, size, cmp);
	}
}
