/* trapdoor_bench (i386): the i386 table has no trapdoor_bench: ENOSYS. */
#include <errno.h>
#include <sys/entry.h>

int trapdoor_bench(int which, int n, struct trapdoor_bench *out, int flags)
{
	errno = ENOSYS;
	return -1;
}
