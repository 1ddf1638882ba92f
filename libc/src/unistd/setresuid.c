#include <unistd.h>

#include "syscall.h"

int setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return __syscall_ret(__syscall3(SYS_setresuid, ruid, euid, suid));
}
