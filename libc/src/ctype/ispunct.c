/* ispunct.c - true for printable characters that are not space, letters or digits. */
#include <ctype.h>

int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}
