/* ps - the processes: pid, parent, state (R running, S sleeping, Z zombie) and name. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/entry.h>

#define MAX 256

static int by_pid(const void *a, const void *b)
{
	return ((const struct trapdoor_proc *)a)->pid - ((const struct trapdoor_proc *)b)->pid;
}

int main(void)
{
	static struct trapdoor_proc p[MAX];
	int n = trapdoor_procs(p, MAX);

	if (n < 0) {
		fprintf(stderr, "ps: %s\n", strerror(errno));
		return 1;
	}
	qsort(p, n, sizeof(p[0]), by_pid);
	printf("  PID  PPID STATE NAME\n");
	for (int i = 0; i < n; i++)
		printf("%5d %5d %c     %.16s\n", p[i].pid, p[i].ppid, p[i].state, p[i].name);
	return 0;
}
