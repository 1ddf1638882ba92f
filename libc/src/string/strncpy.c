/*
 * strncpy.c - copy at most n characters of src into dst, then pad dst with
 * NULs up to n bytes. dst is not NUL-terminated when src has n or more.
 */
#include <string.h>

char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}
