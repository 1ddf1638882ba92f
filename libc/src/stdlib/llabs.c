/* llabs.c - the absolute value of a long long (LLONG_MIN has none: undefined, as in C). */
#include <stdlib.h>

long long llabs(long long n)
{
	return n < 0 ? -n : n;
}
