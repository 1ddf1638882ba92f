/* trapdoor_stats (i386): the i386 table has no trapdoor_stats: ENOSYS. */
#include <errno.h>
#include <sys/entry.h>

int trapdoor_stats(struct trapdoor_stats *s)
{
	errno = ENOSYS;
	return -1;
}
