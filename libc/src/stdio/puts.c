/* puts.c - write s and a newline to stdout; 0, or EOF after an error. */
#include <stdio.h>

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
		return EOF;
	return 0;
}
