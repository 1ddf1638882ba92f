#include <errno.h>
#include <unistd.h>

#include "syscall.h"

/* The kernel's brk returns the break it ended up with: success means it moved to addr. */
int brk(void *addr)
{
	if ((unsigned long)__syscall1(SYS_brk, addr) != (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}
