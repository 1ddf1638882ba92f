/*
 * strtoul.c - an unsigned long from a string. A '-' negates the value as
 * unsigned ("-1" gives ULONG_MAX); a magnitude that does not fit gives
 * ULONG_MAX and ERANGE, whatever the sign.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "../internal/strtox.h"

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	struct strtox r = __strtox(s, end, base);

	if (r.overflow || r.mag > ULONG_MAX) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return r.neg ? -(unsigned long)r.mag : (unsigned long)r.mag;
}
