/* strchr.c - the first c in s; c may be '\0', which finds the terminator. */
#include <string.h>

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}
