/* ferror.c - whether a write through f has failed (the flag sticks until clearerr()). */
#include "../internal/stdio_impl.h"

int ferror(FILE *f)
{
	return f->error;
}

void clearerr(FILE *f)
{
	f->error = 0;
}
