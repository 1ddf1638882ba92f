/*
 * vdprintf.c - formatted output straight to the file descriptor fd, through
 * a buffer on the stack so a short message takes one write().
 */
#include <stdarg.h>

#include "../internal/stdio_impl.h"

int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	char buf[256];
	FILE f = { .fd = fd, .mode = BUF_FULL, .buf = buf, .size = sizeof(buf) };
	int n = vfprintf(&f, fmt, ap);

	if (fflush(&f))
		return -1;
	return n;
}
