/* strspn.c - the length of s's first run of characters all in accept. */
#include <string.h>

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}
