/* trapdoor_procs (i386): the i386 table has no trapdoor_procs: ENOSYS. */
#include <errno.h>
#include <sys/entry.h>

int trapdoor_procs(struct trapdoor_proc *buf, int n)
{
	errno = ENOSYS;
	return -1;
}
