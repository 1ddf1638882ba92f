/* strrchr.c - the last c in s; c may be '\0', which finds the terminator. */
#include <string.h>

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}
