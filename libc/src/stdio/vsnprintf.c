/*
 * vsnprintf.c - format into buf, storing at most n bytes with the NUL (none
 * when n is 0); the length the whole output has, which may be more.
 */
#include <stdarg.h>
#include <stdio.h>

#include "lib/fmt.h"

int vsnprintf(char *restrict buf, size_t n, const char *restrict fmt, va_list ap)
{
	return fmt_vsnprintf(buf, n, fmt, ap);
}
