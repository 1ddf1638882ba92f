/*
 * t_limits.c - running out: descriptors (-EMFILE, with nothing made or
 * leaked on the way), execve's argument space (-E2BIG), a file too big
 * for memory. (Process slots and memory: fork_bomb, memory_exhaustion.)
 */
#include <stdio.h>
#include <string.h>

#include "usertests.h"

USERTEST(limits_descriptors)
{
	struct stat st;
	int fds[2], n = 0;
	long fd, opened[64];
	struct trapdoor_stats before = stats_now();

	dir_fresh();
	while (n < 64 && (fd = sys_open("/dev/null", O_RDONLY, 0)) >= 0)
		opened[n++] = fd;
	EXPECT_EQ(fd, -EMFILE);
	EXPECT_EQ(n, 60);                                      /* 3..62 (63 is the transcript's) */
	EXPECT_EQ(sys_open(TDIR "/new", O_CREAT | O_RDWR, 0644), -EMFILE);
	EXPECT_EQ(sys_stat(TDIR "/new", &st), -ENOENT);        /* nothing made */
	EXPECT_EQ(sys_dup(0), -EMFILE);
	EXPECT_EQ(sys_pipe(fds), -EMFILE);
	if (counters_mine())
		EXPECT_EQ(stats_now().open_files - before.open_files, 60);
	EXPECT_EQ(sys_dup2(0, 62), 62);                        /* dup2 names its own */
	for (int i = 0; i < n; i++)
		sys_close(opened[i]);
	if (counters_mine())
		EXPECT_EQ(stats_now().open_files, before.open_files);
	EXPECT_EQ(sys_open("/dev/null", O_RDONLY, 0), 3);
	sys_close(3);
	dir_remove();
}

USERTEST(limits_exec_args)
{
	static char big[20000];
	char *av[] = { SELF, "--helper", "exit", "5", big, big, NULL };

	memset(big, 'a', sizeof(big) - 1);
	/* 40 000 bytes of strings: more than ARG_MAX (32 KiB here). */
	fflush(stdout);
	long pid = sys_fork();
	if (pid == 0)
		quit(sys_execve(SELF, av, 0) == -E2BIG ? 0 : 1);
	EXPECT_EQ(reap(pid), 0);
	/* Half of it goes through. */
	av[5] = NULL;
	pid = sys_fork();
	if (pid == 0) {
		sys_execve(SELF, av, 0);
		quit(1);
	}
	EXPECT_EQ(reap(pid), STATUS_EXIT(5));
	/* The environment counts too. */
	char *ev[] = { big, big, NULL };
	av[4] = NULL;
	pid = sys_fork();
	if (pid == 0)
		quit(sys_execve(SELF, av, ev) == -E2BIG ? 0 : 1);
	EXPECT_EQ(reap(pid), 0);
}

USERTEST(limits_file_size)
{
	long fd;
	struct stat st;

	dir_fresh();
	fd = sys_open(TDIR "/f", O_CREAT | O_RDWR, 0644);
	EXPECT_EQ(sys_write(fd, "x", 1), 1);
	/* A terabyte does not fit in this machine's memory. */
	long r = sys_ftruncate(fd, 1L << 40);
	EXPECT(r == -ENOSPC || r == -EFBIG);
	r = sys_truncate(TDIR "/f", 1L << 40);
	EXPECT(r == -ENOSPC || r == -EFBIG);
	EXPECT_EQ(sys_lseek(fd, 1L << 40, SEEK_SET), 1L << 40);
	r = sys_write(fd, "y", 1);
	EXPECT(r == -ENOSPC || r == -EFBIG);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 1);                              /* unchanged by the failures */
	sys_close(fd);
	dir_remove();
}
