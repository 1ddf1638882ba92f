/* fwrite.c - write n elements of size bytes to f; the count written (0 after an error). */
#include "../internal/stdio_impl.h"

size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	if (size == 0 || n == 0)
		return 0;
	return __fwritex(p, size * n, f) ? 0 : n;
}
