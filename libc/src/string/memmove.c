/* memmove.c - copy n bytes between blocks that may overlap. */
#include <stdint.h>
#include <string.h>

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if ((uintptr_t)d <= (uintptr_t)s) {
		while (n--)
			*d++ = *s++;
	} else {
		/* dst is above src: copy from the end so src is read before it is overwritten. */
		while (n--)
			d[n] = s[n];
	}
	return dst;
}
