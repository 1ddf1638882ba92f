/* labs.c - the absolute value of a long (LONG_MIN has none: undefined, as in C). */
#include <stdlib.h>

long labs(long n)
{
	return n < 0 ? -n : n;
}
