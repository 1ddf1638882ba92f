/*
 * t_file.c - files and directories, by POSIX's (and Linux's) table: open
 * flags, reads, writes and holes, stat, directories, links, unlinking an
 * open file, the working directory, getdents64, dup, rename, truncate,
 * and the errors each call gives. Every case works under TDIR and removes
 * it, so both paths start from the same tree.
 */
#include <stdio.h>
#include <string.h>

#include "usertests.h"

#define F TDIR "/f"
#define G TDIR "/g"
#define D TDIR "/d"

static long size_of(const char *path)
{
	struct stat st;
	long r = sys_stat(path, &st);

	return r < 0 ? r : (long)st.st_size;
}

static long nlink_of(const char *path)
{
	struct stat st;
	long r = sys_stat(path, &st);

	return r < 0 ? r : (long)st.st_nlink;
}

static long read_back(const char *path, char *buf, long n)
{
	long fd = sys_open(path, O_RDONLY, 0), r;

	if (fd < 0)
		return fd;
	r = sys_read(fd, buf, n);
	sys_close(fd);
	if (r >= 0 && r < n)
		buf[r] = 0;
	return r;
}

USERTEST(file_open_flags)
{
	struct stat st;
	char buf[32];
	long fd;

	dir_fresh();
	/* O_CREAT makes it with the mode asked (no umask here); O_EXCL refuses
	 * an existing one; without O_CREAT, O_EXCL means nothing. */
	fd = sys_open(F, O_CREAT | O_EXCL | O_RDWR, 0640);
	EXPECT_EQ(fd, 3);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT(S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0640 && st.st_size == 0 && st.st_nlink == 1);
	EXPECT_EQ(sys_write(fd, "0123456789", 10), 10);
	sys_close(fd);
	EXPECT_EQ(sys_open(F, O_CREAT | O_EXCL | O_RDWR, 0640), -EEXIST);
	fd = sys_open(F, O_EXCL | O_RDONLY, 0);
	EXPECT_EQ(fd, 3);
	sys_close(fd);
	fd = sys_open(F, O_CREAT | O_RDONLY, 0777);          /* exists: mode untouched */
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_mode & 07777, 0640);
	sys_close(fd);

	/* Access modes. */
	fd = sys_open(F, O_RDONLY, 0);
	EXPECT_EQ(sys_write(fd, "x", 1), -EBADF);
	EXPECT_EQ(sys_read(fd, buf, 4), 4);
	sys_close(fd);
	fd = sys_open(F, O_WRONLY, 0);
	EXPECT_EQ(sys_read(fd, buf, 1), -EBADF);
	EXPECT_EQ(sys_write(fd, "ab", 2), 2);                 /* at 0: overwrites */
	sys_close(fd);
	EXPECT_EQ(read_back(F, buf, 20), 10);
	EXPECT(strcmp(buf, "ab23456789") == 0);

	/* O_APPEND: every write at the end, whatever the offset. */
	fd = sys_open(F, O_WRONLY | O_APPEND, 0);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(sys_write(fd, "XY", 2), 2);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_CUR), 12);
	sys_close(fd);
	EXPECT_EQ(read_back(F, buf, 20), 12);
	EXPECT(strcmp(buf, "ab23456789XY") == 0);

	/* O_TRUNC empties it. */
	fd = sys_open(F, O_RDWR | O_TRUNC, 0);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 0);
	sys_close(fd);

	/* O_DIRECTORY, and directories opened for writing. */
	EXPECT_EQ(sys_mkdir(D, 0755), 0);
	fd = sys_open(D, O_RDONLY | O_DIRECTORY, 0);
	EXPECT_EQ(fd, 3);
	sys_close(fd);
	EXPECT_EQ(sys_open(F, O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	EXPECT_EQ(sys_open(D, O_WRONLY, 0), -EISDIR);
	EXPECT_EQ(sys_open(D, O_RDWR, 0), -EISDIR);
	EXPECT_EQ(sys_open(D, O_CREAT | O_RDONLY, 0644), -EISDIR);
	EXPECT_EQ(sys_open(D "/new", O_CREAT | O_DIRECTORY | O_RDWR, 0644), -EINVAL);

	/* Names that cannot be opened. */
	EXPECT_EQ(sys_open(TDIR "/missing", O_RDONLY, 0), -ENOENT);
	EXPECT_EQ(sys_open(TDIR "/missing/x", O_CREAT | O_RDWR, 0644), -ENOENT);
	EXPECT_EQ(sys_open(F "/x", O_RDONLY, 0), -ENOTDIR);
	EXPECT_EQ(sys_open(F "/x", O_CREAT | O_RDWR, 0644), -ENOTDIR);
	EXPECT_EQ(sys_open(F "/", O_RDONLY, 0), -ENOTDIR);
	EXPECT_EQ(sys_open(TDIR "/new/", O_CREAT | O_RDWR, 0644), -EISDIR);
	EXPECT_EQ(sys_open("", O_RDONLY, 0), -ENOENT);
	EXPECT_EQ(sys_stat(TDIR "/new", &st), -ENOENT);        /* nothing made by the failures */
	dir_remove();
}

USERTEST(file_read_write_seek)
{
	char buf[64];
	struct stat st;
	long fd;

	dir_fresh();
	fd = sys_open(F, O_CREAT | O_RDWR, 0644);
	EXPECT_EQ(sys_write(fd, "hello, world", 12), 12);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_CUR), 12);
	EXPECT_EQ(sys_lseek(fd, 7, SEEK_SET), 7);
	EXPECT_EQ(sys_read(fd, buf, 5), 5);
	EXPECT(memcmp(buf, "world", 5) == 0);
	EXPECT_EQ(sys_read(fd, buf, 5), 0);                    /* end of file */
	EXPECT_EQ(sys_lseek(fd, -5, SEEK_END), 7);
	EXPECT_EQ(sys_lseek(fd, -2, SEEK_CUR), 5);
	EXPECT_EQ(sys_read(fd, buf, 2), 2);
	EXPECT(memcmp(buf, ", ", 2) == 0);

	/* A hole: seeking past the end and writing leaves zeros between. */
	EXPECT_EQ(sys_lseek(fd, 100, SEEK_END), 112);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 12);                             /* not until a write */
	EXPECT_EQ(sys_write(fd, "!", 1), 1);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 113);
	EXPECT_EQ(sys_lseek(fd, 10, SEEK_SET), 10);
	memset(buf, 7, sizeof(buf));
	EXPECT_EQ(sys_read(fd, buf, 64), 64);
	int zeros = 0;
	for (int i = 2; i < 64; i++)
		zeros += buf[i] == 0;
	EXPECT(buf[0] == 'l' && buf[1] == 'd' && zeros == 62);

	/* Seek errors; the offset stays where it was. */
	EXPECT_EQ(sys_lseek(fd, 5, SEEK_SET), 5);
	EXPECT_EQ(sys_lseek(fd, -1, SEEK_SET), -EINVAL);
	EXPECT_EQ(sys_lseek(fd, -6, SEEK_CUR), -EINVAL);
	EXPECT_EQ(sys_lseek(fd, -200, SEEK_END), -EINVAL);
	EXPECT_EQ(sys_lseek(fd, 0, 5), -EINVAL);
	EXPECT_EQ(sys_lseek(fd, 0x7fffffffffffffffL, SEEK_CUR), -EINVAL);   /* overflow */
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_CUR), 5);

	/* A bigger file in odd pieces reads back the same. */
	sys_close(fd);
	fd = sys_open(G, O_CREAT | O_RDWR | O_TRUNC, 0644);
	static char big[40000], back[40000];
	for (int i = 0; i < (int)sizeof(big); i++)
		big[i] = (char)(i * 13 + i / 256);
	for (long off = 0, n = 1; off < (long)sizeof(big); off += n, n = n * 3 % 4999 + 1)
		sys_write(fd, big + off, off + n > (long)sizeof(big) ? (long)sizeof(big) - off : n);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(sys_read(fd, back, sizeof(back)), sizeof(back));
	EXPECT(memcmp(big, back, sizeof(big)) == 0);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_END), sizeof(big));
	sys_close(fd);
	dir_remove();
}

USERTEST(file_stat)
{
	struct stat a, b, c;
	long fd;

	dir_fresh();
	fd = sys_open(F, O_CREAT | O_RDWR, 0600);
	sys_write(fd, "12345", 5);
	EXPECT_EQ(sys_stat(F, &a), 0);
	EXPECT_EQ(sys_lstat(F, &b), 0);
	EXPECT_EQ(sys_fstat(fd, &c), 0);
	EXPECT(a.st_ino == b.st_ino && a.st_ino == c.st_ino && a.st_dev == c.st_dev);
	EXPECT(a.st_size == 5 && c.st_size == 5 && a.st_nlink == 1);
	EXPECT(a.st_mode == (S_IFREG | 0600) && a.st_mode == c.st_mode);
	EXPECT(a.st_blksize > 0);
	EXPECT_EQ(sys_stat(TDIR, &a), 0);
	EXPECT(S_ISDIR(a.st_mode) && a.st_nlink == 2);         /* its name and "." */
	EXPECT_EQ(sys_mkdir(D, 0700), 0);
	EXPECT_EQ(sys_stat(TDIR, &a), 0);
	EXPECT_EQ(a.st_nlink, 3);                              /* and d's ".." */
	EXPECT_EQ(sys_stat(TDIR "/.", &b), 0);
	EXPECT_EQ(sys_stat(D "/..", &c), 0);
	EXPECT(a.st_ino == b.st_ino && a.st_ino == c.st_ino);
	EXPECT_EQ(sys_stat("/dev/null", &a), 0);
	EXPECT(S_ISCHR(a.st_mode));
	EXPECT_EQ(sys_stat("/", &a), 0);
	EXPECT_EQ(sys_stat("/..", &b), 0);
	EXPECT(S_ISDIR(a.st_mode) && a.st_ino == b.st_ino);    /* / is its own parent */
	EXPECT_EQ(sys_stat("//" "ut" "//f", &b), 0);           /* slashes repeat freely */

	EXPECT_EQ(sys_stat(TDIR "/missing", &a), -ENOENT);
	EXPECT_EQ(sys_stat(F "/x", &a), -ENOTDIR);
	EXPECT_EQ(sys_stat(F "/", &a), -ENOTDIR);
	EXPECT_EQ(sys_stat("", &a), -ENOENT);
	EXPECT_EQ(sys_stat(F, 0), -EFAULT);
	EXPECT_EQ(sys_stat(F, (void *)ro_page), -EFAULT);
	EXPECT_EQ(sys_stat(0, &a), -EFAULT);
	EXPECT_EQ(sys_lstat(F, (void *)KERNEL_ADDR), -EFAULT);
	EXPECT_EQ(sys_fstat(fd, (void *)UNMAPPED), -EFAULT);
	EXPECT_EQ(sys_fstat(40, &a), -EBADF);
	EXPECT_EQ(sys_fstat(-1, &a), -EBADF);
	sys_close(fd);
	dir_remove();
}

USERTEST(file_mkdir_rmdir)
{
	struct stat st;

	dir_fresh();
	EXPECT_EQ(sys_mkdir(D, 0755), 0);
	EXPECT_EQ(sys_stat(D, &st), 0);
	EXPECT(st.st_mode == (S_IFDIR | 0755));
	EXPECT_EQ(sys_mkdir(D, 0755), -EEXIST);
	EXPECT_EQ(sys_mkdir(D "/", 0755), -EEXIST);
	EXPECT_EQ(sys_mkdir(D "/e/", 0755), 0);                /* a trailing slash is fine */
	EXPECT_EQ(sys_mkdir(D "/e/f", 0755), 0);
	EXPECT_EQ(write_file(F, "x", 0644), 1);
	EXPECT_EQ(sys_mkdir(F, 0755), -EEXIST);
	EXPECT_EQ(sys_mkdir(F "/x", 0755), -ENOTDIR);
	EXPECT_EQ(sys_mkdir(TDIR "/no/x", 0755), -ENOENT);
	EXPECT_EQ(sys_mkdir("/", 0755), -EEXIST);
	EXPECT_EQ(sys_mkdir(TDIR "/.", 0755), -EEXIST);
	EXPECT_EQ(sys_mkdir("", 0755), -ENOENT);

	EXPECT_EQ(sys_rmdir(D), -ENOTEMPTY);
	EXPECT_EQ(sys_rmdir(D "/e"), -ENOTEMPTY);
	EXPECT_EQ(sys_rmdir(F), -ENOTDIR);
	EXPECT_EQ(sys_rmdir(TDIR "/missing"), -ENOENT);
	EXPECT_EQ(sys_rmdir(D "/e/f/."), -EINVAL);
	EXPECT_EQ(sys_rmdir(D "/e/f/.."), -ENOTEMPTY);
	EXPECT_EQ(sys_rmdir("/"), -EBUSY);
	EXPECT_EQ(sys_unlink(D), -EISDIR);
	EXPECT_EQ(sys_rmdir(D "/e/f"), 0);
	EXPECT_EQ(sys_rmdir(D "/e/"), 0);
	EXPECT_EQ(sys_stat(D, &st), 0);
	EXPECT_EQ(st.st_nlink, 2);                             /* e's ".." went with it */
	EXPECT_EQ(sys_rmdir(D), 0);
	EXPECT_EQ(sys_rmdir(D), -ENOENT);
	EXPECT_EQ(sys_mkdir(0, 0755), -EFAULT);
	EXPECT_EQ(sys_rmdir((char *)KERNEL_ADDR), -EFAULT);
	dir_remove();
}

USERTEST(file_links)
{
	struct stat a, b;
	char buf[16];

	dir_fresh();
	EXPECT_EQ(write_file(F, "shared", 0644), 6);
	EXPECT_EQ(sys_link(F, G), 0);
	EXPECT_EQ(nlink_of(F), 2);
	EXPECT_EQ(sys_stat(F, &a), 0);
	EXPECT_EQ(sys_stat(G, &b), 0);
	EXPECT(a.st_ino == b.st_ino);
	EXPECT_EQ(write_file(G, "SHARED", 0644), 6);          /* one file, two names */
	EXPECT_EQ(read_back(F, buf, sizeof(buf)), 6);
	EXPECT(strcmp(buf, "SHARED") == 0);
	EXPECT_EQ(sys_link(F, G), -EEXIST);
	EXPECT_EQ(sys_mkdir(D, 0755), 0);
	EXPECT_EQ(sys_link(D, TDIR "/d2"), -EPERM);            /* no links to directories */
	EXPECT_EQ(sys_link(TDIR "/missing", TDIR "/x"), -ENOENT);
	EXPECT_EQ(sys_link(F, TDIR "/no/x"), -ENOENT);
	EXPECT_EQ(sys_link(F, G "/x"), -ENOTDIR);
	EXPECT_EQ(sys_link(F, D), -EEXIST);
	EXPECT_EQ(sys_link(0, G), -EFAULT);
	EXPECT_EQ(sys_link(F, (char *)UNMAPPED), -EFAULT);
	EXPECT_EQ(sys_unlink(F), 0);
	EXPECT_EQ(nlink_of(G), 1);
	EXPECT_EQ(sys_unlink(F), -ENOENT);
	EXPECT_EQ(sys_unlink(G "/"), -ENOTDIR);
	EXPECT_EQ(sys_unlink(0), -EFAULT);
	EXPECT_EQ(sys_unlink(G), 0);
	EXPECT_EQ(sys_stat(G, &a), -ENOENT);
	dir_remove();
}

/* An unlinked file lives on while it is open; its memory goes at the last close. */
USERTEST(file_unlink_open)
{
	struct stat st;
	char buf[8];
	static char block[64 * 1024];
	long fd, fd2;

	dir_fresh();
	fd = sys_open(F, O_CREAT | O_RDWR, 0644);
	EXPECT_EQ(sys_write(fd, block, sizeof(block)), sizeof(block));
	EXPECT_EQ(sys_write(fd, "tail", 4), 4);
	fd2 = sys_dup(fd);
	uint64_t held = stats_now().free_frames;
	EXPECT_EQ(sys_unlink(F), 0);
	EXPECT_EQ(sys_stat(F, &st), -ENOENT);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_nlink, 0);
	EXPECT_EQ(st.st_size, sizeof(block) + 4);
	EXPECT_EQ(sys_lseek(fd, -4, SEEK_END), sizeof(block));
	EXPECT_EQ(sys_read(fd, buf, 8), 4);
	EXPECT(memcmp(buf, "tail", 4) == 0);
	EXPECT_EQ(sys_write(fd, "more", 4), 4);
	/* A new file under the old name is another file. */
	EXPECT_EQ(write_file(F, "new", 0644), 3);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, sizeof(block) + 8);
	EXPECT_EQ(sys_unlink(F), 0);
	sys_close(fd);
	if (counters_mine())
		EXPECT(stats_now().free_frames < held + 8);    /* fd2 still holds it */
	sys_close(fd2);
	if (counters_mine())
		EXPECT(stats_now().free_frames >= held + 16);  /* 64 KiB came back */
	dir_remove();
}

USERTEST(file_cwd)
{
	char cwd[64];
	struct stat st;

	dir_fresh();
	EXPECT_EQ(sys_mkdir(D, 0755), 0);
	EXPECT_EQ(sys_mkdir(D "/e", 0755), 0);
	EXPECT_EQ(sys_chdir(D "/e"), 0);
	EXPECT_EQ(sys_getcwd(cwd, sizeof(cwd)), 8);            /* "/ut/d/e" and its NUL */
	EXPECT(strcmp(cwd, "/ut/d/e") == 0);
	EXPECT_EQ(write_file("here", "rel", 0644), 3);          /* relative to the cwd */
	EXPECT_EQ(sys_stat(D "/e/here", &st), 0);
	EXPECT_EQ(sys_chdir(".."), 0);
	EXPECT_EQ(sys_getcwd(cwd, sizeof(cwd)), 6);
	EXPECT(strcmp(cwd, "/ut/d") == 0);
	EXPECT_EQ(sys_stat("e/here", &st), 0);
	EXPECT_EQ(sys_stat("./e/../e/./here", &st), 0);
	EXPECT_EQ(sys_chdir("../../../../.."), 0);             /* ".." stops at / */
	EXPECT_EQ(sys_getcwd(cwd, sizeof(cwd)), 2);
	EXPECT(strcmp(cwd, "/") == 0);

	/* Errors. */
	EXPECT_EQ(sys_chdir(D "/e/here"), -ENOTDIR);
	EXPECT_EQ(sys_chdir(TDIR "/missing"), -ENOENT);
	EXPECT_EQ(sys_chdir(""), -ENOENT);
	EXPECT_EQ(sys_chdir(0), -EFAULT);
	EXPECT_EQ(sys_chdir(D), 0);
	EXPECT_EQ(sys_getcwd(cwd, 5), -ERANGE);
	EXPECT_EQ(sys_getcwd(cwd, 6), 6);
	EXPECT_EQ(sys_getcwd(cwd, 0), -ERANGE);
	EXPECT_EQ(sys_getcwd(0, 64), -EFAULT);
	EXPECT_EQ(sys_getcwd((char *)ro_page, 64), -EFAULT);

	/* The cwd is per process: a child's chdir is its own. */
	fflush(stdout);
	long pid = sys_fork();
	if (pid == 0)
		quit(sys_chdir("/") == 0 && sys_getcwd(cwd, sizeof(cwd)) == 2 ? 0 : 1);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(sys_getcwd(cwd, sizeof(cwd)), 6);

	/* A removed working directory: getcwd and new names fail with ENOENT. */
	EXPECT_EQ(sys_chdir(D "/e"), 0);
	EXPECT_EQ(sys_unlink(D "/e/here"), 0);
	EXPECT_EQ(sys_rmdir(D "/e"), 0);
	EXPECT_EQ(sys_getcwd(cwd, sizeof(cwd)), -ENOENT);
	EXPECT_EQ(sys_open("new", O_CREAT | O_RDWR, 0644), -ENOENT);
	EXPECT_EQ(sys_mkdir("sub", 0755), -ENOENT);
	EXPECT_EQ(sys_stat(".", &st), 0);                      /* it still exists, empty */
	EXPECT_EQ(st.st_nlink, 0);
	EXPECT_EQ(sys_chdir("/"), 0);
	dir_remove();
}

/* A decimal name: 1 and its value in *out, or 0. */
static int parse_num(const char *s, int *out)
{
	int v = 0;

	if (!*s)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 1;
}

/* Read directory dir with getdents64 in buffers of n bytes: each name
 * once, "." and ".." included; the count of entries, or -errno. */
static int list_dir(const char *dir, long n, int *seen, int nseen, int *types_ok)
{
	char buf[2048];
	long fd = sys_open(dir, O_RDONLY | O_DIRECTORY, 0), r;
	int count = 0;

	*types_ok = 1;
	while ((r = sys_getdents64(fd, buf, n)) > 0) {
		for (long off = 0; off < r;) {
			struct linux_dirent64 *d = (void *)(buf + off);
			if (d->d_reclen < 20 || off + d->d_reclen > r || (d->d_reclen & 7))
				return -1000;
			count++;
			int i;
			if (parse_num(d->d_name, &i) && i >= 0 && i < nseen) {
				seen[i]++;
				*types_ok &= d->d_type == (i % 3 ? DT_REG : DT_DIR);
			} else if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0) {
				*types_ok &= d->d_type == DT_DIR;
			}
			off += d->d_reclen;
		}
	}
	sys_close(fd);
	return r < 0 ? (int)r : count;
}

USERTEST(file_getdents)
{
	int seen[30], types_ok;
	char name[64], buf[256];
	long fd;

	dir_fresh();
	for (int i = 0; i < 30; i++) {
		snprintf(name, sizeof(name), TDIR "/%d", i);
		EXPECT_EQ(i % 3 ? write_file(name, "", 0644) : sys_mkdir(name, 0755), 0);
	}
	/* Big buffers and ones that fit a record or two: the same entries. */
	static const long sizes[] = { 2048, 100, 40 };
	for (int k = 0; k < 3; k++) {
		memset(seen, 0, sizeof(seen));
		EXPECT_EQ(list_dir(TDIR, sizes[k], seen, 30, &types_ok), 32);
		int once = 1;
		for (int i = 0; i < 30; i++)
			once &= seen[i] == 1;
		EXPECT(once && types_ok);
	}
	/* Removing some shows at the next listing. */
	for (int i = 1; i < 30; i += 3) {
		snprintf(name, sizeof(name), TDIR "/%d", i);
		sys_unlink(name);
	}
	memset(seen, 0, sizeof(seen));
	EXPECT_EQ(list_dir(TDIR, 512, seen, 30, &types_ok), 22);

	/* Rewinding; errors. */
	fd = sys_open(TDIR, O_RDONLY | O_DIRECTORY, 0);
	long first = sys_getdents64(fd, buf, sizeof(buf));
	EXPECT(first > 0);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(sys_getdents64(fd, buf, sizeof(buf)), first);
	EXPECT_EQ(sys_getdents64(fd, buf, 10), -EINVAL);        /* not even one record */
	EXPECT_EQ(sys_getdents64(fd, 0, sizeof(buf)), -EFAULT);
	EXPECT_EQ(sys_getdents64(fd, (void *)KERNEL_ADDR, sizeof(buf)), -EFAULT);
	EXPECT_EQ(sys_read(fd, buf, 1), -EISDIR);
	sys_close(fd);
	EXPECT_EQ(sys_getdents64(fd, buf, sizeof(buf)), -EBADF);
	fd = sys_open("/bin/usertests", O_RDONLY, 0);
	EXPECT_EQ(sys_getdents64(fd, buf, sizeof(buf)), -ENOTDIR);
	sys_close(fd);
	/* An empty directory lists just . and .. */
	EXPECT_EQ(sys_mkdir(D, 0755), 0);
	EXPECT_EQ(list_dir(D, 512, seen, 0, &types_ok), 2);
	EXPECT(types_ok);
	dir_remove();
}

USERTEST(file_dup)
{
	char c;
	long fd, fd2;

	dir_fresh();
	EXPECT_EQ(write_file(F, "abcdef", 0644), 6);
	fd = sys_open(F, O_RDONLY, 0);
	EXPECT_EQ(fd, 3);
	fd2 = sys_dup(fd);
	EXPECT_EQ(fd2, 4);                                     /* the lowest free one */
	EXPECT_EQ(sys_read(fd, &c, 1), 1);
	EXPECT_EQ(sys_read(fd2, &c, 1), 1);                    /* one shared offset */
	EXPECT_EQ(c, 'b');
	EXPECT_EQ(sys_dup2(fd, 10), 10);
	EXPECT_EQ(sys_lseek(10, 0, SEEK_CUR), 2);
	EXPECT_EQ(sys_dup2(fd, fd), fd);                       /* onto itself: nothing */
	EXPECT_EQ(sys_dup2(fd2, 10), 10);                      /* onto an open one: replaced */
	sys_close(fd);
	EXPECT_EQ(sys_read(10, &c, 1), 1);                     /* still open through the others */
	EXPECT_EQ(c, 'c');
	EXPECT_EQ(sys_dup(10), 3);                             /* ...and 3 is free again */
	sys_close(3);
	EXPECT_EQ(sys_close(3), -EBADF);
	EXPECT_EQ(sys_dup(3), -EBADF);
	EXPECT_EQ(sys_dup(-1), -EBADF);
	EXPECT_EQ(sys_dup(64), -EBADF);
	EXPECT_EQ(sys_dup2(3, 5), -EBADF);
	EXPECT_EQ(sys_dup2(-1, 5), -EBADF);
	EXPECT_EQ(sys_dup2(fd2, 64), -EBADF);
	EXPECT_EQ(sys_dup2(fd2, -1), -EBADF);
	EXPECT_EQ(sys_dup2(fd2, 1L << 32 | 5), 5);             /* descriptors are 32 bits */
	sys_close(5);
	sys_close(fd2);
	sys_close(10);
	dir_remove();
}

static void read_three(void *fdp)
{
	char buf[3];
	long fd = (long)fdp;

	quit(sys_read(fd, buf, 3) == 3 && sys_close(fd) == 0 ? 0 : 1);
}

/* A descriptor inherited by fork is the same open file: one offset. */
USERTEST(file_fork_shares_offset)
{
	char c;
	long fd;

	dir_fresh();
	EXPECT_EQ(write_file(F, "0123456789", 0644), 10);
	fd = sys_open(F, O_RDONLY, 0);
	EXPECT_EQ(run_child(read_three, (void *)fd), 0);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_CUR), 3);
	EXPECT_EQ(sys_read(fd, &c, 1), 1);
	EXPECT_EQ(c, '3');                                     /* its close did not close ours */
	sys_close(fd);
	dir_remove();
}

USERTEST(file_rename)
{
	char buf[16];
	struct stat st;
	long fd;

	dir_fresh();
	EXPECT_EQ(write_file(F, "first", 0644), 5);
	EXPECT_EQ(write_file(G, "second", 0644), 6);
	fd = sys_open(G, O_RDONLY, 0);
	EXPECT_EQ(sys_rename(F, TDIR "/h"), 0);
	EXPECT_EQ(sys_stat(F, &st), -ENOENT);
	EXPECT_EQ(read_back(TDIR "/h", buf, sizeof(buf)), 5);
	EXPECT_EQ(sys_rename(TDIR "/h", G), 0);                /* replaces g */
	EXPECT_EQ(read_back(G, buf, sizeof(buf)), 5);
	EXPECT(strcmp(buf, "first") == 0);
	EXPECT_EQ(sys_read(fd, buf, sizeof(buf)), 6);          /* the old g, still open */
	sys_close(fd);
	EXPECT_EQ(sys_rename(G, G), 0);                        /* onto itself */
	EXPECT_EQ(sys_link(G, F), 0);
	EXPECT_EQ(sys_rename(G, F), 0);                        /* two names of one file: nothing */
	EXPECT_EQ(nlink_of(F), 2);
	EXPECT_EQ(sys_unlink(F), 0);

	/* Directories. */
	EXPECT_EQ(sys_mkdir(D, 0755), 0);
	EXPECT_EQ(sys_mkdir(D "/sub", 0755), 0);
	EXPECT_EQ(sys_mkdir(TDIR "/empty", 0755), 0);
	EXPECT_EQ(sys_mkdir(TDIR "/full", 0755), 0);
	EXPECT_EQ(write_file(TDIR "/full/x", "", 0644), 0);
	EXPECT_EQ(sys_rename(D, TDIR "/full"), -ENOTEMPTY);
	EXPECT_EQ(sys_rename(D, G), -ENOTDIR);                 /* a directory over a file */
	EXPECT_EQ(sys_rename(G, D), -EISDIR);                  /* a file over a directory */
	EXPECT_EQ(sys_rename(D, D "/sub/in"), -EINVAL);        /* into itself */
	EXPECT_EQ(sys_rename(D, TDIR "/empty"), 0);            /* over an empty one */
	EXPECT_EQ(sys_stat(TDIR "/empty/sub", &st), 0);
	EXPECT_EQ(sys_stat(D, &st), -ENOENT);
	EXPECT_EQ(sys_rename(TDIR "/empty/sub", TDIR "/sub2"), 0);
	EXPECT_EQ(nlink_of(TDIR "/empty"), 2);                 /* ".." of sub moved out */
	EXPECT_EQ(sys_rename(TDIR "/missing", F), -ENOENT);
	EXPECT_EQ(sys_rename(G, TDIR "/no/x"), -ENOENT);
	EXPECT_EQ(sys_rename(G, G "/x"), -ENOTDIR);
	EXPECT_EQ(sys_rename(0, F), -EFAULT);
	EXPECT_EQ(sys_rename(G, (char *)KERNEL_ADDR), -EFAULT);
	dir_remove();
}

USERTEST(file_truncate)
{
	char buf[16];
	long fd;

	dir_fresh();
	EXPECT_EQ(write_file(F, "0123456789", 0644), 10);
	EXPECT_EQ(sys_truncate(F, 4), 0);
	EXPECT_EQ(size_of(F), 4);
	EXPECT_EQ(sys_truncate(F, 8), 0);                      /* grows with zeros */
	EXPECT_EQ(read_back(F, buf, sizeof(buf)), 8);
	EXPECT(memcmp(buf, "0123\0\0\0\0", 8) == 0);
	fd = sys_open(F, O_RDWR, 0);
	EXPECT_EQ(sys_lseek(fd, 6, SEEK_SET), 6);
	EXPECT_EQ(sys_ftruncate(fd, 2), 0);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_CUR), 6);              /* the offset stays */
	EXPECT_EQ(sys_read(fd, buf, 4), 0);
	EXPECT_EQ(sys_write(fd, "Z", 1), 1);                   /* a hole 2..5 */
	EXPECT_EQ(size_of(F), 7);
	EXPECT_EQ(sys_ftruncate(fd, -1), -EINVAL);
	sys_close(fd);
	fd = sys_open(F, O_RDONLY, 0);
	EXPECT_EQ(sys_ftruncate(fd, 0), -EINVAL);              /* not open for writing */
	sys_close(fd);
	EXPECT_EQ(sys_ftruncate(fd, 0), -EBADF);
	EXPECT_EQ(sys_truncate(F, -1), -EINVAL);
	EXPECT_EQ(sys_truncate(TDIR, 0), -EISDIR);
	EXPECT_EQ(sys_truncate(TDIR "/missing", 0), -ENOENT);
	EXPECT_EQ(sys_truncate(F "/x", 0), -ENOTDIR);
	EXPECT_EQ(sys_truncate(0, 0), -EFAULT);
	EXPECT_EQ(size_of(F), 7);
	dir_remove();
}

/* File data in pages (tmpfs's, and the page cache here): a hole takes no
 * page and reads as zeros, st_blocks counts 8 a page, a write spanning
 * pages lands whole, and a cut across pages gives them back and zeroes
 * the rest of the last one. */
USERTEST(file_pages)
{
	static char pat[10000], buf[16384];
	struct stat st;
	long fd;

	for (int i = 0; i < (int)sizeof(pat); i++)
		pat[i] = (char)(i % 251 + 1);
	dir_fresh();
	fd = sys_open(F, O_CREAT | O_RDWR, 0644);
	/* One byte in the sixth page: a hole of five before it. */
	EXPECT_EQ(sys_lseek(fd, 5 * 4096 + 10, SEEK_SET), 5 * 4096 + 10);
	EXPECT_EQ(sys_write(fd, "z", 1), 1);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 5 * 4096 + 11);
	EXPECT_EQ(st.st_blocks, 8);
	EXPECT_EQ(sys_lseek(fd, 4090, SEEK_SET), 4090);
	EXPECT_EQ(sys_read(fd, buf, 20), 20);
	EXPECT(buf[0] == 0 && buf[19] == 0);
	/* 10000 bytes from 4000: pages 0 to 3 (and the sixth): five pages. */
	EXPECT_EQ(sys_lseek(fd, 4000, SEEK_SET), 4000);
	EXPECT_EQ(sys_write(fd, pat, sizeof(pat)), (long)sizeof(pat));
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_blocks, 5 * 8);
	EXPECT_EQ(sys_lseek(fd, 4000, SEEK_SET), 4000);
	EXPECT_EQ(sys_read(fd, buf, sizeof(pat)), (long)sizeof(pat));
	EXPECT(memcmp(buf, pat, sizeof(pat)) == 0);
	/* Cut inside page 1, grow again: the bytes past the cut are zeros. */
	EXPECT_EQ(sys_ftruncate(fd, 5000), 0);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_blocks, 2 * 8);
	EXPECT_EQ(sys_ftruncate(fd, 14000), 0);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_blocks, 2 * 8);                        /* growing makes a hole */
	EXPECT_EQ(sys_lseek(fd, 4000, SEEK_SET), 4000);
	EXPECT_EQ(sys_read(fd, buf, 10000), 10000);
	EXPECT(memcmp(buf, pat, 1000) == 0);
	int zeros = 1;
	for (int i = 1000; i < 10000; i++)
		zeros &= buf[i] == 0;
	EXPECT(zeros);
	/* A large sparse file costs nothing. */
	EXPECT_EQ(sys_ftruncate(fd, 32L << 20), 0);
	EXPECT_EQ(sys_fstat(fd, &st), 0);
	EXPECT_EQ(st.st_blocks, 2 * 8);
	sys_close(fd);
	dir_remove();
}

/* Names too long, descriptors that are not open, pointers that are not ours. */
USERTEST(file_errors)
{
	static char path[5000], name[300];
	struct stat st;
	char buf[8];
	long fd;

	dir_fresh();
	/* A component of 255 bytes is fine, 256 is not. */
	memset(name, 'n', sizeof(name));
	memcpy(name, TDIR "/", 4);
	name[4 + 255] = 0;
	EXPECT_EQ(write_file(name, "", 0644), 0);
	EXPECT_EQ(sys_stat(name, &st), 0);
	EXPECT_EQ(sys_unlink(name), 0);
	name[4 + 255] = 'n';
	name[4 + 256] = 0;
	EXPECT_EQ(sys_open(name, O_CREAT | O_RDWR, 0644), -ENAMETOOLONG);
	EXPECT_EQ(sys_mkdir(name, 0755), -ENAMETOOLONG);
	EXPECT_EQ(sys_stat(name, &st), -ENAMETOOLONG);
	/* A path of PATH_MAX (4096) bytes or more. */
	memset(path, '/', sizeof(path) - 1);
	EXPECT_EQ(sys_stat(path, &st), -ENAMETOOLONG);
	path[4095] = 0;                                        /* 4095 slashes: fine */
	EXPECT_EQ(sys_stat(path, &st), 0);
	path[4095] = '/';
	path[4096] = 0;
	EXPECT_EQ(sys_stat(path, &st), -ENAMETOOLONG);
	EXPECT_EQ(sys_chdir(path), -ENAMETOOLONG);
	EXPECT_EQ(sys_rename(path, F), -ENAMETOOLONG);

	/* Descriptors that are not open. */
	static const long bad[] = { -1, 5, 62, 64, 1000, 1L << 31, -100 };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_EQ(sys_read(bad[i], buf, 1), -EBADF);
		EXPECT_EQ(sys_write(bad[i], buf, 1), -EBADF);
		EXPECT_EQ(sys_close(bad[i]), -EBADF);
		EXPECT_EQ(sys_fstat(bad[i], &st), -EBADF);
		EXPECT_EQ(sys_lseek(bad[i], 0, SEEK_SET), -EBADF);
	}

	/* Pointers: NULL, the kernel half, not canonical, unmapped, read-only. */
	fd = sys_open("/bin/usertests", O_RDONLY, 0);
	const unsigned long ptrs[] = { 0, KERNEL_ADDR, DIRECT_MAP, NONCANONICAL, UNMAPPED };
	for (unsigned i = 0; i < sizeof(ptrs) / sizeof(ptrs[0]); i++) {
		void *p = (void *)ptrs[i];
		EXPECT_EQ(sys_open(p, O_RDONLY, 0), -EFAULT);
		EXPECT_EQ(sys_stat(p, &st), -EFAULT);
		EXPECT_EQ(sys_read(fd, p, 8), -EFAULT);
		EXPECT_EQ(sys_write(1, p, 8), -EFAULT);
		EXPECT_EQ(sys_fstat(fd, p), -EFAULT);
		EXPECT_EQ(sys_chdir(p), -EFAULT);
		EXPECT_EQ(sys_mkdir(p, 0755), -EFAULT);
		EXPECT_EQ(sys_unlink(p), -EFAULT);
		EXPECT_EQ(sys_getcwd(p, 64), -EFAULT);
	}
	EXPECT_EQ(sys_read(fd, (void *)ro_page, 8), -EFAULT);
	EXPECT_EQ(sys_read(fd, buf, 4), 4);                    /* the file is still fine */
	EXPECT(memcmp(buf, "\177ELF", 4) == 0);
	sys_close(fd);
	dir_remove();
}
