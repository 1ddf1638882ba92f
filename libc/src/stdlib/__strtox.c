/* __strtox.c - the parser behind strtol() and its family (see internal/strtox.h). */
#include <ctype.h>
#include <errno.h>
#include <limits.h>

#include "../internal/strtox.h"

/* The value of the digit c in bases up to 36; 36 for anything else. */
static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 36;
}

struct strtox __strtox(const char *nptr, char **endptr, int base)
{
	struct strtox r = { 0, false, false };
	const char *s = nptr, *digits;
	int d;

	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (endptr)
			*endptr = (char *)nptr;
		return r;
	}

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' || *s == '-')
		r.neg = *s++ == '-';
	/* "0x" is a prefix only when a hex digit follows; else the subject is "0". */
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    digit_value(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}

	for (digits = s; (d = digit_value(*s)) < base; s++) {
		if (r.overflow)
			continue;  /* still consume the digits */
		if (r.mag > (ULLONG_MAX - (unsigned)d) / (unsigned)base) {
			r.overflow = true;
			r.mag = ULLONG_MAX;
		} else {
			r.mag = r.mag * (unsigned)base + (unsigned)d;
		}
	}

	if (s == digits) {
		r.neg = false;
		s = nptr;
	}
	if (endptr)
		*endptr = (char *)s;
	return r;
}
