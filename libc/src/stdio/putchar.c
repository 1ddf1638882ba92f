/* putchar.c - write the byte c to stdout, as fputc(c, stdout). */
#include <stdio.h>

int putchar(int c)
{
	return fputc(c, stdout);
}
