/* abs.c - the absolute value of an int (INT_MIN has none: undefined, as in C). */
#include <stdlib.h>

int abs(int n)
{
	return n < 0 ? -n : n;
}
