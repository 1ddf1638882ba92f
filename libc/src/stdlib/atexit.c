/* atexit.c - the handlers exit() calls, at most ATEXIT_MAX of them. */
#include <stdlib.h>

#include "../internal/exit.h"

#define ATEXIT_MAX 32

static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

/* Register fn to be called by exit(); 0, or -1 when the table is full. */
int atexit(void (*fn)(void))
{
	if (nhandlers == ATEXIT_MAX)
		return -1;
	handlers[nhandlers++] = fn;
	return 0;
}

void __run_atexit(void)
{
	/* Take each off the table before calling it, so a handler may register another. */
	while (nhandlers > 0)
		handlers[--nhandlers]();
}
