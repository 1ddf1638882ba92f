/* atoi.c - a decimal int from a string, as (int)strtol(s, NULL, 10). */
#include <stdlib.h>

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}
