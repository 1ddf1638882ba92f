/* strndup.c - a malloc()ed copy of at most n characters of s, NUL-terminated. */
#include <stdlib.h>
#include <string.h>

char *strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = malloc(len + 1);

	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}
