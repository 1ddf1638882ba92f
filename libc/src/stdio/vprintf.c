/* vprintf.c - formatted output to stdout, as vfprintf(). */
#include <stdarg.h>
#include <stdio.h>

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}
