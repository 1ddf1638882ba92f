/*
 * strtoull.c - an unsigned long long from a string. A '-' negates the value
 * as unsigned ("-1" gives ULLONG_MAX); a magnitude that does not fit gives
 * ULLONG_MAX and ERANGE, whatever the sign.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "../internal/strtox.h"

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	struct strtox r = __strtox(s, end, base);

	if (r.overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return r.neg ? -r.mag : r.mag;
}
