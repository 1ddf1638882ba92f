/*
 * cases_links.c - symbolic links and the *at name calls, through each
 * entry path: symlink(at), readlink(at) with truncation, lstat and
 * newfstatat's AT_SYMLINK_NOFOLLOW, following (relative, absolute,
 * chains, -ELOOP on the 41st link, trailing slashes, O_NOFOLLOW,
 * O_CREAT through a dangling link), chdir and getcwd through a link,
 * mkdirat, unlinkat, linkat, renameat(2), fchmodat, and O_PATH. Every
 * answer is Linux's (man pages symlink(7), path_resolution(7), and the
 * calls' own); each case cleans up what it made, so the int80 and
 * syscall runs start from the same tree.
 */
#include <api/fcntl.h>
#include <api/mount.h>
#include <api/stat.h>
#include <api/termios.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>

#include "conform.h"

#define D "/conform-ln"                 /* every case works in here */

/* Remove D and everything in it (one level of subdirectories), whatever a failed run left. */
static void clean(const struct path *P)
{
	static const char *const dirs[] = { D "/sub", D "/sub2", D "/d", D "/e", D "/x", D "" };
	static const char *const names[] = { "f", "g", "h", "l", "l2", "ld", "dang", "loop", "abs", "new", "hard",
					      "self", "c", "deep", "m", "n", "nowhere" };
	char p[64];

	for (unsigned d = 0; d < N(dirs); d++) {
		for (unsigned i = 0; i < N(names); i++) {
			snprintf(p, sizeof(p), "%s/%s", dirs[d], names[i]);
			CALL1(P, SYS_unlink, p);
		}
		for (int i = 0; i <= 41; i++) {
			snprintf(p, sizeof(p), "%s/c%d", dirs[d], i);
			CALL1(P, SYS_unlink, p);
		}
	}
	for (unsigned d = 0; d < N(dirs); d++)
		CALL1(P, SYS_rmdir, dirs[d]);
}

/* A new file holding text, closed: 0 or -errno. */
static long make(const struct path *P, const char *name, const char *text)
{
	long fd = CALL3(P, SYS_open, name, O_CREAT | O_TRUNC | O_WRONLY, 0644);

	if (fd < 0)
		return fd;
	CALL3(P, SYS_write, fd, text, strlen(text));
	return CALL1(P, SYS_close, fd);
}

/* Open path and close it again: 0, or open's -errno. */
static long open_close(const struct path *P, const char *path, long flags, long mode)
{
	long fd = CALL3(P, SYS_open, path, flags, mode);

	return fd < 0 ? fd : CALL1(P, SYS_close, fd);
}

/* The size stat (or lstat) gives for path, or -errno. */
static long size_of(const struct path *P, long nr, const char *path)
{
	struct stat st;
	long r = CALL2(P, nr, path, &st);

	return r < 0 ? r : st.st_size;
}

/* The S_IFMT bits newfstatat gives, or -errno. */
static long type_at(const struct path *P, long dirfd, const char *path, long flags)
{
	struct stat st;
	long r = CALL4(P, SYS_newfstatat, dirfd, path, &st, flags);

	return r < 0 ? r : (long)(st.st_mode & S_IFMT);
}

int case_links_symlink_readlink(const struct path *P, struct transcript *t)
{
	char buf[16];
	struct stat st;
	long dir;

	clean(P);
	CALL2(P, SYS_mkdir, D, 0755);
	make(P, D "/f", "hello");
	dir = CALL3(P, SYS_open, D, O_RDONLY | O_DIRECTORY, 0);
	memset(buf, 'z', sizeof(buf));
	long r[] = {
		CALL2(P, SYS_symlink, "f", D "/l"),
		CALL3(P, SYS_symlinkat, "/conform-ln/f", dir, "abs"),
		CALL2(P, SYS_symlink, "nowhere", D "/dang"),
		CALL2(P, SYS_symlink, "x", D "/l"),                          /* exists */
		CALL2(P, SYS_symlink, "x", D "/f"),
		CALL2(P, SYS_symlink, "x", D),
		CALL2(P, SYS_symlink, "x", D "/dang"),                       /* a dangling link exists too */
		CALL2(P, SYS_symlink, "", D "/new"),                         /* an empty target */
		CALL2(P, SYS_symlink, "x", ""),
		CALL2(P, SYS_symlink, "x", D "/none/new"),
		CALL2(P, SYS_symlink, "x", D "/f/new"),
		CALL2(P, SYS_symlink, "x", D "/new/"),
		CALL3(P, SYS_symlinkat, "x", 55, "new"),
		CALL3(P, SYS_symlinkat, "x", 55, D "/new"),                  /* absolute: dirfd unused */
		CALL1(P, SYS_unlink, D "/new"),
		/* readlink: the text, cut to the size, no NUL. */
		CALL3(P, SYS_readlink, D "/l", buf, sizeof(buf)),
		buf[0] == 'f' && buf[1] == 'z',
		CALL3(P, SYS_readlink, D "/abs", buf, 4),
		memcmp(buf, "/conzz", 6) == 0,
		CALL4(P, SYS_readlinkat, dir, "dang", buf, sizeof(buf)),
		CALL3(P, SYS_readlink, D "/f", buf, sizeof(buf)),
		CALL3(P, SYS_readlink, D "/l/", buf, sizeof(buf)),           /* followed: a file, not a link */
		CALL3(P, SYS_readlink, D "/dang/", buf, sizeof(buf)),
		CALL3(P, SYS_readlink, D "/l", buf, 0),
		CALL3(P, SYS_readlink, D "/l", 0, sizeof(buf)),
		/* lstat describes the link, stat its target. */
		size_of(P, SYS_lstat, D "/l"),
		size_of(P, SYS_stat, D "/l"),
		size_of(P, SYS_lstat, D "/abs"),
		size_of(P, SYS_lstat, D "/dang"),
		size_of(P, SYS_stat, D "/dang"),
		CALL2(P, SYS_lstat, D "/l", &st) == 0 && st.st_mode == (S_IFLNK | 0777) && st.st_nlink == 1,
		type_at(P, dir, "l", AT_SYMLINK_NOFOLLOW),
		type_at(P, dir, "l", 0),
		type_at(P, dir, "dang", AT_SYMLINK_NOFOLLOW),
		type_at(P, dir, "dang", 0),
		type_at(P, dir, "l/", AT_SYMLINK_NOFOLLOW),
	};
	long want[] = { 0, 0, 0, -EEXIST, -EEXIST, -EEXIST, -EEXIST, -ENOENT, -ENOENT, -ENOENT, -ENOTDIR, -ENOENT,
			-EBADF, 0, 0,
			1, 1, 4, 1, 7, -EINVAL, -ENOTDIR, -ENOENT, -EINVAL, -EFAULT,
			1, 5, 13, 7, -ENOENT, 1,
			S_IFLNK, S_IFREG, S_IFLNK, -ENOENT, -ENOTDIR };
	EXPECT_ALL(P, t, r, want, N(r));
	CALL1(P, SYS_close, dir);
	clean(P);
	return 0;
}

/* Make the chain D/c0 -> c1 -> ... -> c40 -> f. */
static void chain(const struct path *P)
{
	char name[32], target[32];

	for (int i = 0; i <= 40; i++) {
		snprintf(name, sizeof(name), D "/c%d", i);
		snprintf(target, sizeof(target), i == 40 ? "f" : "c%d", i + 1);
		CALL2(P, SYS_symlink, target, name);
	}
}

int case_links_follow(const struct path *P, struct transcript *t)
{
	char cwd[64];
	long n;

	clean(P);
	CALL2(P, SYS_mkdir, D, 0755);
	CALL2(P, SYS_mkdir, D "/sub", 0755);
	make(P, D "/f", "hello");
	make(P, D "/sub/g", "gg");
	CALL2(P, SYS_symlink, "sub", D "/ld");
	CALL2(P, SYS_symlink, "../f", D "/sub/l");                      /* from the link's own directory */
	CALL2(P, SYS_symlink, "/conform-ln/sub/g", D "/abs");
	CALL2(P, SYS_symlink, "nowhere", D "/dang");
	CALL2(P, SYS_symlink, "loop", D "/loop");
	CALL2(P, SYS_symlink, "f", D "/l");
	chain(P);
	long r[] = {
		size_of(P, SYS_stat, D "/sub/l"),
		size_of(P, SYS_stat, D "/ld/l"),
		size_of(P, SYS_stat, D "/ld/../f"),                       /* ".." of sub, the target */
		size_of(P, SYS_stat, D "/abs"),
		size_of(P, SYS_stat, D "/loop"),
		size_of(P, SYS_stat, D "/loop/x"),
		size_of(P, SYS_lstat, D "/loop"),
		size_of(P, SYS_stat, D "/c1"),                            /* 40 links: fine */
		size_of(P, SYS_stat, D "/c0"),                            /* 41: -ELOOP */
		size_of(P, SYS_lstat, D "/c0"),
		size_of(P, SYS_stat, D "/l/"),                            /* a file through a trailing slash */
		size_of(P, SYS_lstat, D "/ld/") > 0,                      /* the slash follows even lstat */
		/* open follows, O_NOFOLLOW refuses a last link (O_DIRECTORY asks first). */
		open_close(P, D "/l", O_RDONLY, 0),
		CALL3(P, SYS_open, D "/l", O_RDONLY | O_NOFOLLOW, 0),
		CALL3(P, SYS_open, D "/l", O_RDONLY | O_NOFOLLOW | O_DIRECTORY, 0),
		CALL3(P, SYS_open, D "/ld", O_RDONLY | O_NOFOLLOW | O_DIRECTORY, 0),
		CALL3(P, SYS_open, D "/l", O_WRONLY | O_CREAT | O_NOFOLLOW, 0644),
		CALL3(P, SYS_open, D "/l", O_WRONLY | O_CREAT | O_EXCL, 0644),
		CALL3(P, SYS_open, D "/dang", O_WRONLY | O_CREAT | O_EXCL, 0644),
		CALL3(P, SYS_open, D "/loop", O_RDONLY, 0),
		CALL3(P, SYS_open, D "/ld", O_WRONLY | O_CREAT, 0644),
		open_close(P, D "/ld/g", O_RDONLY | O_NOFOLLOW, 0),
		/* O_CREAT through a dangling link makes its target. */
		open_close(P, D "/dang", O_WRONLY | O_CREAT, 0644),
		size_of(P, SYS_stat, D "/nowhere"),
		CALL1(P, SYS_unlink, D "/nowhere"),
		/* chdir through a link: the working directory is the target; getcwd says so. */
		CALL1(P, SYS_chdir, D "/ld"),
		(n = CALL2(P, SYS_getcwd, cwd, sizeof(cwd))) > 0 && strcmp(cwd, D "/sub") == 0,
		size_of(P, SYS_stat, "l"),
		CALL1(P, SYS_chdir, "/"),
		CALL1(P, SYS_chdir, D "/l"),
		CALL1(P, SYS_chdir, D "/dang"),
		/* mkdir and rmdir do not follow the last link. */
		CALL2(P, SYS_mkdir, D "/dang", 0755),
		CALL2(P, SYS_mkdir, D "/ld", 0755),
		CALL1(P, SYS_rmdir, D "/ld"),
		CALL1(P, SYS_rmdir, D "/ld/"),
		CALL1(P, SYS_unlink, D "/ld/"),
		/* execve follows too. */
		CALL2(P, SYS_symlink, "/bin/true", D "/m"),
		CALL2(P, SYS_access, D "/m", X_OK),
	};
	long want[] = { 5, 5, 5, 2, -ELOOP, -ELOOP, 4, 5, -ELOOP, 2, -ENOTDIR, 1,
			0, -ELOOP, -ENOTDIR, -ENOTDIR, -ELOOP, -EEXIST, -EEXIST, -ELOOP, -EISDIR, 0,
			0, 0, 0,
			0, 1, 5, 0, -ENOTDIR, -ENOENT,
			-EEXIST, -EEXIST, -ENOTDIR, -ENOTDIR, -ENOTDIR,
			0, 0 };
	EXPECT_ALL(P, t, r, want, N(r));
	/* umount2 follows a last link, unless UMOUNT_NOFOLLOW. */
	CALL2(P, SYS_mkdir, D "/sub2", 0755);
	CALL2(P, SYS_symlink, "sub2", D "/n");
	long m[] = {
		CALL5(P, SYS_mount, "none", D "/n", "tmpfs", 0, 0),
		CALL2(P, SYS_umount2, D "/n", UMOUNT_NOFOLLOW),
		CALL2(P, SYS_umount2, D "/n", 0),
	};
	long mwant[] = { 0, -EINVAL, 0 };
	EXPECT_ALL(P, t, m, mwant, N(m));
	clean(P);
	return 0;
}

int case_links_at_calls(const struct path *P, struct transcript *t)
{
	struct stat st;
	long dir, file;

	clean(P);
	CALL2(P, SYS_mkdir, D, 0755);
	make(P, D "/f", "hello");
	make(P, D "/g", "gg");
	CALL2(P, SYS_symlink, "f", D "/l");
	dir = CALL3(P, SYS_open, D, O_RDONLY | O_DIRECTORY, 0);
	file = CALL3(P, SYS_open, D "/f", O_RDONLY, 0);
	long r[] = {
		/* mkdirat */
		CALL3(P, SYS_mkdirat, dir, "d", 0755),
		CALL3(P, SYS_mkdirat, dir, "d", 0755),
		CALL3(P, SYS_mkdirat, file, "x", 0755),
		CALL3(P, SYS_mkdirat, 55, "x", 0755),
		CALL3(P, SYS_mkdirat, 55, D "/e", 0755),
		CALL3(P, SYS_mkdirat, dir, "", 0755),
		/* unlinkat */
		CALL3(P, SYS_unlinkat, dir, "d", 0),
		CALL3(P, SYS_unlinkat, dir, "f", AT_REMOVEDIR),
		CALL3(P, SYS_unlinkat, dir, "d", 0x1),                  /* an unknown flag first */
		CALL3(P, SYS_unlinkat, dir, "d", AT_REMOVEDIR),
		CALL3(P, SYS_unlinkat, dir, "e", AT_REMOVEDIR),
		CALL3(P, SYS_unlinkat, 55, "e", AT_REMOVEDIR),
		/* linkat: the link itself, or with AT_SYMLINK_FOLLOW its target. */
		CALL5(P, SYS_linkat, dir, "l", dir, "hard", 0),
		CALL2(P, SYS_lstat, D "/hard", &st) == 0 && S_ISLNK(st.st_mode) && st.st_nlink == 2,
		CALL1(P, SYS_unlink, D "/hard"),
		CALL5(P, SYS_linkat, dir, "l", dir, "hard", AT_SYMLINK_FOLLOW),
		CALL2(P, SYS_lstat, D "/hard", &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 2,
		CALL1(P, SYS_unlink, D "/hard"),
		CALL5(P, SYS_linkat, file, "", dir, "hard", AT_EMPTY_PATH),
		size_of(P, SYS_stat, D "/hard"),
		CALL1(P, SYS_unlink, D "/hard"),
		CALL5(P, SYS_linkat, file, "", dir, "hard", 0),
		CALL5(P, SYS_linkat, dir, "", dir, "hard", AT_EMPTY_PATH), /* a directory: -EPERM */
		CALL5(P, SYS_linkat, dir, "f", dir, "hard", 0x1),
		CALL5(P, SYS_linkat, dir, "f", dir, "g", 0),
		CALL5(P, SYS_linkat, 55, "f", dir, "hard", 0),
		CALL5(P, SYS_linkat, dir, "f", 55, "hard", 0),
		CALL5(P, SYS_linkat, dir, "f", dir, "", 0),
		/* renameat, renameat2 */
		CALL4(P, SYS_renameat, dir, "g", dir, "h"),
		CALL4(P, SYS_renameat, dir, "g", dir, "h"),
		CALL5(P, SYS_renameat2, dir, "h", dir, "f", RENAME_NOREPLACE),
		CALL5(P, SYS_renameat2, dir, "h", dir, "h", RENAME_NOREPLACE),
		CALL5(P, SYS_renameat2, dir, "h", dir, "g", RENAME_NOREPLACE),
		CALL5(P, SYS_renameat2, dir, "g", dir, "f", RENAME_EXCHANGE),
		size_of(P, SYS_stat, D "/f"),
		size_of(P, SYS_stat, D "/g"),
		CALL5(P, SYS_renameat2, dir, "g", dir, "new", RENAME_EXCHANGE),
		CALL5(P, SYS_renameat2, dir, "g", dir, "f", RENAME_EXCHANGE | RENAME_NOREPLACE),
		CALL5(P, SYS_renameat2, dir, "g", dir, "f", RENAME_WHITEOUT),
		CALL5(P, SYS_renameat2, dir, "g", dir, "f", 0x8),
		CALL5(P, SYS_renameat2, dir, "l", dir, "l2", 0),        /* the link moves, not its target */
		CALL3(P, SYS_readlink, D "/l2", (char[8]){ 0 }, 8),
		CALL4(P, SYS_renameat, 55, "g", dir, "h"),
		CALL4(P, SYS_renameat, dir, "", dir, "h"),
		/* fchmodat follows links. */
		CALL3(P, SYS_fchmodat, dir, "l2", 0600),
		CALL2(P, SYS_stat, D "/f", &st) == 0 && (st.st_mode & 07777) == 0600,
		CALL3(P, SYS_fchmodat, dir, "none", 0600),
		CALL3(P, SYS_fchmodat, 55, "g", 0600),
	};
	long want[] = { 0, -EEXIST, -ENOTDIR, -EBADF, 0, -ENOENT,
			-EISDIR, -ENOTDIR, -EINVAL, 0, 0, -EBADF,
			0, 1, 0, 0, 1, 0, 0, 5, 0, -ENOENT, -EPERM, -EINVAL, -EEXIST, -EBADF, -EBADF, -ENOENT,
			0, -ENOENT, -EEXIST, -EEXIST, 0, 0, 2, 5, -ENOENT, -EINVAL, -EINVAL, -EINVAL, 0, 1, -EBADF, -ENOENT,
			0, 1, -ENOENT, -EBADF };
	EXPECT_ALL(P, t, r, want, N(r));
	CALL1(P, SYS_close, dir);
	CALL1(P, SYS_close, file);
	clean(P);
	return 0;
}

int case_links_opath(const struct path *P, struct transcript *t)
{
	char buf[8];
	struct stat st;
	long fd, lfd, dfd;

	clean(P);
	CALL2(P, SYS_mkdir, D, 0755);
	make(P, D "/f", "hello");
	CALL2(P, SYS_symlink, "f", D "/l");
	CALL2(P, SYS_chmod, D "/f", 0);                            /* O_PATH needs no rights on the file */
	fd = CALL3(P, SYS_open, D "/f", O_PATH | O_RDWR | O_TRUNC | O_CREAT, 0);
	lfd = CALL3(P, SYS_open, D "/l", O_PATH | O_NOFOLLOW, 0);
	dfd = CALL3(P, SYS_open, D, O_PATH | O_DIRECTORY, 0);
	long r[] = {
		fd >= 0, lfd >= 0, dfd >= 0,
		CALL3(P, SYS_read, fd, buf, 1),
		CALL3(P, SYS_write, fd, "x", 1),
		CALL3(P, SYS_lseek, fd, 0, SEEK_SET),
		CALL2(P, SYS_fstat, fd, &st) == 0 && st.st_size == 5,     /* O_TRUNC was dropped */
		CALL2(P, SYS_fcntl, fd, F_GETFL),
		CALL2(P, SYS_fstat, lfd, &st) == 0 && S_ISLNK(st.st_mode),
		CALL4(P, SYS_readlinkat, lfd, "", buf, sizeof(buf)),      /* the link's own text */
		type_at(P, lfd, "", AT_EMPTY_PATH),
		type_at(P, dfd, "l", 0),                                  /* a directory as dirfd */
		CALL3(P, SYS_getdents64, dfd, buf, sizeof(buf)),
		CALL3(P, SYS_open, D "/l", O_PATH | O_NOFOLLOW | O_DIRECTORY, 0),
		/* Calls that take a file, not a name (Linux's fdget): -EBADF. */
		CALL3(P, SYS_ioctl, fd, FIOCLEX, 0),
		CALL3(P, SYS_ioctl, fd, TCGETS, buf),
		CALL1(P, SYS_fsync, fd),
		CALL1(P, SYS_fdatasync, fd),
		CALL4(P, SYS_utimensat, fd, 0, 0, 0),                     /* futimens */
		CALL2(P, SYS_fcntl, fd, F_GETFD),                         /* (fcntl takes it) */
	};
	long want[] = { 1, 1, 1, -EBADF, -EBADF, -EBADF, 1, O_PATH, 1, 1, S_IFLNK, S_IFREG, -EBADF, -ENOTDIR,
			-EBADF, -EBADF, -EBADF, -EBADF, -EBADF, 0 };
	EXPECT_ALL(P, t, r, want, N(r));
	CALL1(P, SYS_close, fd);
	CALL1(P, SYS_close, lfd);
	CALL1(P, SYS_close, dfd);
	clean(P);
	return 0;
}

/* The access and modification times stat gives for path, into a[2]: 0 or -errno. */
static long times_of(const struct path *P, const char *path, long nr, struct timespec *a)
{
	struct stat st;
	long r = CALL2(P, nr, path, &st);

	a[0] = st.st_atim;
	a[1] = st.st_mtim;
	return r;
}

int case_links_utimensat(const struct path *P, struct transcript *t)
{
	struct timespec set[2] = { { 100, 5 }, { 200, 6 } }, got[2], lgot[2];
	struct timespec omit_a[2] = { { 7, UTIME_OMIT }, { 300, 0 } }, omit[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
	struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } }, neg[2] = { { 0, -1 }, { 0, 0 } };
	long fd;

	clean(P);
	CALL2(P, SYS_mkdir, D, 0755);
	make(P, D "/f", "hello");
	CALL2(P, SYS_symlink, "f", D "/l");
	fd = CALL3(P, SYS_open, D "/f", O_RDONLY, 0);
	long r[] = {
		CALL4(P, SYS_utimensat, AT_FDCWD, D "/f", set, 0),
		times_of(P, D "/f", SYS_stat, got) == 0 && got[0].tv_sec == 100 && got[0].tv_nsec == 5 &&
			got[1].tv_sec == 200 && got[1].tv_nsec == 6,
		CALL4(P, SYS_utimensat, AT_FDCWD, D "/l", omit_a, 0),      /* through the link */
		times_of(P, D "/f", SYS_stat, got) == 0 && got[0].tv_sec == 100 && got[1].tv_sec == 300,
		CALL4(P, SYS_utimensat, AT_FDCWD, D "/l", set, AT_SYMLINK_NOFOLLOW),
		times_of(P, D "/l", SYS_lstat, lgot) == 0 && lgot[1].tv_sec == 200 &&
			times_of(P, D "/f", SYS_stat, got) == 0 && got[1].tv_sec == 300,
		CALL4(P, SYS_utimensat, AT_FDCWD, D "/f", 0, 0),           /* now */
		times_of(P, D "/f", SYS_stat, got) == 0 && got[0].tv_sec > 300 && got[1].tv_sec > 300,
		CALL4(P, SYS_utimensat, fd, 0, set, 0),                      /* futimens */
		times_of(P, D "/f", SYS_stat, got) == 0 && got[1].tv_sec == 200,
		CALL4(P, SYS_utimensat, fd, "", set, AT_EMPTY_PATH),
		CALL4(P, SYS_utimensat, AT_FDCWD, D "/none", omit, 0),     /* nothing to do: the path is not looked at */
		CALL4(P, SYS_utimensat, AT_FDCWD, D "/none", 0, 0),
		CALL4(P, SYS_utimensat, AT_FDCWD, D "/f", bad, 0),
		CALL4(P, SYS_utimensat, AT_FDCWD, D "/none", neg, 0),      /* the times before the path */
		CALL4(P, SYS_utimensat, AT_FDCWD, D "/f", set, 0x1),
		CALL4(P, SYS_utimensat, fd, 0, set, AT_SYMLINK_NOFOLLOW),
		CALL4(P, SYS_utimensat, AT_FDCWD, 0, set, 0),
		CALL4(P, SYS_utimensat, 55, 0, set, 0),
		CALL4(P, SYS_utimensat, AT_FDCWD, D "/f", 1, 0),
		CALL4(P, SYS_utimensat, 55, "f", set, 0),
	};
	long want[] = { 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, -ENOENT, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EFAULT,
			-EBADF, -EFAULT, -EBADF };
	EXPECT_ALL(P, t, r, want, N(r));
	CALL1(P, SYS_close, fd);
	clean(P);
	return 0;
}

#ifdef __x86_64__
/* The owner, group and mode bits stat (or lstat) gives, packed as uid << 32 | gid << 16 | mode & 07777; or -errno. */
static long ids_of(const struct path *P, long nr, const char *path)
{
	struct stat st;
	long r = CALL2(P, nr, path, &st);

	return r < 0 ? r : (long)st.st_uid << 32 | (long)st.st_gid << 16 | (st.st_mode & 07777);
}

int case_links_chown(const struct path *P, struct transcript *t)
{
	long fd, dir;

	clean(P);
	CALL2(P, SYS_mkdir, D, 0755);
	make(P, D "/f", "hello");
	CALL2(P, SYS_symlink, "f", D "/l");
	dir = CALL3(P, SYS_open, D, O_RDONLY | O_DIRECTORY, 0);
	fd = CALL3(P, SYS_open, D "/f", O_PATH, 0);
	long r[] = {
		CALL3(P, SYS_chown, D "/f", 5, 6),
		ids_of(P, SYS_stat, D "/f"),
		CALL3(P, SYS_chown, D "/l", -1, 7),                            /* through the link */
		ids_of(P, SYS_stat, D "/f"),
		CALL3(P, SYS_lchown, D "/l", 8, 9),                             /* the link itself */
		ids_of(P, SYS_lstat, D "/l"),
		ids_of(P, SYS_stat, D "/l"),
		CALL5(P, SYS_fchownat, dir, "l", 10, -1, AT_SYMLINK_NOFOLLOW),
		ids_of(P, SYS_lstat, D "/l"),
		CALL5(P, SYS_fchownat, fd, "", 0, 0, AT_EMPTY_PATH),
		ids_of(P, SYS_stat, D "/f"),
		CALL3(P, SYS_fchown, fd, 0, 0),                                 /* O_PATH: -EBADF */
		CALL5(P, SYS_fchownat, dir, "f", 0, 0, 0x1),
		CALL3(P, SYS_fchown, 55, 0, 0),
		CALL3(P, SYS_chown, D "/none", 0, 0),
		/* Set-user-ID goes with any chown of a file; set-group-ID when group-executable. */
		CALL2(P, SYS_chmod, D "/f", 06755),
		CALL3(P, SYS_chown, D "/f", -1, -1),
		ids_of(P, SYS_stat, D "/f"),
		CALL2(P, SYS_chmod, D "/f", 06745),
		CALL3(P, SYS_chown, D "/f", -1, -1),
		ids_of(P, SYS_stat, D "/f"),
		CALL2(P, SYS_chmod, D, 06755),
		CALL3(P, SYS_chown, D, -1, -1),
		ids_of(P, SYS_stat, D),
	};
	long want[] = { 0, 5L << 32 | 6 << 16 | 0644, 0, 5L << 32 | 7 << 16 | 0644, 0, 8L << 32 | 9 << 16 | 0777,
			5L << 32 | 7 << 16 | 0644, 0, 10L << 32 | 9 << 16 | 0777, 0, 0644, -EBADF, -EINVAL, -EBADF, -ENOENT,
			0, 0, 0755, 0, 0, 02745, 0, 0, 06755 };
	EXPECT_ALL(P, t, r, want, N(r));
	CALL2(P, SYS_chmod, D, 0755);
	CALL1(P, SYS_close, fd);
	CALL1(P, SYS_close, dir);
	clean(P);
	return 0;
}
#endif
