/* dprintf.c - formatted output to the file descriptor fd, as vdprintf(). */
#include <stdarg.h>
#include <stdio.h>

int dprintf(int fd, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}
