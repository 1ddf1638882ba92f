/* fprintf.c - formatted output to f, as vfprintf(). */
#include <stdarg.h>
#include <stdio.h>

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}
