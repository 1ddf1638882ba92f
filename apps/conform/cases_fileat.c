/*
 * cases_fileat.c - the calls static Linux programs make on names and
 * descriptors, through each entry path: openat and newfstatat relative to
 * a directory descriptor, faccessat and readlink, umask; fcntl and dup3;
 * pread, pwrite and the vector calls; sendfile; ioctl on the console and
 * elsewhere, fsync, statfs. Each case cleans up what it made, so the
 * int80 and syscall runs start from the same tree.
 */
#include <api/fcntl.h>
#include <api/stat.h>
#include <api/statfs.h>
#include <api/termios.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include "conform.h"

/* What F_GETFL adds to a raw open's flags: a 64-bit open is always
 * O_LARGEFILE; an i386 one only when asked (libc adds it, as musl's). */
#ifdef __i386__
#define LARGEFILE 0
#else
#define LARGEFILE O_LARGEFILE
#endif

/* preadv's high offset word: ignored on x86-64, part of the offset on i386. */
#ifdef __i386__
#define HIGH_HALF 0
#else
#define HIGH_HALF 0x1234
#endif

#define OPEN(P, path, flags, mode) CALL3(P, SYS_open, path, flags, mode)

/* Remove what the cases here make, whatever state a failed run left. */
static void clean(const struct path *P)
{
	static const char *const files[] = { "/conform-at/f", "/conform-at/new", "/conform-at/c", "/conform-at/m/x",
					      "/conform-io", "/conform-io2" };

	for (unsigned i = 0; i < N(files); i++)
		CALL1(P, SYS_unlink, files[i]);
	CALL1(P, SYS_rmdir, "/conform-at/m");
	CALL1(P, SYS_rmdir, "/conform-at");
}

/* A new file holding text, closed: 0 or -errno. */
static long make(const struct path *P, const char *name, const char *text, long mode)
{
	long fd = OPEN(P, name, O_CREAT | O_TRUNC | O_WRONLY, mode);

	if (fd < 0)
		return fd;
	CALL3(P, SYS_write, fd, text, strlen(text));
	return CALL1(P, SYS_close, fd);
}

int case_fileat_openat_stat(const struct path *P, struct transcript *t)
{
	struct stat st, st2;
	long dir, fd, file;

	clean(P);
	CALL2(P, SYS_mkdir, "/conform-at", 0755);
	make(P, "/conform-at/f", "hello", 0644);
	dir = OPEN(P, "/conform-at", O_RDONLY | O_DIRECTORY, 0);
	file = OPEN(P, "/conform-at/f", O_RDONLY, 0);
	EXPECT(t, P, dir >= 0 && file >= 0);

	/* Relative to dir, to the working directory, absolute (dirfd unused). */
	fd = CALL4(P, SYS_openat, dir, "f", O_RDONLY, 0);
	EXPECT(t, P, fd >= 0 && CALL2(P, SYS_fstat, fd, &st) == 0 && st.st_size == 5);
	CALL1(P, SYS_close, fd);
	CALL1(P, SYS_chdir, "/conform-at");
	fd = CALL4(P, SYS_openat, AT_FDCWD, "f", O_RDONLY, 0);
	EXPECT(t, P, fd >= 0);
	CALL1(P, SYS_close, fd);
	CALL1(P, SYS_chdir, "/");
	fd = CALL4(P, SYS_openat, 12345, "/conform-at/f", O_RDONLY, 0);
	EXPECT(t, P, fd >= 0);
	CALL1(P, SYS_close, fd);
	fd = CALL4(P, SYS_openat, dir, "new", O_CREAT | O_EXCL | O_WRONLY, 0600);
	EXPECT(t, P, fd >= 0 && CALL4(P, SYS_newfstatat, dir, "new", &st, 0) == 0 && (st.st_mode & 0777) == 0600);
	CALL1(P, SYS_close, fd);

	/* newfstatat: the same node by every route; AT_EMPTY_PATH is fstat. */
	EXPECT(t, P, CALL2(P, SYS_stat, "/conform-at/f", &st) == 0);
	EXPECT(t, P, CALL4(P, SYS_newfstatat, dir, "f", &st2, 0) == 0 && st2.st_ino == st.st_ino);
	EXPECT(t, P, CALL4(P, SYS_newfstatat, file, "", &st2, AT_EMPTY_PATH) == 0 && st2.st_ino == st.st_ino);
	EXPECT(t, P, CALL4(P, SYS_newfstatat, dir, "f", &st2, AT_SYMLINK_NOFOLLOW) == 0 && st2.st_ino == st.st_ino);
	EXPECT(t, P, CALL4(P, SYS_newfstatat, AT_FDCWD, "/conform-at/./f", &st2, 0) == 0 && st2.st_ino == st.st_ino);
	EXPECT(t, P, CALL4(P, SYS_newfstatat, dir, "", &st2, AT_EMPTY_PATH) == 0 && S_ISDIR(st2.st_mode));
	EXPECT(t, P, CALL4(P, SYS_newfstatat, 1, "", &st2, AT_EMPTY_PATH) == 0 && S_ISCHR(st2.st_mode));
	int pfd[2];
	CALL1(P, SYS_pipe, pfd);
	EXPECT(t, P, CALL4(P, SYS_newfstatat, pfd[0], "", &st2, AT_EMPTY_PATH) == 0 && S_ISFIFO(st2.st_mode));

	long r[] = {
		CALL4(P, SYS_openat, file, "f", O_RDONLY, 0),             /* dirfd not a directory */
		CALL4(P, SYS_openat, 55, "f", O_RDONLY, 0),               /* dirfd not open */
		CALL4(P, SYS_openat, -1, "f", O_RDONLY, 0),
		CALL4(P, SYS_openat, dir, "", O_RDONLY, 0),               /* empty: never dirfd itself */
		CALL4(P, SYS_openat, 55, "", O_RDONLY, 0),                /* ... even before dirfd is looked at */
		CALL4(P, SYS_openat, dir, "none", O_RDONLY, 0),
		CALL4(P, SYS_openat, dir, "f/", O_RDONLY, 0),
		CALL4(P, SYS_openat, dir, "f", O_CREAT | O_DIRECTORY, 0),
		CALL4(P, SYS_openat, dir, "new", O_CREAT | O_EXCL | O_RDWR, 0600),
		CALL4(P, SYS_newfstatat, dir, "f", &st, 0x1),             /* an unknown flag */
		CALL4(P, SYS_newfstatat, dir, "none", &st, 0x12345678),   /* flags before the path */
		CALL4(P, SYS_newfstatat, dir, "", &st, 0),                /* empty without AT_EMPTY_PATH */
		CALL4(P, SYS_newfstatat, 55, "", &st, AT_EMPTY_PATH),
		CALL4(P, SYS_newfstatat, file, "x", &st, 0),
		CALL4(P, SYS_newfstatat, 55, "/conform-at/f", &st, 0),    /* absolute: dirfd unused */
		CALL4(P, SYS_newfstatat, dir, "f", 0, 0),
	};
	long want[] = { -ENOTDIR, -EBADF, -EBADF, -ENOENT, -ENOENT, -ENOENT, -ENOTDIR, -EINVAL, -EEXIST,
			-EINVAL, -EINVAL, -ENOENT, -EBADF, -ENOTDIR, 0, -EFAULT };
	EXPECT_ALL(P, t, r, want, N(r));
	for (unsigned i = 0; i < 9; i++)
		if (r[i] >= 0)
			CALL1(P, SYS_close, r[i]);        /* a wrong success leaks nothing */

	/* creat is O_CREAT | O_WRONLY | O_TRUNC. */
	fd = CALL2(P, SYS_creat, "/conform-at/f", 0600);
	EXPECT(t, P, fd >= 0 && CALL2(P, SYS_fstat, fd, &st) == 0 && st.st_size == 0 && (st.st_mode & 0777) == 0644);
	EXPECT(t, P, CALL3(P, SYS_fcntl, fd, F_GETFL, 0) == (O_WRONLY | LARGEFILE));
	CALL1(P, SYS_close, fd);
	CALL1(P, SYS_close, pfd[0]);
	CALL1(P, SYS_close, pfd[1]);
	CALL1(P, SYS_close, dir);
	CALL1(P, SYS_close, file);
	clean(P);
	return 0;
}

/* In a child: report the umask fork gave it (as the exit status). */
static void child_umask(const struct path *P, void *arg)
{
	CALL1(P, SYS_exit, CALL1(P, SYS_umask, 0));
}

int case_fileat_umask(const struct path *P, struct transcript *t)
{
	struct stat st;
	long old, fd;

	clean(P);
	old = CALL1(P, SYS_umask, 027);
	EXPECT(t, P, old == 022);                                       /* Linux's first umask, in init */
	EXPECT(t, P, CALL1(P, SYS_umask, 027) == 027);
	EXPECT(t, P, CALL1(P, SYS_umask, 0177777) == 027);              /* only 0777 is kept */
	EXPECT(t, P, CALL1(P, SYS_umask, 027) == 0777);
	/* open, openat, creat and mkdir take it away from the mode. */
	EXPECT(t, P, CALL2(P, SYS_mkdir, "/conform-at", 0777) == 0);
	EXPECT(t, P, CALL2(P, SYS_stat, "/conform-at", &st) == 0 && (st.st_mode & 07777) == 0750);
	fd = OPEN(P, "/conform-at/f", O_CREAT | O_WRONLY, 04777);
	EXPECT(t, P, CALL2(P, SYS_fstat, fd, &st) == 0 && (st.st_mode & 07777) == 04750);
	CALL1(P, SYS_close, fd);
	fd = CALL4(P, SYS_openat, AT_FDCWD, "/conform-at/new", O_CREAT | O_WRONLY, 0666);
	EXPECT(t, P, CALL2(P, SYS_fstat, fd, &st) == 0 && (st.st_mode & 07777) == 0640);
	CALL1(P, SYS_close, fd);
	fd = CALL2(P, SYS_creat, "/conform-at/c", 0666);
	EXPECT(t, P, CALL2(P, SYS_fstat, fd, &st) == 0 && (st.st_mode & 07777) == 0640);
	CALL1(P, SYS_close, fd);
	/* An existing file keeps its mode; chmod is not masked. */
	fd = OPEN(P, "/conform-at/c", O_CREAT | O_WRONLY, 0);
	EXPECT(t, P, CALL2(P, SYS_fstat, fd, &st) == 0 && (st.st_mode & 07777) == 0640);
	CALL1(P, SYS_close, fd);
	EXPECT(t, P, CALL2(P, SYS_chmod, "/conform-at/c", 0777) == 0 && CALL2(P, SYS_stat, "/conform-at/c", &st) == 0 &&
		     (st.st_mode & 07777) == 0777);
	/* fork passes it on. */
	int s = run_child(child_umask, P, 0);
	EXPECT(t, P, WIFEXITED(s) && WEXITSTATUS(s) == 027);
	EXPECT(t, P, CALL1(P, SYS_umask, old) == 027);
	note(t, "status %#x", s);
	clean(P);
	return 0;
}

int case_fileat_access_readlink(const struct path *P, struct transcript *t)
{
	char buf[16];
	long dir;

	clean(P);
	CALL2(P, SYS_mkdir, "/conform-at", 0700);
	make(P, "/conform-at/f", "x", 0644);
	make(P, "/conform-at/new", "x", 0);
	dir = OPEN(P, "/conform-at", O_RDONLY | O_DIRECTORY, 0);
	long file = OPEN(P, "/conform-at/f", O_RDONLY, 0);
	memset(buf, 'z', sizeof(buf));
	/* The answers open and execve would give (fs/perm.c). */
	long r[] = {
		CALL2(P, SYS_access, "/conform-at/f", F_OK),
		CALL2(P, SYS_access, "/conform-at/f", R_OK | W_OK),
		CALL2(P, SYS_access, "/conform-at/f", X_OK),
		CALL2(P, SYS_access, "/conform-at/new", F_OK),
		CALL2(P, SYS_access, "/conform-at/new", R_OK),
		CALL2(P, SYS_access, "/conform-at/new", W_OK),
		CALL2(P, SYS_access, "/conform-at", R_OK | W_OK | X_OK),
		CALL2(P, SYS_access, "/bin/true", X_OK),
		CALL2(P, SYS_access, "/conform-at/none", F_OK),
		CALL2(P, SYS_access, "/conform-at/f/x", F_OK),
		CALL2(P, SYS_access, "/conform-at/f", 8),                    /* not a mode */
		CALL2(P, SYS_access, "/conform-at/none", 8),                 /* the mode first */
		CALL2(P, SYS_access, "", F_OK),
		CALL3(P, SYS_faccessat, dir, "f", R_OK),
		CALL3(P, SYS_faccessat, dir, "new", R_OK),
		CALL3(P, SYS_faccessat, file, "f", R_OK),
		CALL3(P, SYS_faccessat, 55, "f", R_OK),
		CALL4(P, SYS_faccessat2, dir, "f", W_OK, AT_EACCESS),
		CALL4(P, SYS_faccessat2, dir, "f", W_OK, AT_SYMLINK_NOFOLLOW),
		CALL4(P, SYS_faccessat2, file, "", R_OK, AT_EMPTY_PATH),
		CALL4(P, SYS_faccessat2, file, "", X_OK, AT_EMPTY_PATH),
		CALL4(P, SYS_faccessat2, dir, "f", R_OK, 0x1),               /* an unknown flag */
		CALL4(P, SYS_faccessat2, file, "", R_OK, 0),
		/* None of these names a symbolic link (cases_links.c reads real ones). */
		CALL3(P, SYS_readlink, "/conform-at/f", buf, sizeof(buf)),
		CALL3(P, SYS_readlink, "/conform-at", buf, sizeof(buf)),
		CALL3(P, SYS_readlink, "/conform-at/none", buf, sizeof(buf)),
		CALL3(P, SYS_readlink, "/conform-at/f", buf, 0),              /* the size first */
		CALL3(P, SYS_readlink, "/conform-at/none", buf, -1),
		CALL3(P, SYS_readlink, "/conform-at/f", 0, sizeof(buf)),      /* the buffer is never reached */
		CALL4(P, SYS_readlinkat, dir, "f", buf, sizeof(buf)),
		CALL4(P, SYS_readlinkat, dir, "", buf, sizeof(buf)),          /* dirfd itself: -ENOENT, as Linux */
		CALL4(P, SYS_readlinkat, file, "", buf, sizeof(buf)),
		CALL4(P, SYS_readlinkat, 55, "f", buf, sizeof(buf)),
		CALL4(P, SYS_readlinkat, file, "f", buf, sizeof(buf)),
	};
	long want[] = { 0, 0, -EACCES, 0, -EACCES, -EACCES, 0, 0, -ENOENT, -ENOTDIR, -EINVAL, -EINVAL, -ENOENT,
			0, -EACCES, -ENOTDIR, -EBADF, 0, 0, 0, -EACCES, -EINVAL, -ENOENT,
			-EINVAL, -EINVAL, -ENOENT, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -ENOENT, -ENOENT, -EBADF, -ENOTDIR };
	EXPECT_ALL(P, t, r, want, N(r));
	EXPECT(t, P, buf[0] == 'z');
	CALL1(P, SYS_close, dir);
	CALL1(P, SYS_close, file);
	clean(P);
	return 0;
}

int case_fd_fcntl_dup3(const struct path *P, struct transcript *t)
{
	long fd, fd2, pfd[2];
	int p[2];
	char c;

	clean(P);
	fd = OPEN(P, "/conform-io", O_CREAT | O_RDWR | O_TRUNC, 0644);
	EXPECT(t, P, CALL3(P, SYS_fcntl, fd, F_GETFD, 0) == 0);
	EXPECT(t, P, CALL3(P, SYS_fcntl, fd, F_SETFD, FD_CLOEXEC | 2) == 0 && CALL3(P, SYS_fcntl, fd, F_GETFD, 0) == FD_CLOEXEC);
	EXPECT(t, P, CALL3(P, SYS_fcntl, fd, F_SETFD, 0) == 0 && CALL3(P, SYS_fcntl, fd, F_GETFD, 0) == 0);
	/* F_GETFL: the access mode and the status flags; F_SETFL changes only O_APPEND and O_NONBLOCK. */
	EXPECT(t, P, CALL3(P, SYS_fcntl, fd, F_GETFL, 0) == (O_RDWR | LARGEFILE));
	EXPECT(t, P, CALL3(P, SYS_fcntl, fd, F_SETFL, O_APPEND | O_WRONLY | O_CREAT) == 0);
	EXPECT(t, P, CALL3(P, SYS_fcntl, fd, F_GETFL, 0) == (O_RDWR | LARGEFILE | O_APPEND));
	CALL3(P, SYS_write, fd, "ab", 2);
	CALL3(P, SYS_lseek, fd, 0, SEEK_SET);
	EXPECT(t, P, CALL3(P, SYS_write, fd, "c", 1) == 1 && CALL3(P, SYS_lseek, fd, 0, SEEK_CUR) == 3);  /* appended */
	EXPECT(t, P, CALL3(P, SYS_fcntl, fd, F_SETFL, 0) == 0 && CALL3(P, SYS_fcntl, fd, F_GETFL, 0) == (O_RDWR | LARGEFILE));
	/* F_DUPFD: the lowest free descriptor at or above arg; the flags are shared, FD_CLOEXEC is not. */
	fd2 = CALL3(P, SYS_fcntl, fd, F_DUPFD, 20);
	EXPECT(t, P, fd2 == 20 && CALL3(P, SYS_fcntl, 20, F_GETFD, 0) == 0);
	EXPECT(t, P, CALL3(P, SYS_fcntl, fd, F_DUPFD_CLOEXEC, 20) == 21 && CALL3(P, SYS_fcntl, 21, F_GETFD, 0) == FD_CLOEXEC);
	CALL3(P, SYS_fcntl, 20, F_SETFL, O_NONBLOCK);
	EXPECT(t, P, CALL3(P, SYS_fcntl, fd, F_GETFL, 0) == (O_RDWR | LARGEFILE | O_NONBLOCK));
	CALL1(P, SYS_close, 20);
	CALL1(P, SYS_close, 21);
	/* dup3: dup2 with O_CLOEXEC; the same number is an error. */
	EXPECT(t, P, CALL3(P, SYS_dup3, fd, 30, O_CLOEXEC) == 30 && CALL3(P, SYS_fcntl, 30, F_GETFD, 0) == FD_CLOEXEC);
	EXPECT(t, P, CALL3(P, SYS_dup3, fd, 30, 0) == 30 && CALL3(P, SYS_fcntl, 30, F_GETFD, 0) == 0);
	EXPECT(t, P, CALL3(P, SYS_lseek, 30, 0, SEEK_CUR) == 3);          /* the same open file */
	CALL1(P, SYS_close, 30);
	/* A pipe's ends: O_NONBLOCK set by F_SETFL makes an empty read -EAGAIN. */
	CALL1(P, SYS_pipe, p);
	pfd[0] = p[0], pfd[1] = p[1];
	EXPECT(t, P, CALL3(P, SYS_fcntl, pfd[0], F_GETFL, 0) == O_RDONLY && CALL3(P, SYS_fcntl, pfd[1], F_GETFL, 0) == O_WRONLY);
	EXPECT(t, P, CALL3(P, SYS_fcntl, pfd[0], F_SETFL, O_NONBLOCK) == 0);
	EXPECT(t, P, CALL3(P, SYS_fcntl, pfd[0], F_GETFL, 0) == O_NONBLOCK);
	EXPECT(t, P, CALL3(P, SYS_read, pfd[0], &c, 1) == -EAGAIN);
	CALL1(P, SYS_close, pfd[0]);
	CALL1(P, SYS_close, pfd[1]);

	long r[] = {
		CALL3(P, SYS_fcntl, 55, F_GETFD, 0),
		CALL3(P, SYS_fcntl, 55, 12345, 0),                         /* the descriptor first */
		CALL3(P, SYS_fcntl, fd, 12345, 0),
		CALL3(P, SYS_fcntl, fd, F_DUPFD, 64),                      /* at RLIMIT_NOFILE */
		CALL3(P, SYS_fcntl, fd, F_DUPFD_CLOEXEC, -1),
		CALL3(P, SYS_dup3, fd, fd, 0),
		CALL3(P, SYS_dup3, 55, 55, 0),                             /* equal numbers before old */
		CALL3(P, SYS_dup3, fd, 30, 1),                             /* a flag that is not O_CLOEXEC */
		CALL3(P, SYS_dup3, fd, 64, 0),
		CALL3(P, SYS_dup3, 55, 30, 0),
		CALL3(P, SYS_dup3, fd, -1, O_CLOEXEC),
	};
	long want[] = { -EBADF, -EBADF, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EBADF, -EBADF, -EBADF };
	EXPECT_ALL(P, t, r, want, N(r));
	EXPECT(t, P, CALL3(P, SYS_fcntl, 30, F_GETFD, 0) == -EBADF);       /* failures made nothing */
	CALL1(P, SYS_close, fd);
	clean(P);
	return 0;
}

int case_io_pread_pwrite(const struct path *P, struct transcript *t)
{
	char buf[16];
	long fd, dir;
	int p[2];

	clean(P);
	fd = OPEN(P, "/conform-io", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CALL3(P, SYS_write, fd, "0123456789", 10);
	CALL3(P, SYS_lseek, fd, 2, SEEK_SET);
	memset(buf, 0, sizeof(buf));
	/* At their own offset: the file's stays where it was. */
	EXPECT(t, P, PRW64(P, SYS_pread64, fd, buf, 4, 5) == 4 && memcmp(buf, "5678", 4) == 0);
	EXPECT(t, P, PRW64(P, SYS_pread64, fd, buf, 16, 8) == 2);
	EXPECT(t, P, PRW64(P, SYS_pread64, fd, buf, 16, 10) == 0 && PRW64(P, SYS_pread64, fd, buf, 16, 1000) == 0);
	EXPECT(t, P, PRW64(P, SYS_pwrite64, fd, "AB", 2, 12) == 2);        /* past the end: a hole */
	EXPECT(t, P, PRW64(P, SYS_pread64, fd, buf, 16, 9) == 5 && memcmp(buf, "9\0\0AB", 5) == 0);
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, 0, SEEK_CUR) == 2);
	EXPECT(t, P, CALL3(P, SYS_read, fd, buf, 1) == 1 && buf[0] == '2');
	CALL1(P, SYS_close, fd);
	/* With O_APPEND, pwrite appends whatever the offset, as Linux does. */
	fd = OPEN(P, "/conform-io", O_RDWR | O_APPEND, 0);
	EXPECT(t, P, PRW64(P, SYS_pwrite64, fd, "Z", 1, 0) == 1 && CALL3(P, SYS_lseek, fd, 0, SEEK_CUR) == 0);
	EXPECT(t, P, PRW64(P, SYS_pread64, fd, buf, 2, 13) == 2 && memcmp(buf, "BZ", 2) == 0);
	/* /dev/zero and /dev/null take offsets too. */
	long zero = OPEN(P, "/dev/zero", O_RDWR, 0);
	EXPECT(t, P, PRW64(P, SYS_pread64, zero, buf, 3, 100) == 3 && buf[0] == 0 && PRW64(P, SYS_pwrite64, zero, "x", 1, 7) == 1);
	CALL1(P, SYS_close, zero);

	dir = OPEN(P, "/bin", O_RDONLY, 0);
	CALL1(P, SYS_pipe, p);
	long wo = OPEN(P, "/conform-io", O_WRONLY, 0);
	long r[] = {
		PRW64(P, SYS_pread64, fd, buf, 1, -1),
		PRW64(P, SYS_pread64, 55, buf, 1, -1),                    /* the offset first */
		PRW64(P, SYS_pread64, 55, buf, 1, 0),
		PRW64(P, SYS_pread64, p[0], buf, 1, 0),
		PRW64(P, SYS_pread64, 1, buf, 1, 0),                      /* the console */
		PRW64(P, SYS_pread64, wo, buf, 1, 0),
		PRW64(P, SYS_pread64, dir, buf, 1, 0),
		PRW64(P, SYS_pread64, fd, 0, 1, 0),
		PRW64(P, SYS_pread64, fd, buf, 4, 0x7ffffffffffffffeL),   /* past the largest offset */
		PRW64(P, SYS_pwrite64, fd, buf, 1, -1),
		PRW64(P, SYS_pwrite64, p[1], buf, 1, 0),
		PRW64(P, SYS_pwrite64, dir, buf, 1, 0),
		PRW64(P, SYS_pwrite64, wo, 0, 1, 0),
		PRW64(P, SYS_pwrite64, wo, buf, 0, 5),
	};
	long want[] = { -EINVAL, -EINVAL, -EBADF, -ESPIPE, -ESPIPE, -EBADF, -EISDIR, -EFAULT, -EINVAL,
			-EINVAL, -ESPIPE, -EBADF, -EFAULT, 0 };
	EXPECT_ALL(P, t, r, want, N(r));
	struct stat st;
	EXPECT(t, P, CALL2(P, SYS_fstat, fd, &st) == 0 && st.st_size == 15);  /* the failures wrote nothing */
	CALL1(P, SYS_close, wo);
	CALL1(P, SYS_close, p[0]);
	CALL1(P, SYS_close, p[1]);
	CALL1(P, SYS_close, dir);
	CALL1(P, SYS_close, fd);
	clean(P);
	return 0;
}

int case_io_vectors(const struct path *P, struct transcript *t)
{
	char a[4], b[8], c[4];
	struct iovec iov[3] = { { a, sizeof(a) }, { b, sizeof(b) }, { c, sizeof(c) } };
	struct iovec out[2] = { { "hello ", 6 }, { "vectors", 7 } };
	long fd;
	int p[2];

	clean(P);
	fd = OPEN(P, "/conform-io", O_CREAT | O_RDWR | O_TRUNC, 0644);
	EXPECT(t, P, CALL3(P, SYS_writev, fd, out, 2) == 13);
	CALL3(P, SYS_lseek, fd, 0, SEEK_SET);
	/* readv fills each in turn, up to the end of the file. */
	EXPECT(t, P, CALL3(P, SYS_readv, fd, iov, 3) == 13);
	EXPECT(t, P, memcmp(a, "hell", 4) == 0 && memcmp(b, "o vector", 8) == 0 && c[0] == 's');
	EXPECT(t, P, CALL3(P, SYS_readv, fd, iov, 3) == 0);
	/* preadv and pwritev at an offset; the file's stays. */
	EXPECT(t, P, CALL5(P, SYS_pwritev, fd, out, 1, 20, 0) == 6);
	EXPECT(t, P, CALL5(P, SYS_preadv, fd, iov, 2, 18, HIGH_HALF) == 8);
	EXPECT(t, P, memcmp(a, "\0\0he", 4) == 0 && memcmp(b, "llo ", 4) == 0);
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, 0, SEEK_CUR) == 13);
	/* A pipe: one read fills several iovecs, and stops at what is there. */
	CALL1(P, SYS_pipe, p);
	CALL3(P, SYS_write, p[1], "pipe-data", 9);
	memset(b, 0, sizeof(b));
	EXPECT(t, P, CALL3(P, SYS_readv, p[0], iov, 3) == 9 && memcmp(a, "pipe", 4) == 0 && memcmp(b, "-data", 5) == 0);
	CALL1(P, SYS_close, p[1]);
	EXPECT(t, P, CALL3(P, SYS_readv, p[0], iov, 3) == 0);            /* no writer: end of file */

	long dir = OPEN(P, "/bin", O_RDONLY, 0), wo = OPEN(P, "/conform-io", O_WRONLY, 0);
	struct iovec bad[2] = { { a, 4 }, { (void *)KERNEL_ADDR, 4 } };
	long r[] = {
		CALL3(P, SYS_readv, 55, iov, 1),
		CALL3(P, SYS_readv, wo, iov, 1),                          /* not open for reading */
		CALL3(P, SYS_readv, fd, iov, 1025),
		CALL3(P, SYS_readv, fd, 0, 1),
		CALL3(P, SYS_readv, fd, bad, 2),
		CALL3(P, SYS_readv, dir, iov, 1),
		CALL3(P, SYS_readv, fd, iov, 0),
		CALL5(P, SYS_preadv, fd, iov, 1, -1, PV_HI(-1)),
		CALL5(P, SYS_preadv, p[0], iov, 1, 0, 0),
		CALL5(P, SYS_pwritev, 55, out, 1, 0, 0),
		CALL5(P, SYS_pwritev, 1, out, 1, 0, 0),
	};
	/* bad[1] is past a 32-bit process's end but below the 64-bit limit
	 * Linux checks first: the first element is read, then the fault. */
	long want[] = { -EBADF, -EBADF, -EINVAL, -EFAULT, sizeof(long) == 4 ? 4 : -EFAULT, -EISDIR, 0, -EINVAL,
			-ESPIPE, -EBADF, -ESPIPE };
	EXPECT_ALL(P, t, r, want, N(r));
	CALL1(P, SYS_close, wo);
	CALL1(P, SYS_close, dir);
	CALL1(P, SYS_close, p[0]);
	CALL1(P, SYS_close, fd);
	clean(P);
	return 0;
}

int case_io_sendfile(const struct path *P, struct transcript *t)
{
	char buf[32];
	long in, out;
	int64_t off;                          /* a loff_t: 64-bit in a -m32 program too */
	int p[2];

	clean(P);
	make(P, "/conform-io", "0123456789", 0644);
	in = OPEN(P, "/conform-io", O_RDONLY, 0);
	out = OPEN(P, "/conform-io2", O_CREAT | O_RDWR | O_TRUNC, 0644);
	/* From in's offset, advancing it. */
	EXPECT(t, P, CALL3(P, SYS_lseek, in, 2, SEEK_SET) == 2);
	EXPECT(t, P, CALL4(P, SYS_sendfile, out, in, 0, 5) == 5 && CALL3(P, SYS_lseek, in, 0, SEEK_CUR) == 7);
	EXPECT(t, P, CALL4(P, SYS_sendfile, out, in, 0, 100) == 3 && CALL4(P, SYS_sendfile, out, in, 0, 100) == 0);
	/* From *offset: it moves, in's own does not. */
	off = 1;
	EXPECT(t, P, CALL4(P, SYS_sendfile, out, in, &off, 2) == 2 && off == 3 && CALL3(P, SYS_lseek, in, 0, SEEK_CUR) == 10);
	EXPECT(t, P, PRW64(P, SYS_pread64, out, buf, sizeof(buf), 0) == 10 && memcmp(buf, "2345678912", 10) == 0);
	/* Into a pipe, and from /dev/zero. */
	CALL1(P, SYS_pipe, p);
	off = 0;
	EXPECT(t, P, CALL4(P, SYS_sendfile, p[1], in, &off, 4) == 4 && CALL3(P, SYS_read, p[0], buf, sizeof(buf)) == 4 &&
		     memcmp(buf, "0123", 4) == 0);
	long zero = OPEN(P, "/dev/zero", O_RDONLY, 0);
	EXPECT(t, P, CALL4(P, SYS_sendfile, p[1], zero, 0, 3) == 3 && CALL3(P, SYS_read, p[0], buf, sizeof(buf)) == 3 && buf[0] == 0);

	long app = OPEN(P, "/conform-io2", O_WRONLY | O_APPEND, 0), dir = OPEN(P, "/bin", O_RDONLY, 0);
	off = 0;
	long r[] = {
		CALL4(P, SYS_sendfile, out, 55, 0, 1),
		CALL4(P, SYS_sendfile, 55, in, 0, 1),
		CALL4(P, SYS_sendfile, in, in, 0, 1),                     /* out not open for writing */
		CALL4(P, SYS_sendfile, out, p[1], 0, 1),                  /* in not open for reading */
		CALL4(P, SYS_sendfile, out, p[0], &off, 1),               /* a pipe has no offsets */
		CALL4(P, SYS_sendfile, out, p[0], 0, 1),                  /* nor anything to send from */
		CALL4(P, SYS_sendfile, app, in, &off, 1),                 /* O_APPEND */
		CALL4(P, SYS_sendfile, out, dir, &off, 1),
		CALL4(P, SYS_sendfile, out, in, KERNEL_ADDR, 1),
		CALL4(P, SYS_sendfile, out, in, "\377\377\377\377\377\377\377\377", 1),   /* -1, and read-only */
		CALL4(P, SYS_sendfile, out, in, 0, -1L),                  /* past the largest offset */
	};
	/* A 32-bit count of -1 is 4 GiB - 1, no offset overflow: 0 bytes at in's end, as on Linux. */
	long want[] = { -EBADF, -EBADF, -EBADF, -EBADF, -ESPIPE, -EINVAL, -EINVAL, -EINVAL, -EFAULT, -EFAULT,
			sizeof(long) == 4 ? 0 : -EINVAL };
	EXPECT_ALL(P, t, r, want, N(r));
	struct stat st;
	EXPECT(t, P, CALL2(P, SYS_fstat, out, &st) == 0 && st.st_size == 10);
	CALL1(P, SYS_close, app);
	CALL1(P, SYS_close, dir);
	CALL1(P, SYS_close, zero);
	CALL1(P, SYS_close, p[0]);
	CALL1(P, SYS_close, p[1]);
	CALL1(P, SYS_close, in);
	CALL1(P, SYS_close, out);
	clean(P);
	return 0;
}

int case_fd_ioctl_sync_statfs(const struct path *P, struct transcript *t)
{
	struct winsize ws = { 0 }, ws2 = { 24, 100, 0, 0 };
	struct termios tio;
	struct statfs sf, sf2;
	long fd, null, con, root;
	int p[2], on = 1, off = 0;

	clean(P);
	con = OPEN(P, "/dev/console", O_RDWR, 0);
	fd = OPEN(P, "/conform-io", O_CREAT | O_RDWR, 0644);
	null = OPEN(P, "/dev/null", O_RDWR, 0);
	root = OPEN(P, "/", O_RDONLY, 0);
	CALL1(P, SYS_pipe, p);
	/* The console is a terminal: Linux's default settings, a size. */
	EXPECT(t, P, CALL3(P, SYS_ioctl, con, TCGETS, &tio) == 0 && (tio.c_lflag & (ICANON | ECHO | ISIG)) == (ICANON | ECHO | ISIG));
	EXPECT(t, P, tio.c_cc[VINTR] == 3 && tio.c_cc[VEOF] == 4 && (tio.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR));
	EXPECT(t, P, CALL3(P, SYS_ioctl, con, TCSETS, &tio) == 0 && CALL3(P, SYS_ioctl, con, TCSETSW, &tio) == 0);
	EXPECT(t, P, CALL3(P, SYS_ioctl, con, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0);
	EXPECT(t, P, CALL3(P, SYS_ioctl, con, TIOCSWINSZ, &ws2) == 0 && CALL3(P, SYS_ioctl, 1, TIOCGWINSZ, &ws2) == 0 &&
		     ws2.ws_row == 24 && ws2.ws_col == 100);
	EXPECT(t, P, CALL3(P, SYS_ioctl, con, TIOCSWINSZ, &ws) == 0);    /* as it was */
	/* Requests every file takes. */
	EXPECT(t, P, CALL3(P, SYS_ioctl, fd, FIOCLEX, 0) == 0 && CALL3(P, SYS_fcntl, fd, F_GETFD, 0) == FD_CLOEXEC);
	EXPECT(t, P, CALL3(P, SYS_ioctl, fd, FIONCLEX, 0) == 0 && CALL3(P, SYS_fcntl, fd, F_GETFD, 0) == 0);
	EXPECT(t, P, CALL3(P, SYS_ioctl, p[0], FIONBIO, &on) == 0 && CALL3(P, SYS_fcntl, p[0], F_GETFL, 0) == O_NONBLOCK);
	EXPECT(t, P, CALL3(P, SYS_ioctl, p[0], FIONBIO, &off) == 0 && CALL3(P, SYS_fcntl, p[0], F_GETFL, 0) == O_RDONLY);
	long r[] = {
		CALL3(P, SYS_ioctl, fd, TCGETS, &tio),                     /* not terminals */
		CALL3(P, SYS_ioctl, null, TIOCGWINSZ, &ws),
		CALL3(P, SYS_ioctl, p[0], TIOCGWINSZ, &ws),
		CALL3(P, SYS_ioctl, 55, TIOCGWINSZ, &ws),
		CALL3(P, SYS_ioctl, con, 0x12345678, 0),                   /* a request it does not know */
		CALL3(P, SYS_ioctl, con, TIOCGPGRP, &on),                  /* the caller's terminal (cases_job.c) */
		CALL3(P, SYS_ioctl, con, TCGETS, 0),
		CALL3(P, SYS_ioctl, con, TIOCGWINSZ, KERNEL_ADDR),
		CALL3(P, SYS_ioctl, fd, FIONBIO, 0),
		CALL1(P, SYS_fsync, fd),
		CALL1(P, SYS_fdatasync, fd),
		CALL1(P, SYS_fsync, root),
		CALL1(P, SYS_fsync, p[1]),
		CALL1(P, SYS_fsync, con),
		CALL1(P, SYS_fdatasync, null),
		CALL1(P, SYS_fsync, 55),
		STATFS(P, "/conform-none", &sf),
		STATFS(P, "/", 0),
		FSTATFS(P, 55, &sf),
		CALL0(P, SYS_sync),
		CALL1(P, SYS_syncfs, fd),
		CALL1(P, SYS_syncfs, p[1]),
		CALL1(P, SYS_syncfs, 55),
	};
	long want[] = { -ENOTTY, -ENOTTY, -ENOTTY, -EBADF, -ENOTTY, 0, -EFAULT, -EFAULT, -EFAULT,
			0, 0, 0, -EINVAL, -EINVAL, -EINVAL, -EBADF, -ENOENT, -EFAULT, -EBADF,
			0, 0, 0, -EBADF };
	EXPECT_ALL(P, t, r, want, N(r));
	/* statfs: a tmpfs of 4096-byte blocks, the same through a path and a descriptor. */
	EXPECT(t, P, STATFS(P, "/", &sf) == 0 && sf.f_type == TMPFS_MAGIC && sf.f_bsize == 4096);
	EXPECT(t, P, sf.f_blocks > 0 && sf.f_bfree <= sf.f_blocks && sf.f_bavail == sf.f_bfree && sf.f_namelen == 255);
	EXPECT(t, P, sf.f_frsize == 4096 && (sf.f_flags & ST_VALID) && !(sf.f_flags & ST_RDONLY));
	EXPECT(t, P, FSTATFS(P, fd, &sf2) == 0 && sf2.f_type == sf.f_type && sf2.f_blocks == sf.f_blocks);
	EXPECT(t, P, FSTATFS(P, p[0], &sf2) == 0 && sf2.f_type == PIPEFS_MAGIC && sf2.f_blocks == 0);
#ifdef __i386__
	/* i386's old statfs and fstatfs: the same answers in 32-bit words
	 * (f_bfree may move between the calls), the same errors. */
	struct statfs32 o;
	EXPECT(t, P, CALL2(P, SYS_statfs, "/", &o) == 0 && o.f_type == (unsigned)sf.f_type && o.f_bsize == 4096 &&
		     o.f_blocks == sf.f_blocks && o.f_bavail == o.f_bfree && o.f_namelen == 255 &&
		     o.f_frsize == 4096 && o.f_flags == (unsigned)sf.f_flags && o.f_fsid[0] == sf.f_fsid.val[0]);
	EXPECT(t, P, CALL2(P, SYS_fstatfs, fd, &o) == 0 && o.f_type == (unsigned)sf.f_type && o.f_blocks == sf.f_blocks);
	EXPECT(t, P, CALL2(P, SYS_fstatfs, p[0], &o) == 0 && o.f_type == PIPEFS_MAGIC && o.f_blocks == 0);
	long old[] = { CALL2(P, SYS_statfs, "/conform-none", &o), CALL2(P, SYS_statfs, "/", 0),
		       CALL2(P, SYS_fstatfs, 55, &o), CALL2(P, SYS_fstatfs, fd, KERNEL_ADDR) };
	long old_want[] = { -ENOENT, -EFAULT, -EBADF, -EFAULT };
	EXPECT_ALL(P, t, old, old_want, N(old));
#endif
	note(t, "winsize %dx%d", ws.ws_col, ws.ws_row);
	CALL1(P, SYS_close, root);
	CALL1(P, SYS_close, con);
	CALL1(P, SYS_close, fd);
	CALL1(P, SYS_close, null);
	CALL1(P, SYS_close, p[0]);
	CALL1(P, SYS_close, p[1]);
	clean(P);
	return 0;
}
