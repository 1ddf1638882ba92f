/* fputs.c - write the string s to f (no newline added); 0, or EOF after an error. */
#include <string.h>

#include "../internal/stdio_impl.h"

int fputs(const char *restrict s, FILE *restrict f)
{
	return __fwritex(s, strlen(s), f);
}
