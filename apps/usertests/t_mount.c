/*
 * t_mount.c - tmpfs mounts: a fresh file system on a directory, its own
 * device number, -EXDEV across it, -EBUSY while it is in use, its memory
 * given back by umount, and the errors of mount and umount2.
 */
#include <stdio.h>
#include <string.h>

#include "usertests.h"

#define M TDIR "/mnt"
#define MS_RDONLY 1
#define MS_NOEXEC 8
#define MS_REMOUNT 32
#define MNT_FORCE 1

static long tmpfs(const char *dir, long flags) { return sys_mount("none", dir, "tmpfs", flags, 0); }

USERTEST(mount_tmpfs)
{
	struct stat root, mnt, before, f;
	char buf[512];
	long fd, n;

	dir_fresh();
	EXPECT_EQ(sys_mkdir(M, 0755), 0);
	EXPECT_EQ(write_file(M "/hidden", "under", 0644), 5);
	EXPECT_EQ(sys_stat(M, &before), 0);
	EXPECT_EQ(tmpfs(M, 0), 0);
	EXPECT_EQ(sys_stat("/", &root), 0);
	EXPECT_EQ(sys_stat(M, &mnt), 0);
	EXPECT(S_ISDIR(mnt.st_mode) && mnt.st_dev != root.st_dev && mnt.st_ino != before.st_ino);
	EXPECT_EQ(mnt.st_mode & 07777, 01777);                 /* tmpfs's root, as on Linux */
	EXPECT_EQ(sys_stat(M "/hidden", &f), -ENOENT);         /* covered, not gone */
	/* An empty directory: just . and .. */
	fd = sys_open(M, O_RDONLY | O_DIRECTORY, 0);
	n = sys_getdents64(fd, buf, sizeof(buf));
	EXPECT_EQ(n, 48);                                      /* two records of 24 bytes */
	sys_close(fd);
	/* Files and directories work inside, on its device. */
	EXPECT_EQ(write_file(M "/a", "in tmpfs", 0644), 8);
	EXPECT_EQ(sys_mkdir(M "/sub", 0755), 0);
	EXPECT_EQ(sys_stat(M "/a", &f), 0);
	EXPECT(f.st_dev == mnt.st_dev);
	EXPECT_EQ(sys_rename(M "/a", M "/sub/b"), 0);          /* within: fine */
	EXPECT_EQ(sys_link(M "/sub/b", M "/c"), 0);
	/* .. from the mount's root leads back to the directory around it. */
	struct stat up;
	EXPECT_EQ(sys_stat(M "/..", &up), 0);
	EXPECT_EQ(sys_stat(TDIR, &f), 0);
	EXPECT(up.st_ino == f.st_ino && up.st_dev == f.st_dev);
	EXPECT_EQ(sys_chdir(M "/sub"), 0);
	EXPECT_EQ(sys_stat("../../mnt/c", &f), 0);
	EXPECT_EQ(sys_chdir("/"), 0);
	/* Unmounting uncovers what was there and drops what was made. */
	EXPECT_EQ(sys_umount2(M, 0), 0);
	EXPECT_EQ(sys_stat(M "/hidden", &f), 0);
	EXPECT_EQ(sys_stat(M "/c", &f), -ENOENT);
	EXPECT_EQ(sys_stat(M, &mnt), 0);
	EXPECT(mnt.st_dev == root.st_dev && mnt.st_ino == before.st_ino);
	dir_remove();
}

USERTEST(mount_exdev)
{
	dir_fresh();
	EXPECT_EQ(sys_mkdir(M, 0755), 0);
	EXPECT_EQ(tmpfs(M, 0), 0);
	EXPECT_EQ(write_file(TDIR "/out", "o", 0644), 1);
	EXPECT_EQ(write_file(M "/in", "i", 0644), 1);
	EXPECT_EQ(sys_mkdir(M "/dir", 0755), 0);
	EXPECT_EQ(sys_rename(TDIR "/out", M "/out"), -EXDEV);
	EXPECT_EQ(sys_rename(M "/in", TDIR "/in"), -EXDEV);
	EXPECT_EQ(sys_rename(M "/dir", TDIR "/dir"), -EXDEV);
	EXPECT_EQ(sys_link(TDIR "/out", M "/out"), -EXDEV);
	EXPECT_EQ(sys_link(M "/in", TDIR "/in"), -EXDEV);
	/* The mount point itself cannot be moved or removed while mounted. */
	EXPECT_EQ(sys_rename(M, TDIR "/elsewhere"), -EBUSY);
	EXPECT_EQ(sys_rmdir(M), -EBUSY);
	EXPECT_EQ(sys_umount2(M, 0), 0);
	dir_remove();
}

static void cwd_inside(void *fdp)
{
	int *fds = fdp;
	char c;

	sys_chdir(M);
	sys_write(fds[1], "i", 1);
	sys_read(fds[0], &c, 1);                 /* until the parent has tried */
	quit(0);
}

USERTEST(mount_busy)
{
	int fds[2];
	char c;
	long fd;

	dir_fresh();
	EXPECT_EQ(sys_mkdir(M, 0755), 0);
	EXPECT_EQ(tmpfs(M, 0), 0);
	EXPECT_EQ(sys_mkdir(M "/sub", 0755), 0);
	/* An open file inside. */
	fd = sys_open(M "/f", O_CREAT | O_RDWR, 0644);
	EXPECT_EQ(sys_umount2(M, 0), -EBUSY);
	EXPECT_EQ(sys_umount2(M, MNT_FORCE), -EBUSY);
	sys_close(fd);
	/* An open directory, the root itself included. */
	fd = sys_open(M, O_RDONLY | O_DIRECTORY, 0);
	EXPECT_EQ(sys_umount2(M, 0), -EBUSY);
	sys_close(fd);
	/* Our working directory, and another process's. */
	EXPECT_EQ(sys_chdir(M "/sub"), 0);
	EXPECT_EQ(sys_umount2(M, 0), -EBUSY);
	EXPECT_EQ(sys_chdir("/"), 0);
	int up[2];
	sys_pipe(fds);
	sys_pipe(up);
	int both[2] = { fds[0], up[1] };
	pid_t pid = spawn(cwd_inside, both);
	EXPECT_EQ(sys_read(up[0], &c, 1), 1);
	EXPECT_EQ(sys_umount2(M, 0), -EBUSY);
	sys_write(fds[1], "x", 1);
	EXPECT_EQ(reap(pid), 0);
	/* A file unlinked but open is still in use. */
	fd = sys_open(M "/g", O_CREAT | O_RDWR, 0644);
	EXPECT_EQ(sys_unlink(M "/g"), 0);
	EXPECT_EQ(sys_umount2(M, 0), -EBUSY);
	sys_close(fd);
	/* A mount inside a mount. */
	EXPECT_EQ(tmpfs(M "/sub", 0), 0);
	EXPECT_EQ(sys_umount2(M, 0), -EBUSY);
	EXPECT_EQ(sys_umount2(M "/sub", 0), 0);
	EXPECT_EQ(sys_umount2(M, 0), 0);
	EXPECT_EQ(sys_umount2(M, 0), -EINVAL);                 /* no longer a mount */
	sys_close(fds[0]);
	sys_close(fds[1]);
	sys_close(up[0]);
	sys_close(up[1]);
	dir_remove();
}

/* Data written into a tmpfs is freed by umount. */
USERTEST(mount_frees_memory)
{
	static char block[32 * 1024];

	dir_fresh();
	EXPECT_EQ(sys_mkdir(M, 0755), 0);
	uint64_t before = stats_now().free_frames;
	for (int round = 0; round < 3; round++) {
		EXPECT_EQ(tmpfs(M, 0), 0);
		long fd = sys_open(M "/big", O_CREAT | O_RDWR, 0644);
		for (int i = 0; i < 8; i++)
			sys_write(fd, block, sizeof(block));       /* 256 KiB */
		sys_close(fd);
		EXPECT_EQ(sys_umount2(M, 0), 0);
	}
	if (counters_mine())
		EXPECT(stats_now().free_frames + 16 >= before);  /* (heap blocks may stay) */
	dir_remove();
}

USERTEST(mount_flags)
{
	struct stat st;
	char *av[] = { SELF, "--helper", "exit", "3", NULL };

	dir_fresh();
	EXPECT_EQ(sys_mkdir(M, 0755), 0);
	/* MS_RDONLY: nothing can be written or made. */
	EXPECT_EQ(tmpfs(M, MS_RDONLY), 0);
	EXPECT_EQ(sys_open(M "/f", O_CREAT | O_RDWR, 0644), -EROFS);
	EXPECT_EQ(sys_mkdir(M "/d", 0755), -EROFS);
	EXPECT_EQ(sys_chmod(M, 0755), -EROFS);
	EXPECT_EQ(sys_stat(M, &st), 0);
	EXPECT_EQ(sys_umount2(M, 0), 0);
	/* MS_NOEXEC: its programs do not run. */
	EXPECT_EQ(tmpfs(M, MS_NOEXEC), 0);
	static char buf[4096];
	long in = sys_open(SELF, O_RDONLY, 0), out = sys_open(M "/prog", O_CREAT | O_WRONLY, 0755), n;
	while ((n = sys_read(in, buf, sizeof(buf))) > 0)
		sys_write(out, buf, n);
	sys_close(in);
	sys_close(out);
	fflush(stdout);
	long pid = sys_fork();
	if (pid == 0)
		quit(sys_execve(M "/prog", av, 0) == -EACCES ? 0 : 1);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(sys_umount2(M, 0), 0);
	dir_remove();
}

USERTEST(mount_errors)
{
	dir_fresh();
	EXPECT_EQ(sys_mkdir(M, 0755), 0);
	EXPECT_EQ(write_file(TDIR "/file", "", 0644), 0);
	EXPECT_EQ(tmpfs(TDIR "/missing", 0), -ENOENT);
	EXPECT_EQ(tmpfs(TDIR "/file", 0), -ENOTDIR);
	EXPECT_EQ(tmpfs(TDIR "/file/x", 0), -ENOTDIR);
	EXPECT_EQ(sys_mount("none", M, "nosuchfs", 0, 0), -ENODEV);
	EXPECT_EQ(sys_mount("none", M, 0, 0, 0), -EINVAL);
	EXPECT_EQ(sys_mount("none", M, "tmpfs", MS_REMOUNT, 0), -EINVAL);
	EXPECT_EQ(sys_mount("none", 0, "tmpfs", 0, 0), -EFAULT);
	EXPECT_EQ(sys_mount("none", M, (char *)KERNEL_ADDR, 0, 0), -EFAULT);
	EXPECT_EQ(sys_mount((char *)UNMAPPED, M, "tmpfs", 0, 0), -EFAULT);
	EXPECT_EQ(sys_mount("none", (char *)NONCANONICAL, "tmpfs", 0, 0), -EFAULT);
	EXPECT_EQ(sys_umount2(M, 0), -EINVAL);                 /* not a mount point */
	EXPECT_EQ(sys_umount2(TDIR "/missing", 0), -ENOENT);
	EXPECT_EQ(sys_umount2(0, 0), -EFAULT);
	EXPECT_EQ(sys_umount2(M, 0x100), -EINVAL);             /* unknown flag */
	EXPECT_EQ(sys_umount2("/", 0), -EBUSY);                /* the root stays */
	/* Nothing above mounted anything. */
	struct stat a, b;
	EXPECT_EQ(sys_stat(M, &a), 0);
	EXPECT_EQ(sys_stat(TDIR, &b), 0);
	EXPECT(a.st_dev == b.st_dev);
	dir_remove();
}
