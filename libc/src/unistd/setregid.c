#include <unistd.h>

#include "syscall.h"

int setregid(gid_t rgid, gid_t egid)
{
	return __syscall_ret(__syscall2(SYS_setregid, rgid, egid));
}
