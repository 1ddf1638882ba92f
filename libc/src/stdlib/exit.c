/* exit.c - end the program: atexit() handlers, last first, then stdio flushed, then _exit(). */
#include <stdlib.h>
#include <unistd.h>

#include "../internal/exit.h"

_Noreturn void exit(int status)
{
	__run_atexit();
	__stdio_flush();
	_exit(status);
}
