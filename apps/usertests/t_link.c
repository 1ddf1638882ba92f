/*
 * t_link.c - symbolic links where processes are involved: a working
 * directory reached through a link is the target (kept by fork, kept when
 * the link goes), execve through links (and its errors), the initrd's
 * /bin/[ link to test, and a file opened through a link outliving both
 * of its names.
 */
#include <string.h>

#include "usertests.h"

#define L TDIR "/link"

/* In a child: report the working directory's path through the exit status (1 when it is TDIR "/real"). */
static void cwd_is_real(void *unused)
{
	char buf[64];

	quit(sys_getcwd(buf, sizeof(buf)) > 0 && strcmp(buf, TDIR "/real") == 0);
}

USERTEST(link_cwd_fork)
{
	char buf[64];
	struct stat st;

	dir_fresh();
	EXPECT_EQ(sys_mkdir(TDIR "/real", 0755), 0);
	EXPECT_EQ(write_file(TDIR "/real/f", "abc", 0644), 3);
	EXPECT_EQ(sys_symlink("real", L), 0);
	EXPECT_EQ(sys_chdir(L), 0);
	EXPECT(sys_getcwd(buf, sizeof(buf)) > 0 && strcmp(buf, TDIR "/real") == 0);
	EXPECT_EQ(run_child(cwd_is_real, 0), STATUS_EXIT(1));
	/* The link goes; the working directory stays what it was. */
	EXPECT_EQ(sys_unlink(L), 0);
	EXPECT_EQ(sys_stat("f", &st), 0);
	EXPECT_EQ(st.st_size, 3);
	EXPECT_EQ(run_child(cwd_is_real, 0), STATUS_EXIT(1));
	EXPECT_EQ(sys_chdir("/"), 0);
	dir_remove();
}

/* In a child: execve path (argv[0] "x"), and exit 100 - errno when it fails. */
static void exec_path(void *path)
{
	char *av[] = { "x", NULL };
	long r = sys_execve(path, av, 0);

	quit(100 + r);
}

USERTEST(link_exec)
{
	dir_fresh();
	EXPECT_EQ(sys_symlink("/bin/true", TDIR "/t"), 0);
	EXPECT_EQ(sys_symlink("t", TDIR "/t2"), 0);                  /* a chain */
	EXPECT_EQ(sys_symlink("/bin", TDIR "/bin"), 0);
	EXPECT_EQ(sys_symlink("nowhere", TDIR "/dang"), 0);
	EXPECT_EQ(sys_symlink("loop", TDIR "/loop"), 0);
	EXPECT_EQ(run_child(exec_path, TDIR "/t"), STATUS_EXIT(0));
	EXPECT_EQ(run_child(exec_path, TDIR "/t2"), STATUS_EXIT(0));
	EXPECT_EQ(run_child(exec_path, TDIR "/bin/true"), STATUS_EXIT(0));
	EXPECT_EQ(run_child(exec_path, TDIR "/bin"), STATUS_EXIT(100 - EACCES));
	EXPECT_EQ(run_child(exec_path, TDIR "/dang"), STATUS_EXIT(100 - ENOENT));
	EXPECT_EQ(run_child(exec_path, TDIR "/loop"), STATUS_EXIT(100 - ELOOP));
	dir_remove();
}

/* In a child: run /bin/[ with argv. */
static void run_bracket(void *argv)
{
	sys_execve("/bin/[", argv, 0);
	quit(127);
}

USERTEST(link_initrd)
{
	char buf[16];
	struct stat st;

	/* The initrd holds /bin/[ as a link to test; test run as [ wants a closing ]. */
	EXPECT_EQ(sys_lstat("/bin/[", &st), 0);
	EXPECT(S_ISLNK(st.st_mode) && st.st_size == 4);
	EXPECT_EQ(sys_readlink("/bin/[", buf, sizeof(buf)), 4);
	EXPECT(memcmp(buf, "test", 4) == 0);
	EXPECT_EQ(run_child(run_bracket, (char *[]){ "[", "-L", "/bin/[", "]", NULL }), STATUS_EXIT(0));
	EXPECT_EQ(run_child(run_bracket, (char *[]){ "[", "-L", "/bin/test", "]", NULL }), STATUS_EXIT(1));
	EXPECT_EQ(run_child(run_bracket, (char *[]){ "[", "1", "-eq", "1", NULL }), STATUS_EXIT(2));
}

USERTEST(link_open_outlives)
{
	char buf[8];
	long fd;

	dir_fresh();
	EXPECT_EQ(write_file(TDIR "/f", "kept", 0644), 4);
	EXPECT_EQ(sys_symlink("f", L), 0);
	fd = sys_open(L, O_RDONLY, 0);
	EXPECT(fd >= 0);
	EXPECT_EQ(sys_unlink(L), 0);
	EXPECT_EQ(sys_unlink(TDIR "/f"), 0);
	EXPECT_EQ(sys_read(fd, buf, sizeof(buf)), 4);
	EXPECT(memcmp(buf, "kept", 4) == 0);
	sys_close(fd);
	dir_remove();
}
