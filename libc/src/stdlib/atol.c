/* atol.c - a decimal long from a string, as strtol(s, NULL, 10). */
#include <stdlib.h>

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}
