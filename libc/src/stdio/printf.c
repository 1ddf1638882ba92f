/* printf.c - formatted output to stdout, as vfprintf(). */
#include <stdarg.h>
#include <stdio.h>

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}
