#include <errno.h>
#include <sys/auxv.h>

#include "syscall.h"

/* The value of auxv key `type`, or 0 with errno ENOENT when absent. */
unsigned long getauxval(unsigned long type)
{
	for (unsigned long *a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}
