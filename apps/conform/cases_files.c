/*
 * cases_files.c - the file calls through each entry path: descriptors,
 * offsets and holes, directories, links and renames, and their errors.
 * Each case cleans up what it made, so the int80 and syscall runs start
 * from the same tree.
 */
#include <api/dirent.h>
#include <api/fcntl.h>
#include <api/stat.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/syscall.h>

#include "conform.h"

#define OPEN(P, path, flags, mode) CALL3(P, SYS_open, path, flags, mode)

/* Remove what the file cases make, whatever state a failed run left. */
static void clean(const struct path *P)
{
	static const char *const names[] = { "/conform-file", "/conform-a", "/conform-b", "/conform-c",
					      "/conform-dir/relative" };

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		CALL1(P, SYS_unlink, names[i]);
	CALL1(P, SYS_rmdir, "/conform-dir");
	CALL1(P, SYS_chdir, "/");
}

int case_files_read_write_seek(const struct path *P, struct transcript *t)
{
	const char *name = "/conform-file";
	char buf[32];
	struct stat st;
	long fd;

	clean(P);
	fd = OPEN(P, name, O_CREAT | O_EXCL | O_RDWR, 0644);

	EXPECT(t, P, fd >= 3);
	EXPECT(t, P, CALL3(P, SYS_write, fd, "0123456789", 10) == 10);
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, 0, SEEK_CUR) == 10);
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, 2, SEEK_SET) == 2);
	EXPECT(t, P, CALL3(P, SYS_read, fd, buf, 4) == 4 && memcmp(buf, "2345", 4) == 0);
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, 10, SEEK_END) == 20);      /* past the end... */
	EXPECT(t, P, CALL3(P, SYS_write, fd, "X", 1) == 1);             /* ...makes a hole */
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, 10, SEEK_SET) == 10);
	memset(buf, 7, sizeof(buf));
	EXPECT(t, P, CALL3(P, SYS_read, fd, buf, 32) == 11 && buf[0] == 0 && buf[9] == 0 && buf[10] == 'X');
	EXPECT(t, P, CALL3(P, SYS_read, fd, buf, 32) == 0);              /* end of file */
	EXPECT(t, P, CALL2(P, SYS_fstat, fd, &st) == 0 && st.st_size == 21 && S_ISREG(st.st_mode));
	EXPECT(t, P, CALL1(P, SYS_close, fd) == 0);

	/* O_APPEND writes at the end; O_TRUNC empties; O_EXCL refuses. */
	fd = OPEN(P, name, O_WRONLY | O_APPEND, 0);
	EXPECT(t, P, CALL3(P, SYS_write, fd, "!", 1) == 1 && CALL3(P, SYS_lseek, fd, 0, SEEK_CUR) == 22);
	EXPECT(t, P, CALL3(P, SYS_read, fd, buf, 1) == -EBADF);          /* write-only */
	CALL1(P, SYS_close, fd);
	fd = OPEN(P, name, O_RDONLY | O_TRUNC, 0);                        /* Linux truncates even so */
	EXPECT(t, P, CALL3(P, SYS_write, fd, "x", 1) == -EBADF);
	EXPECT(t, P, CALL2(P, SYS_fstat, fd, &st) == 0 && st.st_size == 0);
	CALL1(P, SYS_close, fd);
	fd = OPEN(P, name, O_ACCMODE, 0);                                 /* mode 3: neither read nor write */
	EXPECT(t, P, fd >= 0 && CALL3(P, SYS_read, fd, buf, 1) == -EBADF && CALL3(P, SYS_write, fd, "x", 1) == -EBADF);
	CALL1(P, SYS_close, fd);
	fd = OPEN(P, name, O_RDWR | O_TRUNC | 04000 /* O_NONBLOCK: ignored */, 0);
	EXPECT(t, P, fd >= 0 && CALL3(P, SYS_write, fd, "ab", 2) == 2);
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, -1, SEEK_SET) == -EINVAL);
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, 0, 3) == -EINVAL);
	CALL1(P, SYS_close, fd);

	long r[] = {
		OPEN(P, name, O_CREAT | O_EXCL | O_RDWR, 0644),
		OPEN(P, "/no/such/file", O_RDONLY, 0),
		OPEN(P, "/bin", O_WRONLY, 0),
		OPEN(P, name, O_RDONLY | O_DIRECTORY, 0),
		OPEN(P, name, O_CREAT | O_DIRECTORY, 0),
		OPEN(P, "/bin", O_RDONLY | O_TRUNC, 0),
		CALL3(P, SYS_lseek, 1, 0, SEEK_SET),
		CALL3(P, SYS_read, 55, buf, 1),
		CALL1(P, SYS_close, 55),
		CALL1(P, SYS_close, -1),
	};
	long want[] = { -EEXIST, -ENOENT, -EISDIR, -ENOTDIR, -EINVAL, -EISDIR, -ESPIPE, -EBADF, -EBADF, -EBADF };
	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == want[i]);
		note(t, "%ld ", r[i]);
	}
	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		if (r[i] >= 0 && i < 6)
			CALL1(P, SYS_close, r[i]);            /* a wrong success leaks nothing */
	EXPECT(t, P, CALL1(P, SYS_unlink, name) == 0);
	clean(P);
	return 0;
}

int case_files_directories(const struct path *P, struct transcript *t)
{
	char cwd[64], buf[1024];
	long fd;

	clean(P);
	EXPECT(t, P, CALL2(P, SYS_mkdir, "/conform-dir", 0755) == 0);
	EXPECT(t, P, CALL2(P, SYS_mkdir, "/conform-dir", 0755) == -EEXIST);
	EXPECT(t, P, CALL1(P, SYS_chdir, "/conform-dir") == 0);
	EXPECT(t, P, CALL2(P, SYS_getcwd, cwd, sizeof(cwd)) == 13 && strcmp(cwd, "/conform-dir") == 0);
	EXPECT(t, P, CALL2(P, SYS_getcwd, cwd, 5) == -ERANGE);
	fd = OPEN(P, "relative", O_CREAT | O_WRONLY, 0600);               /* relative to the cwd */
	EXPECT(t, P, fd >= 0);
	CALL1(P, SYS_close, fd);
	struct stat st;
	EXPECT(t, P, CALL2(P, SYS_stat, "/conform-dir/relative", &st) == 0 && (st.st_mode & 0777) == 0600);
	EXPECT(t, P, CALL2(P, SYS_stat, "/conform-dir", &st) == 0 && S_ISDIR(st.st_mode) && st.st_nlink == 2);
	EXPECT(t, P, CALL1(P, SYS_rmdir, "/conform-dir") == -ENOTEMPTY);
	EXPECT(t, P, CALL1(P, SYS_chdir, "relative") == -ENOTDIR);
	EXPECT(t, P, CALL1(P, SYS_unlink, "relative") == 0);
	EXPECT(t, P, CALL1(P, SYS_chdir, "..") == 0);
	EXPECT(t, P, CALL1(P, SYS_rmdir, "conform-dir") == 0);
	EXPECT(t, P, CALL2(P, SYS_stat, "/conform-dir", &st) == -ENOENT);

	/* getdents64 on /bin lists the programs of the initrd, each once. */
	fd = OPEN(P, "/bin", O_RDONLY | O_DIRECTORY, 0);
	int dot = 0, conform = 0, init = 0, bad = 0;
	long n;
	while ((n = CALL3(P, SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n && !bad;) {
			struct linux_dirent64 *d = (void *)(buf + off);
			if (d->d_reclen < 20 || off + d->d_reclen > n)
				bad = 1;                       /* a record that would not advance */
			dot += strcmp(d->d_name, ".") == 0;
			conform += strcmp(d->d_name, "conform") == 0;
			init += strcmp(d->d_name, "init") == 0;
			off += d->d_reclen;
		}
		if (bad)
			break;
	}
	EXPECT(t, P, n == 0 && !bad && dot == 1 && conform == 1 && init == 1);
	EXPECT(t, P, CALL3(P, SYS_read, fd, buf, 1) == -EISDIR);
	EXPECT(t, P, CALL3(P, SYS_read, fd, buf, 0) == -EISDIR);
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, 0, SEEK_END) == -EINVAL);
	CALL1(P, SYS_close, fd);
	EXPECT(t, P, CALL3(P, SYS_getdents64, 1, buf, sizeof(buf)) == -ENOTDIR);
	note(t, "getdents: . %d conform %d init %d", dot, conform, init);
	clean(P);
	return 0;
}

int case_files_links_dup(const struct path *P, struct transcript *t)
{
	struct stat st;
	char c;
	long fd, fd2, fd3;

	clean(P);
	fd = OPEN(P, "/conform-a", O_CREAT | O_RDWR, 0644);
	EXPECT(t, P, CALL3(P, SYS_write, fd, "abc", 3) == 3);
	EXPECT(t, P, CALL2(P, SYS_link, "/conform-a", "/conform-b") == 0);
	EXPECT(t, P, CALL2(P, SYS_stat, "/conform-b", &st) == 0 && st.st_nlink == 2 && st.st_size == 3);
	EXPECT(t, P, CALL2(P, SYS_link, "/conform-a", "/conform-b") == -EEXIST);
	EXPECT(t, P, CALL2(P, SYS_rename, "/conform-b", "/conform-c") == 0);
	EXPECT(t, P, CALL2(P, SYS_stat, "/conform-b", &st) == -ENOENT);
	EXPECT(t, P, CALL1(P, SYS_unlink, "/conform-a") == 0 && CALL1(P, SYS_unlink, "/conform-c") == 0);
	/* Unlinked, but still open: the data lives until the last close. */
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, 0, SEEK_SET) == 0 && CALL3(P, SYS_read, fd, &c, 1) == 1 && c == 'a');
	/* dup and dup2 share the offset. */
	fd2 = CALL1(P, SYS_dup, fd);
	fd3 = CALL2(P, SYS_dup2, fd, 40);
	EXPECT(t, P, fd2 == fd + 1 && fd3 == 40);                       /* the lowest free one */
	EXPECT(t, P, CALL3(P, SYS_read, fd2, &c, 1) == 1 && c == 'b');
	EXPECT(t, P, CALL3(P, SYS_lseek, 40, 0, SEEK_CUR) == 2);
	EXPECT(t, P, CALL2(P, SYS_dup2, 40, 40) == 40);
	EXPECT(t, P, CALL2(P, SYS_ftruncate, fd, 1) == 0 && CALL2(P, SYS_fstat, fd3, &st) == 0 && st.st_size == 1);
	EXPECT(t, P, CALL2(P, SYS_dup2, fd, 64) == -EBADF && CALL1(P, SYS_dup, 63) == -EBADF);
	CALL1(P, SYS_close, fd);
	CALL1(P, SYS_close, fd2);
	CALL1(P, SYS_close, fd3);
	EXPECT(t, P, CALL3(P, SYS_read, fd3, &c, 1) == -EBADF);
	/* dup2 onto an open descriptor closes what was there. */
	fd = OPEN(P, "/bin/init", O_RDONLY, 0);
	fd2 = OPEN(P, "/dev/zero", O_RDONLY, 0);
	EXPECT(t, P, CALL2(P, SYS_dup2, fd2, fd) == fd);
	EXPECT(t, P, CALL3(P, SYS_read, fd, &c, 1) == 1 && c == 0);      /* zeros, not the ELF */
	CALL1(P, SYS_close, fd);
	CALL1(P, SYS_close, fd2);
	note(t, "ok");
	clean(P);
	return 0;
}

int case_files_bad_pointers(const struct path *P, struct transcript *t)
{
	static char longpath[5000];
	struct stat st;
	char buf[8];

	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	long fd = OPEN(P, "/bin/init", O_RDONLY, 0);
	long r[] = {
		OPEN(P, 0, O_RDONLY, 0),
		OPEN(P, KERNEL_ADDR, O_RDONLY, 0),
		OPEN(P, longpath, O_RDONLY, 0),
		CALL2(P, SYS_stat, "/bin/init", 0),
		CALL2(P, SYS_stat, "/bin/init", 0xffffffff80000000UL),
		CALL2(P, SYS_getcwd, 0, 100),
		CALL3(P, SYS_read, fd, 0, 8),
		CALL3(P, SYS_read, fd, USER_END, 8),
		CALL2(P, SYS_mkdir, 1, 0755),
		CALL2(P, SYS_rename, "/bin/init", 0),
		CALL3(P, SYS_execve, "/bin/init/x", 0, 0),
	};
	long want[] = { -EFAULT, -EFAULT, -ENAMETOOLONG, -EFAULT, -EFAULT, -EFAULT, -EFAULT, -EFAULT,
			-EFAULT, -EFAULT, -ENOTDIR };
	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == want[i]);
		note(t, "%ld ", r[i]);
	}
	/* The file is intact after all that, and it is an ELF executable. */
	EXPECT(t, P, CALL3(P, SYS_read, fd, buf, 4) == 4 && memcmp(buf, "\177ELF", 4) == 0);
	EXPECT(t, P, CALL2(P, SYS_fstat, fd, &st) == 0 && st.st_size > 4096);
	CALL1(P, SYS_close, fd);
	return 0;
}

int case_files_devices(const struct path *P, struct transcript *t)
{
	char buf[16];
	struct stat st;
	struct stat st2;
	long null = OPEN(P, "/dev/null", O_RDWR, 0), zero = OPEN(P, "/dev/zero", O_RDONLY, 0);
	long con = OPEN(P, "/dev/console", O_WRONLY, 0);

	EXPECT(t, P, null >= 0 && zero >= 0 && con >= 0);
	EXPECT(t, P, CALL3(P, SYS_write, null, "12345", 5) == 5);
	EXPECT(t, P, CALL3(P, SYS_read, null, buf, sizeof(buf)) == 0);
	memset(buf, 7, sizeof(buf));
	EXPECT(t, P, CALL3(P, SYS_read, zero, buf, 8) == 8 && buf[0] == 0 && buf[7] == 0 && buf[8] == 7);
	EXPECT(t, P, CALL3(P, SYS_read, zero, 0, 8) == -EFAULT);
	EXPECT(t, P, CALL3(P, SYS_lseek, zero, 100, SEEK_SET) == 0);
	EXPECT(t, P, CALL2(P, SYS_fstat, zero, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == ((1 << 8) | 5));
	EXPECT(t, P, CALL2(P, SYS_stat, "/dev/console", &st) == 0 && st.st_rdev == ((5 << 8) | 1));
	EXPECT(t, P, CALL3(P, SYS_write, con, "# /dev/console\n", 15) == 15);
	EXPECT(t, P, CALL3(P, SYS_read, con, buf, 1) == -EBADF);         /* opened write-only */
	EXPECT(t, P, CALL2(P, SYS_fstat, con, &st2) == 0 && st2.st_ino == st.st_ino);
	EXPECT(t, P, CALL2(P, SYS_fstat, 1, &st2) == 0 && st2.st_ino == st.st_ino);  /* init's too */
	CALL1(P, SYS_close, null);
	CALL1(P, SYS_close, zero);
	CALL1(P, SYS_close, con);
	note(t, "ok");
	return 0;
}

/* In a child: exec `conform --is-open fd` and report its exit status. */
static void exec_is_open(const struct path *P, void *arg)
{
	char num[16];
	char *argv[] = { CONFORM_BIN, "--is-open", num, 0 };

	snprintf(num, sizeof(num), "%ld", (long)arg);
	CALL3(P, SYS_execve, CONFORM_BIN, argv, 0);
	CALL1(P, SYS_exit, 99);
}

int case_files_cloexec(const struct path *P, struct transcript *t)
{
	long keep = OPEN(P, "/bin/init", O_RDONLY, 0);
	long drop = OPEN(P, "/bin/init", O_RDONLY | O_CLOEXEC, 0);
	int s1 = run_child(exec_is_open, P, (void *)keep), s2 = run_child(exec_is_open, P, (void *)drop);

	EXPECT(t, P, WIFEXITED(s1) && WEXITSTATUS(s1) == 1);             /* survived execve */
	EXPECT(t, P, WIFEXITED(s2) && WEXITSTATUS(s2) == 0);             /* closed by execve */
	EXPECT(t, P, CALL2(P, SYS_fstat, drop, &(struct stat){ 0 }) == 0); /* but only there */
	CALL1(P, SYS_close, keep);
	CALL1(P, SYS_close, drop);
	note(t, "statuses %#x %#x", s1, s2);
	return 0;
}
