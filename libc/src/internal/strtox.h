/* strtox.h - the parser behind strtol() and its family. */
#ifndef LIBC_STRTOX_H
#define LIBC_STRTOX_H

#include <stdbool.h>

struct strtox {
	unsigned long long mag;  /* the value's magnitude, ULLONG_MAX when overflowing */
	bool neg;                /* it had a '-' */
	bool overflow;           /* the magnitude does not fit in unsigned long long */
};

/*
 * Parse nptr as C's strto* functions do: leading white space, a sign, a
 * "0x" prefix for base 16 (base 0 picks 16, 8 or 10 from the prefix), then
 * digits. *endptr (when endptr is not NULL) gets the first character not
 * used, or nptr itself when there were no digits. A base other than 0 and
 * 2..36 sets errno to EINVAL and parses nothing.
 */
struct strtox __strtox(const char *nptr, char **endptr, int base);

#endif
