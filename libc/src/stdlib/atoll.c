/* atoll.c - a decimal long long from a string, as strtoll(s, NULL, 10). */
#include <stdlib.h>

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
