#include <unistd.h>

#include "syscall.h"

int setreuid(uid_t ruid, uid_t euid)
{
	return __syscall_ret(__syscall2(SYS_setreuid, ruid, euid));
}
