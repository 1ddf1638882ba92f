/* snprintf.c - format into buf of n bytes, as vsnprintf(). */
#include <stdarg.h>
#include <stdio.h>

int snprintf(char *restrict buf, size_t n, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}
