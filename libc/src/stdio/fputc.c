/* fputc.c - write the byte c to f; c as an unsigned char, or EOF on error. putc is the same. */
#include "../internal/stdio_impl.h"

int fputc(int c, FILE *f)
{
	unsigned char b = (unsigned char)c;

	return __fwritex(&b, 1, f) ? EOF : b;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}
