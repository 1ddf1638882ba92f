/* strtoll.c - a long long from a string; out of range gives LLONG_MIN/MAX and ERANGE. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "../internal/strtox.h"

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	struct strtox r = __strtox(s, end, base);

	if (r.neg) {
		if (r.mag > (unsigned long long)LLONG_MAX + 1) {
			errno = ERANGE;
			return LLONG_MIN;
		}
		return r.mag == 0 ? 0 : -(long long)(r.mag - 1) - 1;
	}
	if (r.mag > LLONG_MAX) {
		errno = ERANGE;
		return LLONG_MAX;
	}
	return (long long)r.mag;
}
