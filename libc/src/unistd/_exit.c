#include <unistd.h>

#include "syscall.h"

/* End the process now (all threads: exit_group), without atexit or stdio. */
void _exit(int status)
{
	for (;;)
		__syscall1(SYS_exit_group, status);
}
