/* vsprintf.c - format into buf, which must be big enough; the length, NUL excluded. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

#include "lib/fmt.h"

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return fmt_vsnprintf(buf, INT_MAX, fmt, ap);
}
