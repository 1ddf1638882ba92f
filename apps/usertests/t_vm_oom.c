/*
 * t_vm_oom.c - out of memory under overcommit (issue 16): memory handed
 * out lazily can run out at a page fault, where no error can be returned.
 * As on Linux, the kernel then kills a process with SIGKILL, names it on
 * the console and in the kernel log ("out of memory: killed pid N
 * (name)"), and goes on; here the process it picks is the one that took
 * the memory, and nobody else dies. The runner's leak check then sees
 * every frame come back.
 *
 * Fails on an eager kernel: there the mmap itself is -ENOMEM and nobody
 * is killed.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "usertests.h"

#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0x4000          /* Linux's value (api/abi.h may not name it yet) */
#endif

#define EXIT_REFUSED 3                /* the toucher's status when its mmap failed */
#define EXIT_SURVIVED 4               /* ... when it touched everything and lived */

/* More than all the free memory with MAP_NORESERVE (which no heuristic
 * refuses), then a write to every page: this child must die of SIGKILL. */
static void toucher(void *unused)
{
	unsigned long len = (stats_now().free_frames * PAGE + (64L << 20)) & ~(PAGE - 1);
	long p = sys_mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE);

	if (p < 0) {
		printf("# vm_oom: mmap of %lu MiB with MAP_NORESERVE: %s\n", len >> 20, res_name(p));
		quit(EXIT_REFUSED);
	}
	for (unsigned long off = 0; off < len; off += PAGE)
		((volatile char *)p)[off] = 1;
	quit(EXIT_SURVIVED);
}

/* Whether the kernel log holds "out of memory: killed pid <pid> (". */
static int log_names(pid_t pid)
{
	static char log[16384];
	char want[64];
	long n = sys_syslog(SYSLOG_ACTION_READ_ALL, log, sizeof(log) - 1);

	if (n < 0)
		return 0;
	log[n] = 0;
	snprintf(want, sizeof(want), "out of memory: killed pid %d (", pid);
	return strstr(log, want) != NULL;
}

USERTEST(vm_oom_kills_toucher)
{
	SKIP_IF_CONCURRENT("it takes all free memory");
	struct trapdoor_stats before = stats_now();
	pid_t bystander = spawn(child_pause, 0);

	EXPECT(bystander > 0);
	pid_t pid = spawn(toucher, 0);
	int status = reap(pid);
	if (!EXPECT_EQ(status, STATUS_SIG(SIGKILL)))
		printf("# vm_oom_kills_toucher: the toucher %s\n",
		       status == STATUS_EXIT(EXIT_REFUSED) ? "could not map (an eager kernel?)" :
		       status == STATUS_EXIT(EXIT_SURVIVED) ? "touched everything and lived" : "ended otherwise");
	EXPECT(log_names(pid));
	/* Everybody else lives on, and the memory is there again. */
	EXPECT_EQ(proc_state(bystander), 'S');
	EXPECT_EQ(sys_kill(bystander, SIGKILL), 0);
	EXPECT_EQ(reap(bystander), STATUS_SIG(SIGKILL));
	EXPECT(stats_now().free_frames + 64 >= before.free_frames);
	char *p = map_pages(1 << 20);
	if (EXPECT(p != NULL)) {
		memset(p, 1, 1 << 20);
		sys_munmap((unsigned long)p, 1 << 20);
	}
	note("only the toucher killed");
}
