#include <unistd.h>

#include "syscall.h"

int setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return __syscall_ret(__syscall3(SYS_setresgid, rgid, egid, sgid));
}
