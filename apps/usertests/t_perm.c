/*
 * t_perm.c - chmod, fchmod and the permission bits. Every process owns
 * every file but has no root override: the owner bits (0700) decide, so a
 * 0200 file cannot be read, a directory without x cannot be searched, one
 * without w cannot gain or lose names, one without r cannot be listed.
 */
#include <stdio.h>
#include <string.h>

#include "usertests.h"

#define F TDIR "/f"
#define D TDIR "/d"

static long mode_of(const char *path)
{
	struct stat st;
	long r = sys_stat(path, &st);

	return r < 0 ? r : (long)(st.st_mode & 07777);
}

USERTEST(perm_chmod)
{
	struct stat st;
	long fd;

	dir_fresh();
	EXPECT_EQ(write_file(F, "data", 0644), 4);
	EXPECT_EQ(sys_chmod(F, 0600), 0);
	EXPECT_EQ(mode_of(F), 0600);
	EXPECT_EQ(sys_chmod(F, 0100755), 0);                   /* type bits are not the caller's */
	EXPECT_EQ(sys_stat(F, &st), 0);
	EXPECT_EQ(st.st_mode, S_IFREG | 0755);
	EXPECT_EQ(sys_chmod(F, 07777), 0);
	EXPECT_EQ(mode_of(F), 07777);
	fd = sys_open(F, O_RDONLY, 0);
	EXPECT_EQ(sys_fchmod(fd, 0640), 0);                    /* a read-only descriptor will do */
	EXPECT_EQ(mode_of(F), 0640);
	sys_close(fd);
	EXPECT_EQ(sys_mkdir(D, 0755), 0);
	EXPECT_EQ(sys_chmod(D, 0700), 0);
	EXPECT_EQ(sys_stat(D, &st), 0);
	EXPECT_EQ(st.st_mode, S_IFDIR | 0700);

	EXPECT_EQ(sys_chmod(TDIR "/missing", 0644), -ENOENT);
	EXPECT_EQ(sys_chmod(F "/x", 0644), -ENOTDIR);
	EXPECT_EQ(sys_chmod(0, 0644), -EFAULT);
	EXPECT_EQ(sys_chmod((char *)KERNEL_ADDR, 0644), -EFAULT);
	EXPECT_EQ(sys_fchmod(40, 0644), -EBADF);
	EXPECT_EQ(sys_fchmod(-1, 0644), -EBADF);
	dir_remove();
}

USERTEST(perm_file_access)
{
	char buf[8];
	long fd;

	dir_fresh();
	EXPECT_EQ(write_file(F, "data", 0644), 4);
	/* 0200: write only. */
	EXPECT_EQ(sys_chmod(F, 0200), 0);
	EXPECT_EQ(sys_open(F, O_RDONLY, 0), -EACCES);
	EXPECT_EQ(sys_open(F, O_RDWR, 0), -EACCES);
	fd = sys_open(F, O_WRONLY, 0);
	EXPECT_EQ(fd, 3);
	sys_close(fd);
	/* 0400: read only; O_TRUNC and truncate need w. */
	EXPECT_EQ(sys_chmod(F, 0400), 0);
	EXPECT_EQ(sys_open(F, O_WRONLY, 0), -EACCES);
	EXPECT_EQ(sys_open(F, O_RDONLY | O_TRUNC, 0), -EACCES);
	EXPECT_EQ(sys_open(F, O_CREAT | O_WRONLY, 0644), -EACCES);   /* exists: its mode counts */
	EXPECT_EQ(sys_truncate(F, 0), -EACCES);
	fd = sys_open(F, O_RDONLY, 0);
	EXPECT_EQ(sys_read(fd, buf, 4), 4);
	sys_close(fd);
	/* 0000: nothing, not even O_ACCMODE's "neither" (Linux asks for both). */
	EXPECT_EQ(sys_chmod(F, 0), 0);
	EXPECT_EQ(sys_open(F, O_RDONLY, 0), -EACCES);
	EXPECT_EQ(sys_open(F, O_ACCMODE, 0), -EACCES);
	/* Rights are checked at open: a descriptor keeps what it was opened with. */
	EXPECT_EQ(sys_chmod(F, 0600), 0);
	fd = sys_open(F, O_RDWR, 0);
	EXPECT_EQ(sys_chmod(F, 0), 0);
	EXPECT_EQ(sys_write(fd, "DA", 2), 2);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(sys_read(fd, buf, 4), 4);
	EXPECT(memcmp(buf, "DAta", 4) == 0);
	EXPECT_EQ(sys_ftruncate(fd, 1), 0);
	sys_close(fd);
	/* A file made by O_CREAT opens as asked, whatever mode it gets. */
	fd = sys_open(TDIR "/new", O_CREAT | O_EXCL | O_RDWR, 0);
	EXPECT_EQ(fd, 3);
	EXPECT_EQ(sys_write(fd, "x", 1), 1);
	sys_close(fd);
	EXPECT_EQ(sys_open(TDIR "/new", O_RDONLY, 0), -EACCES);
	/* stat needs no rights on the file itself; unlink needs none either. */
	struct stat st;
	EXPECT_EQ(sys_stat(F, &st), 0);
	EXPECT_EQ(sys_unlink(F), 0);
	dir_remove();
}

USERTEST(perm_dir_access)
{
	struct stat st;
	char buf[256];
	long fd;

	dir_fresh();
	EXPECT_EQ(sys_mkdir(D, 0755), 0);
	EXPECT_EQ(write_file(D "/f", "x", 0644), 1);
	EXPECT_EQ(sys_mkdir(D "/sub", 0755), 0);

	/* No x: nothing inside can be reached by name. */
	EXPECT_EQ(sys_chmod(D, 0600), 0);
	EXPECT_EQ(sys_stat(D "/f", &st), -EACCES);
	EXPECT_EQ(sys_open(D "/f", O_RDONLY, 0), -EACCES);
	EXPECT_EQ(sys_open(D "/new", O_CREAT | O_RDWR, 0644), -EACCES);
	EXPECT_EQ(sys_stat(D "/sub/..", &st), -EACCES);
	EXPECT_EQ(sys_chdir(D), -EACCES);
	EXPECT_EQ(sys_unlink(D "/f"), -EACCES);
	EXPECT_EQ(sys_stat(D, &st), 0);                        /* the directory itself: fine */
	fd = sys_open(D, O_RDONLY | O_DIRECTORY, 0);          /* and listing it (r) */
	EXPECT_EQ(fd, 3);
	EXPECT(sys_getdents64(fd, buf, sizeof(buf)) > 0);
	sys_close(fd);

	/* No w: names can be looked up, not added, removed or renamed. */
	EXPECT_EQ(sys_chmod(D, 0500), 0);
	EXPECT_EQ(sys_stat(D "/f", &st), 0);
	EXPECT_EQ(sys_open(D "/f", O_RDWR, 0), 3);             /* the file's own rights count */
	sys_close(3);
	EXPECT_EQ(sys_open(D "/new", O_CREAT | O_RDWR, 0644), -EACCES);
	EXPECT_EQ(sys_mkdir(D "/new", 0755), -EACCES);
	EXPECT_EQ(sys_unlink(D "/f"), -EACCES);
	EXPECT_EQ(sys_rmdir(D "/sub"), -EACCES);
	EXPECT_EQ(sys_rename(D "/f", D "/g"), -EACCES);
	EXPECT_EQ(sys_rename(D "/f", TDIR "/g"), -EACCES);
	EXPECT_EQ(sys_link(D "/f", D "/g"), -EACCES);
	EXPECT_EQ(sys_link(D "/f", TDIR "/g"), 0);             /* adding elsewhere is fine */
	EXPECT_EQ(sys_unlink(TDIR "/g"), 0);
	/* Existing and missing names still say so first. */
	EXPECT_EQ(sys_mkdir(D "/sub", 0755), -EEXIST);
	EXPECT_EQ(sys_unlink(D "/missing"), -ENOENT);
	EXPECT_EQ(sys_chdir(D), 0);
	EXPECT_EQ(sys_chdir("/"), 0);

	/* No r: cannot be listed, but names inside still work. */
	EXPECT_EQ(sys_chmod(D, 0300), 0);
	EXPECT_EQ(sys_open(D, O_RDONLY | O_DIRECTORY, 0), -EACCES);
	EXPECT_EQ(sys_stat(D "/f", &st), 0);
	EXPECT_EQ(write_file(D "/h", "y", 0644), 1);
	EXPECT_EQ(sys_unlink(D "/h"), 0);

	/* Every directory on the way needs x, not only the last. */
	EXPECT_EQ(sys_chmod(D, 0755), 0);
	EXPECT_EQ(sys_chmod(TDIR, 0600), 0);
	EXPECT_EQ(sys_stat(D "/f", &st), -EACCES);
	EXPECT_EQ(sys_chmod(TDIR, 0755), 0);
	EXPECT_EQ(sys_stat(D "/f", &st), 0);
	dir_remove();
}

USERTEST(perm_exec)
{
	static char buf[4096];
	long in, out, n;

	dir_fresh();
	/* A copy of this program, first without an x bit. */
	in = sys_open(SELF, O_RDONLY, 0);
	out = sys_open(TDIR "/prog", O_CREAT | O_WRONLY, 0644);
	while ((n = sys_read(in, buf, sizeof(buf))) > 0)
		sys_write(out, buf, n);
	sys_close(in);
	sys_close(out);
	char *av[] = { TDIR "/prog", "--helper", "exit", "9", NULL };
	fflush(stdout);
	long pid = sys_fork();
	if (pid == 0) {
		long r = sys_execve(TDIR "/prog", av, 0);
		quit(r == -EACCES ? 0 : 1);
	}
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(sys_chmod(TDIR "/prog", 0500), 0);
	pid = sys_fork();
	if (pid == 0) {
		sys_execve(TDIR "/prog", av, 0);
		quit(1);
	}
	EXPECT_EQ(reap(pid), STATUS_EXIT(9));
	/* x on the file, but not on the directory it is in. */
	EXPECT_EQ(sys_chmod(TDIR, 0600), 0);
	pid = sys_fork();
	if (pid == 0)
		quit(sys_execve(TDIR "/prog", av, 0) == -EACCES ? 0 : 1);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(sys_chmod(TDIR, 0755), 0);
	dir_remove();
}
