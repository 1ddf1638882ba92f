/* __stdio_flush.c - what exit() calls to flush stdio (see internal/exit.h). */
#include <stdio.h>

#include "../internal/exit.h"

void __stdio_flush(void)
{
	fflush(NULL);
}
