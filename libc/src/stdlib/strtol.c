/* strtol.c - a long from a string; out of range gives LONG_MIN/MAX and ERANGE. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "../internal/strtox.h"

long strtol(const char *restrict s, char **restrict end, int base)
{
	struct strtox r = __strtox(s, end, base);

	if (r.neg) {
		if (r.mag > (unsigned long long)LONG_MAX + 1) {
			errno = ERANGE;
			return LONG_MIN;
		}
		return r.mag == 0 ? 0 : -(long)(r.mag - 1) - 1;
	}
	if (r.mag > LONG_MAX) {
		errno = ERANGE;
		return LONG_MAX;
	}
	return (long)r.mag;
}
