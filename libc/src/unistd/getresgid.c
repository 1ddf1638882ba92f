#include <unistd.h>

#include "syscall.h"

int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	return __syscall_ret(__syscall3(SYS_getresgid, rgid, egid, sgid));
}
