/*
 * cases_fifo.c - mknod, mknodat and named pipes, through each entry path:
 * every node type mknod makes (and the ones it refuses, in Linux's order:
 * the type, then the path), the umask, device numbers in st_rdev, and
 * the opens of a FIFO that never wait (O_NONBLOCK, O_RDWR): -ENXIO for a
 * writer with no reader, bytes through the pipe, end of file, POLLHUP
 * only once a writer came, the bytes gone with the last close. Opens that
 * wait for the other end, and SIGPIPE, are usertests' (t_fifo.c). Each
 * case cleans up what it made, so both runs start from the same tree.
 */
#include <api/fcntl.h>
#include <api/mount.h>
#include <api/poll.h>
#include <api/stat.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>

#include "conform.h"

#define D "/conform-fifo"               /* every case works in here */

/* Remove D and what the cases make in it, whatever a failed run left. */
static void clean(const struct path *P)
{
	static const char *const names[] = { "p", "q", "r", "r2", "c", "nod", "b", "s", "x", "w", "u", "m/p" };
	char p[64];

	CALL1(P, SYS_umount2, D "/m");
	for (unsigned i = 0; i < N(names); i++) {
		snprintf(p, sizeof(p), D "/%s", names[i]);
		CALL1(P, SYS_unlink, p);
	}
	CALL1(P, SYS_rmdir, D "/m");
	CALL1(P, SYS_rmdir, D);
}

/* The mode stat gives for path (type and bits), or -errno. */
static long mode_of(const struct path *P, const char *path)
{
	struct stat st;
	long r = CALL2(P, SYS_stat, path, &st);

	return r < 0 ? r : (long)st.st_mode;
}

/* The st_rdev stat gives for path, or -errno. */
static long rdev_of(const struct path *P, const char *path)
{
	struct stat st;
	long r = CALL2(P, SYS_stat, path, &st);

	return r < 0 ? r : (long)st.st_rdev;
}

/* Open path and close it again: 0, or open's -errno. */
static long open_close(const struct path *P, const char *path, long flags)
{
	long fd = CALL3(P, SYS_open, path, flags, 0);

	return fd < 0 ? fd : CALL1(P, SYS_close, fd);
}

int case_fifo_mknod(const struct path *P, struct transcript *t)
{
	long old = CALL1(P, SYS_umask, 022), dir;

	clean(P);
	CALL2(P, SYS_mkdir, D, 0755);
	CALL2(P, SYS_mkdir, D "/m", 0755);
	dir = CALL3(P, SYS_open, D, O_RDONLY | O_DIRECTORY, 0);
	long r[] = {
		/* Each type; the umask goes; the number only for devices. */
		CALL3(P, SYS_mknod, D "/p", S_IFIFO | 0666, 0x103),
		mode_of(P, D "/p"), rdev_of(P, D "/p"),
		CALL3(P, SYS_mknod, D "/r", 0777, 0),                        /* type 0: a regular file */
		mode_of(P, D "/r"), open_close(P, D "/r", O_RDONLY),
		CALL3(P, SYS_mknod, D "/r2", S_IFREG | 04600, 0),
		mode_of(P, D "/r2"),
		CALL3(P, SYS_mknod, D "/c", S_IFCHR | 0666, 0x103),          /* /dev/null's number */
		mode_of(P, D "/c"), rdev_of(P, D "/c"),
		CALL3(P, SYS_mknod, D "/nod", S_IFCHR | 0600, 0x12345678),   /* a number nobody drives */
		rdev_of(P, D "/nod"),
		CALL3(P, SYS_mknod, D "/b", S_IFBLK | 0600, 0x800),
		mode_of(P, D "/b"), rdev_of(P, D "/b"),
		CALL3(P, SYS_mknod, D "/s", S_IFSOCK | 0755, 0x103),
		mode_of(P, D "/s"), rdev_of(P, D "/s"),
		/* The type is checked first, before the path is even read. */
		CALL3(P, SYS_mknod, D "/x", S_IFDIR | 0755, 0),
		CALL3(P, SYS_mknod, 0, S_IFDIR | 0755, 0),
		CALL3(P, SYS_mknod, D "/x", S_IFLNK | 0777, 0),
		CALL3(P, SYS_mknod, 0, S_IFMT | 0777, 0),
		CALL3(P, SYS_mknod, D "/x", 0030000, 0),
		CALL3(P, SYS_mknod, 0, S_IFIFO | 0644, 0),
		/* The path: as mkdir, and a last link is not followed. */
		CALL3(P, SYS_mknod, "", S_IFIFO | 0644, 0),
		CALL3(P, SYS_mknod, D "/p", S_IFIFO | 0644, 0),
		CALL3(P, SYS_mknod, D "/r", S_IFREG | 0644, 0),
		CALL3(P, SYS_mknod, D, S_IFIFO | 0644, 0),
		CALL3(P, SYS_mknod, D "/.", S_IFIFO | 0644, 0),
		CALL3(P, SYS_mknod, D "/none/x", S_IFIFO | 0644, 0),
		CALL3(P, SYS_mknod, D "/r/x", S_IFIFO | 0644, 0),
		CALL3(P, SYS_mknod, D "/x/", S_IFIFO | 0644, 0),
		CALL3(P, SYS_mknod, D "/p/", S_IFIFO | 0644, 0),
		CALL2(P, SYS_symlink, "w", D "/u"),
		CALL3(P, SYS_mknod, D "/u", S_IFIFO | 0644, 0),               /* a dangling link exists */
		mode_of(P, D "/w"),
		CALL1(P, SYS_unlink, D "/u"),
		/* mode is a umode_t: bits above 16 are not looked at. */
		CALL3(P, SYS_mknod, D "/x", 0x10000 | S_IFIFO | 0644, 0),
		mode_of(P, D "/x"),
		CALL1(P, SYS_unlink, D "/x"),
		/* mknodat: relative to its directory; absolute paths ignore it. */
		CALL4(P, SYS_mknodat, dir, "q", S_IFIFO | 0600, 0),
		mode_of(P, D "/q"),
		CALL4(P, SYS_mknodat, 55, "w", S_IFIFO | 0600, 0),
		CALL4(P, SYS_mknodat, 55, D "/w", S_IFIFO | 0600, 0),
		CALL4(P, SYS_mknodat, dir, "w", S_IFDIR | 0600, 0),
		/* The umask is the caller's. */
		CALL1(P, SYS_umask, 077),
		CALL3(P, SYS_mknod, D "/x", S_IFIFO | 0666, 0),
		mode_of(P, D "/x"),
		CALL1(P, SYS_umask, 022),
		/* A read-only mount refuses new names (after -EEXIST); a noexec one takes FIFOs. */
		CALL5(P, SYS_mount, "none", D "/m", "tmpfs", MS_RDONLY, 0),
		CALL3(P, SYS_mknod, D "/m/p", S_IFIFO | 0644, 0),
		CALL3(P, SYS_mknod, D "/m/.", S_IFIFO | 0644, 0),
		CALL1(P, SYS_umount2, D "/m"),
		CALL5(P, SYS_mount, "none", D "/m", "tmpfs", MS_NOEXEC, 0),
		CALL3(P, SYS_mknod, D "/m/p", S_IFIFO | 0644, 0),
		open_close(P, D "/m/p", O_RDWR),
		CALL1(P, SYS_unlink, D "/m/p"),
		CALL1(P, SYS_umount2, D "/m"),
	};
	long want[] = {
		0, S_IFIFO | 0644, 0,
		0, S_IFREG | 0755, 0,
		0, S_IFREG | 04600,
		0, S_IFCHR | 0644, 0x103,
		0, 0x12345678,
		0, S_IFBLK | 0600, 0x800,
		0, S_IFSOCK | 0755, 0,
		-EPERM, -EPERM, -EINVAL, -EINVAL, -EINVAL, -EFAULT,
		-ENOENT, -EEXIST, -EEXIST, -EEXIST, -EEXIST, -ENOENT, -ENOTDIR, -ENOENT, -EEXIST,
		0, -EEXIST, -ENOENT, 0,
		0, S_IFIFO | 0644, 0,
		0, S_IFIFO | 0600, -EBADF, 0, -EPERM,
		022, 0, S_IFIFO | 0600, 077,
		0, -EROFS, -EEXIST, 0,
		0, 0, 0, 0, 0,
	};
	EXPECT_ALL(P, t, r, want, N(r));
	CALL1(P, SYS_close, dir);
	clean(P);
	CALL1(P, SYS_umask, old);
	return 0;
}

int case_fifo_open_nonblock(const struct path *P, struct transcript *t)
{
	struct pollfd f[1];
	struct stat st, st2;
	char buf[8] = { 0 };
	long rd, wr, rw, lone;

	clean(P);
	CALL2(P, SYS_mkdir, D, 0755);
	CALL3(P, SYS_mknod, D "/p", S_IFIFO | 0644, 0);
	CALL3(P, SYS_mknod, D "/q", S_IFIFO | 0644, 0);
	CALL3(P, SYS_mknod, D "/c", S_IFCHR | 0666, 0x103);
	CALL3(P, SYS_mknod, D "/nod", S_IFCHR | 0666, 0x12345678);
	CALL3(P, SYS_mknod, D "/b", S_IFBLK | 0666, 0x800);
	CALL3(P, SYS_mknod, D "/s", S_IFSOCK | 0666, 0);
	long r[64];
	unsigned n = 0;

	/* No reader: a non-blocking writer is refused; a reader goes on at once. */
	r[n++] = open_close(P, D "/p", O_WRONLY | O_NONBLOCK);
	r[n++] = (rd = CALL3(P, SYS_open, D "/p", O_RDONLY | O_NONBLOCK, 0)) >= 0;
	/* A reader that never saw a writer: end of file, but no POLLHUP yet. */
	r[n++] = CALL3(P, SYS_read, rd, buf, sizeof(buf));
	r[n++] = (f[0] = (struct pollfd){ (int)rd, POLLIN, 0 }, CALL3(P, SYS_poll, f, 1, 0));
	r[n++] = (wr = CALL3(P, SYS_open, D "/p", O_WRONLY | O_NONBLOCK | O_TRUNC, 0)) >= 0;
	/* Bytes through it. */
	r[n++] = CALL3(P, SYS_write, wr, "abc", 3);
	r[n++] = (f[0] = (struct pollfd){ (int)rd, POLLIN, 0 }, CALL3(P, SYS_poll, f, 1, 0));
	r[n++] = f[0].revents;
	r[n++] = CALL3(P, SYS_read, rd, buf, 2);
	r[n++] = memcmp(buf, "ab", 2);
	r[n++] = CALL3(P, SYS_read, rd, buf, sizeof(buf));
	r[n++] = CALL3(P, SYS_read, rd, buf, sizeof(buf));  /* empty, a writer there */
	r[n++] = CALL3(P, SYS_read, wr, buf, 1);
	r[n++] = CALL3(P, SYS_write, rd, "x", 1);
	/* A stream, and a FIFO to fstat, the node stat sees. */
	r[n++] = CALL3(P, SYS_lseek, rd, 0, SEEK_SET);
	r[n++] = PRW64(P, SYS_pread64, rd, buf, 1, 0);
	r[n++] = CALL2(P, SYS_fstat, rd, &st) == 0 && CALL2(P, SYS_stat, D "/p", &st2) == 0 && S_ISFIFO(st.st_mode) && st.st_ino == st2.st_ino && st.st_dev == st2.st_dev;
	r[n++] = CALL2(P, SYS_fcntl, rd, F_GETFL) & (O_ACCMODE | O_NONBLOCK);
	/* The writer goes: what it wrote stays, then end of file and POLLHUP. */
	r[n++] = CALL3(P, SYS_write, wr, "de", 2);
	r[n++] = CALL1(P, SYS_close, wr);
	r[n++] = (f[0] = (struct pollfd){ (int)rd, POLLIN, 0 }, CALL3(P, SYS_poll, f, 1, 0));
	r[n++] = f[0].revents;
	r[n++] = CALL3(P, SYS_read, rd, buf, sizeof(buf));
	r[n++] = CALL3(P, SYS_read, rd, buf, sizeof(buf));
	r[n++] = (f[0] = (struct pollfd){ (int)rd, POLLIN, 0 }, CALL3(P, SYS_poll, f, 1, 0));
	r[n++] = f[0].revents;
	r[n++] = CALL1(P, SYS_close, rd);
	/* O_RDWR never waits, and is both ends. */
	r[n++] = (rw = CALL3(P, SYS_open, D "/q", O_RDWR, 0)) >= 0;
	r[n++] = CALL3(P, SYS_write, rw, "zz", 2);
	r[n++] = (lone = CALL3(P, SYS_open, D "/q", O_WRONLY | O_NONBLOCK, 0)) >= 0;  /* a reader is there */
	r[n++] = CALL1(P, SYS_close, lone);
	r[n++] = (f[0] = (struct pollfd){ (int)rw, POLLIN, 0 }, CALL3(P, SYS_poll, f, 1, 0));
	r[n++] = f[0].revents;
	r[n++] = CALL3(P, SYS_read, rw, buf, 1);
	/* The last close takes the bytes left with it. */
	r[n++] = CALL1(P, SYS_close, rw);
	r[n++] = (rw = CALL3(P, SYS_open, D "/q", O_RDWR | O_NONBLOCK, 0)) >= 0;
	r[n++] = CALL3(P, SYS_read, rw, buf, sizeof(buf));
	r[n++] = CALL1(P, SYS_close, rw);
	/* Neither end (access mode 3) is no FIFO open. */
	r[n++] = open_close(P, D "/q", 3 | O_NONBLOCK);
	/* Device nodes open their driver, or -ENXIO; sockets -ENXIO. */
	r[n++] = (rw = CALL3(P, SYS_open, D "/c", O_RDWR, 0), CALL3(P, SYS_write, rw, "abc", 3));
	r[n++] = CALL1(P, SYS_close, rw);
	r[n++] = open_close(P, D "/nod", O_RDONLY);
	r[n++] = open_close(P, D "/b", O_RDONLY);
	r[n++] = open_close(P, D "/s", O_RDONLY);
	r[n++] = open_close(P, D "/s", O_PATH);
	long want[] = {
		-ENXIO, 1,
		0, 0,
		1,
		3, 1, POLLIN,
		2, 0, 1, -EAGAIN, -EBADF, -EBADF,
		-ESPIPE, -ESPIPE, 1, O_RDONLY | O_NONBLOCK,
		2, 0, 1, POLLIN | POLLHUP, 2, 0, 1, POLLHUP, 0,
		1, 2, 1, 0, 1, POLLIN, 1,
		0, 1, -EAGAIN, 0,
		-EINVAL,
		3, 0, -ENXIO, -ENXIO, -ENXIO, 0,
	};
	EXPECT_ALL(P, t, r, want, n < N(want) ? n : N(want));
	EXPECT(t, P, n == N(want));
	clean(P);
	return 0;
}
