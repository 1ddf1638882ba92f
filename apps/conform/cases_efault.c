/*
 * cases_efault.c - the EFAULT matrix: each call that takes a pointer,
 * against each place a pointer can point (the columns), on both paths.
 *
 * A pointer the kernel may not follow gives -EFAULT and nothing else
 * happens. Its neighbours work: an object ending exactly at a mapping's
 * end, a read-only page as a source, a path of PATH_MAX bytes. A read into
 * (or a write from) a buffer that runs one byte past the end of its
 * mapping moves the bytes before the end and says how many, as Linux does.
 */
#include <api/capability.h>
#include <api/poll.h>
#include <api/prctl.h>
#include <api/syslog.h>
#include <api/usage.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <stdio.h>

#include "conform.h"

#define PAGE 4096UL
#define PATH_MAX 4096                /* bytes in a path, its NUL included */

/* The columns. */
enum place {
	NULLPTR, ONE, HOLE, KERNEL_HALF, KERNEL_TEXT, NONCANON_LOW, NONCANON_HIGH, TOP,
	ENDS_AT_END,                     /* the object's last byte is the mapping's last */
	PAST_END,                        /* one byte further: it straddles the end (for a
					  * path: no NUL before the end) */
	AFTER_END,                       /* it starts at the first byte past the end */
	READ_ONLY,                       /* a read-only page */
	LONGEST_PATH,                    /* paths only: PATH_MAX bytes, NUL included */
	TOO_LONG_PATH,                   /* paths only: PATH_MAX + 1 bytes */
	NPLACES
};
#define NBUFFER_PLACES LONGEST_PATH  /* the columns of a buffer's row */

static const char *const place_name[NPLACES] = {
	"NULL", "1", "an unmapped hole", "the first kernel-half address", "kernel text",
	"the first non-canonical address", "1 << 63", "the last byte of the address space",
	"ending at a mapping's end", "one byte past a mapping's end", "after a mapping's end",
	"a read-only page", "PATH_MAX bytes", "PATH_MAX + 1 bytes",
};

/* The memory behind the columns, at fixed addresses far below where mmap
 * hands out memory (from the top down), so no later mapping can fill the
 * page after the mapping's end or the hole: a page whose successor is
 * unmapped, an unmapped hole, a read-only page. */
#define PLACES 0x40000000UL
static char *const mapping_end = (char *)(PLACES + PAGE);
static char *const hole = (char *)(PLACES + 4 * PAGE);
static char *const ro_page = (char *)(PLACES + 6 * PAGE);

static void map_places(void)
{
	static int done;

	if (done++)
		return;
	mmap(mapping_end - PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	mmap(ro_page, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
}

/* Where an object of size bytes starts in column p (a buffer's row). */
static unsigned long buffer_at(enum place p, size_t size)
{
#ifdef __i386__
	/* A 32-bit process: past its TASK_SIZE (0xffffe000, where the kernel
	 * half starts for it), the last page, and unmapped high addresses in
	 * place of the non-canonical ones. */
	static const unsigned long fixed[] = {
		[NULLPTR] = 0, [ONE] = 1, [KERNEL_HALF] = 0xffffe000UL,
		[KERNEL_TEXT] = 0xfffff000UL, [NONCANON_LOW] = 0xc0000000UL,
		[NONCANON_HIGH] = 0x80000000UL, [TOP] = ~0UL,
	};
#else
	static const unsigned long fixed[] = {
		[NULLPTR] = 0, [ONE] = 1, [KERNEL_HALF] = 0xffff800000000000UL,
		[KERNEL_TEXT] = 0xffffffff80000000UL, [NONCANON_LOW] = 0x0000800000000000UL,
		[NONCANON_HIGH] = 0x8000000000000000UL, [TOP] = ~0UL,
	};
#endif

	map_places();
	switch (p) {
	case HOLE: return (unsigned long)hole;
	case ENDS_AT_END: return (unsigned long)mapping_end - size;
	case PAST_END: return (unsigned long)mapping_end - size + 1;
	case AFTER_END: return (unsigned long)mapping_end;
	case READ_ONLY: return (unsigned long)ro_page;
	default: return fixed[p];
	}
}

/* The path in column p: path itself (a string literal, so in read-only
 * .rodata) for READ_ONLY, else placed or padded with leading slashes. */
static unsigned long path_at(enum place p, const char *path)
{
	static char longest[PATH_MAX + 1];
	size_t len = strlen(path);

	switch (p) {
	case ENDS_AT_END:
		return (unsigned long)memcpy((char *)buffer_at(p, len + 1), path, len + 1);
	case PAST_END:                   /* every byte up to the end, no NUL */
		return (unsigned long)memcpy((char *)buffer_at(ENDS_AT_END, len), path, len);
	case READ_ONLY:
		return (unsigned long)path;
	case LONGEST_PATH:
	case TOO_LONG_PATH: {
		size_t total = p == LONGEST_PATH ? PATH_MAX - 1 : PATH_MAX;   /* characters */
		memset(longest, '/', total - len);
		memcpy(longest + total - len, path, len + 1);
		return (unsigned long)longest;
	}
	default:
		return buffer_at(p, len + 1);
	}
}

/* One cell: got must be want. */
static void cell(const struct path *P, struct transcript *t, const char *call, enum place p, long got, long want)
{
	char what[160];

	snprintf(what, sizeof(what), "%s(%s) = %ld, want %ld", call, place_name[p], got, want);
	expect_(t, P, got == want, what, __FILE__, __LINE__);
	note(t, "%ld ", got);
}

/* What a buffer's row expects in column p: ok in the good columns, -EFAULT
 * in the others; a partial transfer moves size - 1 bytes. */
static long want_buffer(enum place p, int is_source, long ok, long partial)
{
	if (p == ENDS_AT_END || (p == READ_ONLY && is_source))
		return ok;
	if (p == PAST_END && partial)
		return partial;
	return -EFAULT;
}

/* What read or write of SIZE_MAX bytes ending 16 bytes before a mapping's
 * end gives: on x86-64 the range wraps past the user half (-EFAULT before
 * anything moves); an i386 count (4 GiB - 1, zero-extended) fits in the
 * 64-bit user half Linux's access_ok checks even for a 32-bit process, so
 * the partial rule moves the 16 bytes before the end, as Linux does. */
#ifdef __i386__
#define SIZE_MAX_RW 16
#else
#define SIZE_MAX_RW (-EFAULT)
#endif

/* read(fd, column, 16) from offset 0: 16 bytes where they fit, 15 when the
 * buffer runs one byte past its mapping's end. */
static void read_row(const struct path *P, struct transcript *t, const char *name, long fd)
{
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		CALL3(P, SYS_lseek, fd, 0, SEEK_SET);
		cell(P, t, name, p, CALL3(P, SYS_read, fd, buffer_at(p, 16), 16), want_buffer(p, 0, 16, 15));
	}
	CALL3(P, SYS_lseek, fd, 0, SEEK_SET);
	cell(P, t, "read of SIZE_MAX bytes", ENDS_AT_END, CALL3(P, SYS_read, fd, buffer_at(ENDS_AT_END, 16), ~0UL), SIZE_MAX_RW);
	cell(P, t, "read of 0 bytes", NULLPTR, CALL3(P, SYS_read, fd, 0, 0), 0);
}

int case_efault_read(const struct path *P, struct transcript *t)
{
	long zero = CALL3(P, SYS_open, "/dev/zero", O_RDONLY, 0);
	long file = CALL3(P, SYS_open, "/bin/true", O_RDONLY, 0);

	EXPECT(t, P, zero >= 0 && file >= 0);
	read_row(P, t, "read(/dev/zero)", zero);
	read_row(P, t, "read(a file)", file);
	/* The partial read moved the offset by what it gave. */
	CALL3(P, SYS_lseek, file, 0, SEEK_SET);
	CALL3(P, SYS_read, file, buffer_at(PAST_END, 16), 16);
	EXPECT(t, P, CALL3(P, SYS_lseek, file, 0, SEEK_CUR) == 15);
	CALL1(P, SYS_close, zero);
	CALL1(P, SYS_close, file);
	return 0;
}

int case_efault_write(const struct path *P, struct transcript *t)
{
	long fd = CALL3(P, SYS_open, "/conform-w", O_CREAT | O_TRUNC | O_RDWR, 0644);
	struct stat st;
	long total = 0;

	EXPECT(t, P, fd >= 0);
	memset((char *)buffer_at(ENDS_AT_END, PAGE), 'w', PAGE);
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		long want = want_buffer(p, 1, 16, 15);
		cell(P, t, "write(a file)", p, CALL3(P, SYS_write, fd, buffer_at(p, 16), 16), want);
		total += want > 0 ? want : 0;
	}
	cell(P, t, "write of SIZE_MAX bytes", ENDS_AT_END, CALL3(P, SYS_write, fd, buffer_at(ENDS_AT_END, 16), ~0UL), SIZE_MAX_RW);
	total += SIZE_MAX_RW > 0 ? SIZE_MAX_RW : 0;
	cell(P, t, "write of 0 bytes", NULLPTR, CALL3(P, SYS_write, fd, 0, 0), 0);
	/* The file holds exactly what the calls said they wrote. */
	EXPECT(t, P, CALL2(P, SYS_fstat, fd, &st) == 0 && st.st_size == total);
	CALL1(P, SYS_close, fd);
	CALL1(P, SYS_unlink, "/conform-w");
	return 0;
}

/* A destination-only row: call(column) must be ok where the object fits. */
#define DEST_ROW(P, t, name, size, ok, expr)                                   \
	for (int p = 0; p < NBUFFER_PLACES; p++) {                             \
		unsigned long dst = buffer_at(p, size);                        \
		cell(P, t, name, p, (expr), want_buffer(p, 0, ok, 0));          \
	}

int case_efault_clock_gettime(const struct path *P, struct transcript *t)
{
	DEST_ROW(P, t, "clock_gettime", sizeof(struct timespec), 0,
		 CALL2(P, SYS_clock_gettime, CLOCK_MONOTONIC, dst));
	/* An invalid clock is reported before the pointer is looked at. */
	EXPECT(t, P, CALL2(P, SYS_clock_gettime, 12345, 0) == -EINVAL);
	return 0;
}

int case_efault_uname(const struct path *P, struct transcript *t)
{
	DEST_ROW(P, t, "uname", sizeof(struct utsname), 0, CALL1(P, SYS_uname, dst));
	return 0;
}

/* A source-only row: call(column) must give ok where the object can be read
 * (all zeros there: the read-only page is zero, the mapping's end is
 * cleared first). */
#define SRC_ROW(P, t, name, size, ok, expr) OPT_SRC_ROW(P, t, name, size, ok, -EFAULT, expr)

/* Rows for pointers that may be NULL (nothing read or written): NULL gives nullres. */
#define OPT_SRC_ROW(P, t, name, size, ok, nullres, expr)                       \
	for (int p = 0; p < NBUFFER_PLACES; p++) {                             \
		unsigned long src = buffer_at(p, size);                        \
		if (p == ENDS_AT_END)                                          \
			memset((void *)src, 0, size);                          \
		cell(P, t, name, p, (expr), p == NULLPTR ? nullres : want_buffer(p, 1, ok, 0)); \
	}
#define OPT_DEST_ROW(P, t, name, size, ok, nullres, expr)                      \
	for (int p = 0; p < NBUFFER_PLACES; p++) {                             \
		unsigned long dst = buffer_at(p, size);                        \
		cell(P, t, name, p, (expr), p == NULLPTR ? nullres : want_buffer(p, 0, ok, 0)); \
	}

static void nop(int sig) {}

/* The signal and timer calls: each pointer they read or write, alone,
 * the object as large as the build's ABI has it (i386: a 12-byte stack_t,
 * 8-byte timespec, 16-byte itimerval). SIGUSR1 is blocked (and handled,
 * for rt_sigsuspend's unblocking). */
int case_efault_signals_timers(const struct path *P, struct transcript *t)
{
	static const struct timespec zero;
	struct sigaction sa = { .sa_handler = nop }, old;
	sigset_t usr1 = SIGBIT(SIGUSR1), mask;

	sigaction(SIGUSR1, &sa, &old);
	sigprocmask(SIG_BLOCK, &usr1, &mask);

	DEST_ROW(P, t, "rt_sigpending", 8, 0, CALL2(P, SYS_rt_sigpending, dst, 8));
	OPT_DEST_ROW(P, t, "sigaltstack(NULL, old)", sizeof(stack_t), 0, 0, CALL2(P, SYS_sigaltstack, 0, dst));
	DEST_ROW(P, t, "getitimer", sizeof(struct itimerval), 0, CALL2(P, SYS_getitimer, 0, dst));
	OPT_DEST_ROW(P, t, "rt_sigtimedwait's info", 128, SIGUSR1, SIGUSR1,
		 (CALL2(P, SYS_kill, CALL0(P, SYS_getpid), SIGUSR1),
		  CALL4(P, SYS_rt_sigtimedwait, &(uint64_t){ SIGBIT(SIGUSR1) }, dst, &zero, 8)));
	CALL4(P, SYS_rt_sigtimedwait, &(uint64_t){ SIGBIT(SIGUSR1) }, 0, &zero, 8);   /* none left */
	OPT_SRC_ROW(P, t, "sigaltstack(ss)", sizeof(stack_t), -ENOMEM, 0, CALL2(P, SYS_sigaltstack, src, 0));   /* size 0 */
	OPT_SRC_ROW(P, t, "setitimer(new)", sizeof(struct itimerval), 0, 0, CALL3(P, SYS_setitimer, 0, src, 0));        /* off */
	SRC_ROW(P, t, "clock_nanosleep(req)", sizeof(struct timespec), 0, CALL4(P, SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, src, 0));
	SRC_ROW(P, t, "rt_sigtimedwait(set)", 8, -EAGAIN, CALL4(P, SYS_rt_sigtimedwait, src, 0, &zero, 8));
	/* (A NULL timeout waits for ever: SIGUSR1 is pending each time, so it need not.) */
	OPT_SRC_ROW(P, t, "rt_sigtimedwait(timeout)", sizeof(struct timespec), SIGUSR1, SIGUSR1,
		    (CALL2(P, SYS_kill, CALL0(P, SYS_getpid), SIGUSR1),
		     CALL4(P, SYS_rt_sigtimedwait, &(uint64_t){ SIGBIT(SIGUSR1) }, 0, src, 8)));
	SRC_ROW(P, t, "rt_sigsuspend(mask)", 8, -EINTR,
		(CALL2(P, SYS_kill, CALL0(P, SYS_getpid), SIGUSR1), CALL2(P, SYS_rt_sigsuspend, src, 8)));
	CALL4(P, SYS_rt_sigtimedwait, &(uint64_t){ SIGBIT(SIGUSR1) }, 0, &zero, 8);   /* none left */
	sigprocmask(SIG_SETMASK, &mask, 0);
	sigaction(SIGUSR1, &old, 0);
	return 0;
}

int case_efault_stat(const struct path *P, struct transcript *t)
{
	DEST_ROW(P, t, "stat(/bin/true, buffer)", sizeof(struct stat), 0, CALL2(P, SYS_stat, "/bin/true", dst));
	return 0;
}

/* A path's row: call(column) gives ok for a good path, -ENAMETOOLONG for
 * one over PATH_MAX, -EFAULT for the rest; after() undoes a success. */
static void path_row(const struct path *P, struct transcript *t, const char *name, const char *path, long ok,
		     long (*call)(const struct path *P, unsigned long path),
		     void (*after)(const struct path *P, struct transcript *t, long r))
{
	for (int p = 0; p < NPLACES; p++) {
		int good = p == ENDS_AT_END || p == READ_ONLY || p == LONGEST_PATH;
		long r = call(P, path_at(p, path));
		if (after)
			after(P, t, r);
		cell(P, t, name, p, good && ok == 0 && r >= 0 ? 0 : r,
		     good ? ok : p == TOO_LONG_PATH ? -ENAMETOOLONG : -EFAULT);
	}
}

static long do_open(const struct path *P, unsigned long path) { return CALL3(P, SYS_open, path, O_RDONLY, 0); }
static void close_fd(const struct path *P, struct transcript *t, long r) { if (r >= 0) CALL1(P, SYS_close, r); }
static long do_stat(const struct path *P, unsigned long path) { struct stat st; return CALL2(P, SYS_stat, path, &st); }
static long do_mkdir(const struct path *P, unsigned long path) { return CALL2(P, SYS_mkdir, path, 0755); }
static void remove_dir(const struct path *P, struct transcript *t, long r) { CALL1(P, SYS_rmdir, "/conform-m"); }
static long do_unlink(const struct path *P, unsigned long path) { return CALL1(P, SYS_unlink, path); }
static void make_file(const struct path *P) { close_fd(P, 0, CALL3(P, SYS_open, "/conform-u", O_CREAT | O_WRONLY, 0644)); }
/* After each unlink: a failed one left the file there; a good one is undone. */
static void file_back(const struct path *P, struct transcript *t, long r)
{
	if (r == 0)
		make_file(P);
	else
		EXPECT(t, P, do_stat(P, (unsigned long)"/conform-u") == 0);
}
static long do_execve(const struct path *P, unsigned long path)
{
	char *argv[] = { "x", 0 };
	return CALL3(P, SYS_execve, path, argv, 0);
}

int case_efault_open(const struct path *P, struct transcript *t)
{
	path_row(P, t, "open", "/bin/true", 0, do_open, close_fd);
	return 0;
}

int case_efault_stat_path(const struct path *P, struct transcript *t)
{
	path_row(P, t, "stat", "/bin/true", 0, do_stat, 0);
	return 0;
}

int case_efault_mkdir(const struct path *P, struct transcript *t)
{
	path_row(P, t, "mkdir", "/conform-m", 0, do_mkdir, remove_dir);
	return 0;
}

int case_efault_unlink(const struct path *P, struct transcript *t)
{
	make_file(P);
	path_row(P, t, "unlink", "/conform-u", 0, do_unlink, file_back);
	EXPECT(t, P, do_unlink(P, (unsigned long)"/conform-u") == 0);
	return 0;
}

/* execve's path, then its argv and envp arrays and their strings. A
 * program that is not an ELF file gives -ENOEXEC once all are copied in. */
int case_efault_execve(const struct path *P, struct transcript *t)
{
	static const char *const noexec = "/conform-x";
	long fd = CALL3(P, SYS_open, noexec, O_CREAT | O_TRUNC | O_WRONLY, 0755);

	CALL3(P, SYS_write, fd, "not an ELF file\n", 16);
	CALL1(P, SYS_close, fd);
	path_row(P, t, "execve", "/conform-none", -ENOENT, do_execve, 0);
	for (int which = 1; which <= 2; which++) {              /* argv, envp */
		const char *name = which == 1 ? "execve(argv)" : "execve(envp)";
		for (int p = 0; p < NBUFFER_PLACES; p++) {
			char **vec = (char **)buffer_at(p, 2 * sizeof(char *));
			if (p == ENDS_AT_END)
				vec[0] = "x", vec[1] = 0;
			if (p == PAST_END)
				vec[0] = "x";    /* the NULL would be past the end */
			long args[3] = { (long)noexec, 0, 0 };
			args[which] = (long)vec;
			/* NULL, or a read-only page of zeros, is an empty array: fine. */
			long want = p == ENDS_AT_END || p == READ_ONLY || p == NULLPTR ? -ENOEXEC : -EFAULT;
			cell(P, t, name, p, CALL3(P, SYS_execve, args[0], args[1], args[2]), want);
		}
		/* An element that points nowhere, or at a string with no end (a
		 * NULL element ends the array). */
		for (int p = ONE; p <= PAST_END; p++) {
			if (p == ENDS_AT_END)
				continue;
			char *vec[2] = { (char *)path_at(p, "x"), 0 };
			long args[3] = { (long)noexec, 0, 0 };
			args[which] = (long)vec;
			cell(P, t, which == 1 ? "execve(argv[0])" : "execve(envp[0])", p,
			     CALL3(P, SYS_execve, args[0], args[1], args[2]), -EFAULT);
		}
	}
	CALL1(P, SYS_unlink, noexec);
	return 0;
}

int case_efault_writev(const struct path *P, struct transcript *t)
{
	static char ok[] = "";

	for (int p = 0; p < NBUFFER_PLACES; p++) {
		if (want_buffer(p, 1, 0, 0) == 0 || p == PAST_END)
			continue;                        /* only the wholly bad columns */
		struct iovec iov[2] = { { ok, 0 }, { (void *)buffer_at(p, 16), 16 } };
		cell(P, t, "writev(the array)", p, CALL3(P, SYS_writev, 1, buffer_at(p, sizeof(iov)), 2), -EFAULT);
		cell(P, t, "writev(an element)", p, CALL3(P, SYS_writev, 1, iov, 2), -EFAULT);
	}
	EXPECT(t, P, CALL3(P, SYS_writev, 1, 0, -1) == -EINVAL);
	EXPECT(t, P, CALL3(P, SYS_writev, 1, 0, 1025) == -EINVAL);
	return 0;
}

/* --- the calls static Linux programs make (cases_fileat.c) -------------------- */

static long do_openat(const struct path *P, unsigned long path) { return CALL4(P, SYS_openat, AT_FDCWD, path, O_RDONLY, 0); }
static long do_fstatat(const struct path *P, unsigned long path)
{
	struct stat st;
	return CALL4(P, SYS_newfstatat, AT_FDCWD, path, &st, 0);
}
static long do_access(const struct path *P, unsigned long path) { return CALL2(P, SYS_access, path, R_OK); }
static long do_faccessat(const struct path *P, unsigned long path) { return CALL3(P, SYS_faccessat, AT_FDCWD, path, R_OK); }
static long do_readlink(const struct path *P, unsigned long path)
{
	char buf[8];
	return CALL3(P, SYS_readlink, path, buf, sizeof(buf));
}
static long do_readlinkat(const struct path *P, unsigned long path)
{
	char buf[8];
	return CALL4(P, SYS_readlinkat, AT_FDCWD, path, buf, sizeof(buf));
}
static long do_statfs(const struct path *P, unsigned long path)
{
	struct statfs sf;
	return STATFS(P, path, &sf);
}
#ifdef __i386__
static long do_old_statfs(const struct path *P, unsigned long path)
{
	struct statfs32 sf;
	return CALL2(P, SYS_statfs, path, &sf);
}
#endif
static long do_creat(const struct path *P, unsigned long path) { return CALL2(P, SYS_creat, path, 0644); }
static void creat_undo(const struct path *P, struct transcript *t, long r)
{
	close_fd(P, t, r);
	CALL1(P, SYS_unlink, "/conform-m");
}

int case_efault_fileat_paths(const struct path *P, struct transcript *t)
{
	path_row(P, t, "openat", "/bin/true", 0, do_openat, close_fd);
	path_row(P, t, "newfstatat", "/bin/true", 0, do_fstatat, 0);
	path_row(P, t, "creat", "/conform-m", 0, do_creat, creat_undo);
	path_row(P, t, "access", "/bin/true", 0, do_access, 0);
	path_row(P, t, "faccessat", "/bin/true", 0, do_faccessat, 0);
	/* Not a link: a good path is -EINVAL, a bad one -EFAULT (efault_links reads a real one). */
	path_row(P, t, "readlink", "/bin/true", -EINVAL, do_readlink, 0);
	path_row(P, t, "readlinkat", "/bin/true", -EINVAL, do_readlinkat, 0);
	path_row(P, t, "statfs", "/", 0, do_statfs, 0);
#ifdef __i386__
	path_row(P, t, "old statfs", "/", 0, do_old_statfs, 0);
#endif
	return 0;
}

/* --- symbolic links and the *at name calls (cases_links.c) ------------------- */

static void unlink_sl(const struct path *P, struct transcript *t, long r) { CALL1(P, SYS_unlink, "/conform-sl"); }
static long do_symlink_target(const struct path *P, unsigned long path) { return CALL2(P, SYS_symlink, path, "/conform-sl"); }
static long do_symlink_new(const struct path *P, unsigned long path) { return CALL2(P, SYS_symlink, "x", path); }
static long do_symlinkat_target(const struct path *P, unsigned long path)
{
	return CALL3(P, SYS_symlinkat, path, AT_FDCWD, "/conform-sl");
}
static long do_symlinkat_new(const struct path *P, unsigned long path) { return CALL3(P, SYS_symlinkat, "x", AT_FDCWD, path); }
static long do_lstat(const struct path *P, unsigned long path) { struct stat st; return CALL2(P, SYS_lstat, path, &st); }
static long do_mkdirat(const struct path *P, unsigned long path) { return CALL3(P, SYS_mkdirat, AT_FDCWD, path, 0755); }
static long do_mknod(const struct path *P, unsigned long path) { return CALL3(P, SYS_mknod, path, S_IFIFO | 0644, 0); }
static long do_mknodat(const struct path *P, unsigned long path) { return CALL4(P, SYS_mknodat, AT_FDCWD, path, S_IFIFO | 0644, 0); }
static void unlink_m(const struct path *P, struct transcript *t, long r) { CALL1(P, SYS_unlink, "/conform-m"); }
static long do_unlinkat(const struct path *P, unsigned long path) { return CALL3(P, SYS_unlinkat, AT_FDCWD, path, 0); }
static long do_linkat_old(const struct path *P, unsigned long path)
{
	return P->call(SYS_linkat, AT_FDCWD, (long)path, AT_FDCWD, (long)"/conform-sl", 0, 0);
}
static long do_linkat_new(const struct path *P, unsigned long path)
{
	return P->call(SYS_linkat, AT_FDCWD, (long)"/bin/true", AT_FDCWD, (long)path, 0, 0);
}
static long do_renameat_old(const struct path *P, unsigned long path)
{
	return CALL4(P, SYS_renameat, AT_FDCWD, path, AT_FDCWD, "/conform-sl");
}
static long do_renameat2_new(const struct path *P, unsigned long path)
{
	return P->call(SYS_renameat2, AT_FDCWD, (long)"/conform-u", AT_FDCWD, (long)path, 0, 0);
}
/* After each rename: a good one is undone. */
static void rename_back(const struct path *P, struct transcript *t, long r) { CALL2(P, SYS_rename, "/conform-sl", "/conform-u"); }
static long do_fchmodat(const struct path *P, unsigned long path) { return CALL3(P, SYS_fchmodat, AT_FDCWD, path, 0644); }
static long do_chown(const struct path *P, unsigned long path) { return CALL3(P, SYS_chown, path, -1, -1); }
static long do_lchown(const struct path *P, unsigned long path) { return CALL3(P, SYS_lchown, path, -1, -1); }
static long do_fchownat(const struct path *P, unsigned long path)
{
	return P->call(SYS_fchownat, AT_FDCWD, (long)path, -1, -1, 0, 0);
}
static long do_utimensat(const struct path *P, unsigned long path) { return CALL4(P, SYS_utimensat, AT_FDCWD, path, 0, 0); }

int case_efault_links(const struct path *P, struct transcript *t)
{
	CALL1(P, SYS_unlink, "/conform-sl");
	path_row(P, t, "symlink(target)", "/bin/true", 0, do_symlink_target, unlink_sl);
	path_row(P, t, "symlink(linkpath)", "/conform-sl", 0, do_symlink_new, unlink_sl);
	path_row(P, t, "symlinkat(target)", "/bin/true", 0, do_symlinkat_target, unlink_sl);
	path_row(P, t, "symlinkat(linkpath)", "/conform-sl", 0, do_symlinkat_new, unlink_sl);
	path_row(P, t, "mkdirat", "/conform-m", 0, do_mkdirat, remove_dir);
	path_row(P, t, "mknod", "/conform-m", 0, do_mknod, unlink_m);
	path_row(P, t, "mknodat", "/conform-m", 0, do_mknodat, unlink_m);
	path_row(P, t, "linkat(old)", "/bin/true", 0, do_linkat_old, unlink_sl);
	path_row(P, t, "linkat(new)", "/conform-sl", 0, do_linkat_new, unlink_sl);
	make_file(P);
	path_row(P, t, "unlinkat", "/conform-u", 0, do_unlinkat, file_back);
	path_row(P, t, "renameat(old)", "/conform-u", 0, do_renameat_old, rename_back);
	path_row(P, t, "renameat2(new)", "/conform-sl", 0, do_renameat2_new, rename_back);
	path_row(P, t, "fchmodat", "/conform-u", 0, do_fchmodat, 0);
	path_row(P, t, "utimensat", "/conform-u", 0, do_utimensat, 0);
	path_row(P, t, "chown", "/conform-u", 0, do_chown, 0);
	path_row(P, t, "lchown", "/conform-u", 0, do_lchown, 0);
	path_row(P, t, "fchownat", "/conform-u", 0, do_fchownat, 0);
	/* The times are read whole (two timespecs of zeros are a good answer); NULL is "now". */
	OPT_SRC_ROW(P, t, "utimensat(times)", 2 * sizeof(struct timespec), 0, 0,
		    CALL4(P, SYS_utimensat, AT_FDCWD, "/conform-u", src, 0));
	CALL1(P, SYS_unlink, "/conform-u");
	/* A real link: lstat and readlink take good paths; readlink's buffer gets 4 bytes. */
	CALL2(P, SYS_symlink, "abcd", "/conform-sl");
	path_row(P, t, "lstat", "/conform-sl", 0, do_lstat, 0);
	path_row(P, t, "readlink(a link)", "/conform-sl", 0, do_readlink, 0);
	DEST_ROW(P, t, "readlink(buffer)", 4, 4, CALL3(P, SYS_readlink, "/conform-sl", dst, 4));
	DEST_ROW(P, t, "readlinkat(buffer)", 4, 4, CALL4(P, SYS_readlinkat, AT_FDCWD, "/conform-sl", dst, 4));
	DEST_ROW(P, t, "lstat(buffer)", sizeof(struct stat), 0, CALL2(P, SYS_lstat, "/conform-sl", dst));
	CALL1(P, SYS_unlink, "/conform-sl");
	return 0;
}

int case_efault_fileat_buffers(const struct path *P, struct transcript *t)
{
	long fd = CALL3(P, SYS_open, "/bin/true", O_RDONLY, 0);

	DEST_ROW(P, t, "newfstatat(buffer)", sizeof(struct stat), 0, CALL4(P, SYS_newfstatat, AT_FDCWD, "/bin/true", dst, 0));
	DEST_ROW(P, t, "newfstatat(AT_EMPTY_PATH)", sizeof(struct stat), 0, CALL4(P, SYS_newfstatat, fd, "", dst, AT_EMPTY_PATH));
	DEST_ROW(P, t, "statfs(buffer)", sizeof(struct statfs), 0, STATFS(P, "/", dst));
	DEST_ROW(P, t, "fstatfs", sizeof(struct statfs), 0, FSTATFS(P, fd, dst));
#ifdef __i386__
	/* i386's old statfs and fstatfs (their struct is 64 bytes). */
	DEST_ROW(P, t, "old statfs(buffer)", sizeof(struct statfs32), 0, CALL2(P, SYS_statfs, "/", dst));
	DEST_ROW(P, t, "old fstatfs", sizeof(struct statfs32), 0, CALL2(P, SYS_fstatfs, fd, dst));
#endif
	CALL1(P, SYS_close, fd);
	return 0;
}

/* pread from offset 0 into each column, pwrite from each: as read and write do. */
int case_efault_pread_pwrite(const struct path *P, struct transcript *t)
{
	long zero = CALL3(P, SYS_open, "/dev/zero", O_RDONLY, 0), file = CALL3(P, SYS_open, "/bin/true", O_RDONLY, 0);
	long out = CALL3(P, SYS_open, "/conform-w", O_CREAT | O_TRUNC | O_RDWR, 0644);
	struct stat st;
	long total = 0;

	for (int p = 0; p < NBUFFER_PLACES; p++) {
		cell(P, t, "pread(/dev/zero)", p, PRW64(P, SYS_pread64, zero, buffer_at(p, 16), 16, 0), want_buffer(p, 0, 16, 15));
		cell(P, t, "pread(a file)", p, PRW64(P, SYS_pread64, file, buffer_at(p, 16), 16, 0), want_buffer(p, 0, 16, 15));
	}
	EXPECT(t, P, CALL3(P, SYS_lseek, file, 0, SEEK_CUR) == 0);     /* pread never moves it */
	memset((char *)buffer_at(ENDS_AT_END, PAGE), 'w', PAGE);
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		long want = want_buffer(p, 1, 16, 15);
		cell(P, t, "pwrite(a file)", p, PRW64(P, SYS_pwrite64, out, buffer_at(p, 16), 16, total), want);
		total += want > 0 ? want : 0;
	}
	EXPECT(t, P, CALL2(P, SYS_fstat, out, &st) == 0 && st.st_size == total);
	CALL1(P, SYS_close, zero);
	CALL1(P, SYS_close, file);
	CALL1(P, SYS_close, out);
	CALL1(P, SYS_unlink, "/conform-w");
	return 0;
}

/* readv, preadv and pwritev: a bad array, or a bad element with nothing
 * before it, is -EFAULT and nothing moves (a bad element after a good one
 * ends the transfer there, as a short count). */
int case_efault_vectors(const struct path *P, struct transcript *t)
{
	static char ok[4];
	long fd = CALL3(P, SYS_open, "/conform-w", O_CREAT | O_TRUNC | O_RDWR, 0644);
	struct stat st;

	CALL3(P, SYS_write, fd, "data", 4);
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		if (want_buffer(p, 1, 0, 0) == 0 || p == PAST_END)
			continue;                        /* only the wholly bad columns */
		struct iovec iov[2] = { { ok, 0 }, { (void *)buffer_at(p, 16), 16 } };
		unsigned long arr = buffer_at(p, sizeof(iov));
		CALL3(P, SYS_lseek, fd, 0, SEEK_SET);
		cell(P, t, "readv(the array)", p, CALL3(P, SYS_readv, fd, arr, 2), -EFAULT);
		cell(P, t, "readv(an element)", p, CALL3(P, SYS_readv, fd, iov, 2), -EFAULT);
		cell(P, t, "preadv(an element)", p, P->call(SYS_preadv, fd, (long)iov, 2, 0, 0, 0), -EFAULT);
		cell(P, t, "pwritev(the array)", p, P->call(SYS_pwritev, fd, arr, 2, 0, 0, 0), -EFAULT);
		cell(P, t, "pwritev(an element)", p, P->call(SYS_pwritev, fd, (long)iov, 2, 0, 0, 0), -EFAULT);
	}
	EXPECT(t, P, CALL3(P, SYS_lseek, fd, 0, SEEK_CUR) == 0);       /* nothing was read */
	EXPECT(t, P, CALL2(P, SYS_fstat, fd, &st) == 0 && st.st_size == 4);
	EXPECT(t, P, CALL3(P, SYS_readv, fd, 0, 1025) == -EINVAL);
	CALL1(P, SYS_close, fd);
	CALL1(P, SYS_unlink, "/conform-w");
	return 0;
}

/* sendfile's offset is read first and written back last: a read-only
 * one moves the bytes, then fails; the data shows it. NULL is no offset:
 * in_fd's own is used and moved. */
int case_efault_sendfile(const struct path *P, struct transcript *t)
{
	long in = CALL3(P, SYS_open, "/bin/true", O_RDONLY, 0);
	long out = CALL3(P, SYS_open, "/conform-w", O_CREAT | O_TRUNC | O_RDWR, 0644);
	struct stat st;

	for (int p = 0; p < NBUFFER_PLACES; p++) {
		int64_t *off = (int64_t *)buffer_at(p, sizeof(int64_t));
		if (p == ENDS_AT_END)
			*off = 0;
		long r = CALL4(P, SYS_sendfile, out, in, off, 4);
		cell(P, t, "sendfile(offset)", p, r, p == ENDS_AT_END || p == NULLPTR ? 4 : -EFAULT);
		if (p == ENDS_AT_END)
			EXPECT(t, P, *off == 4);
	}
	/* NULL, ENDS_AT_END and READ_ONLY sent 4 bytes each; only NULL moved in_fd's offset. */
	EXPECT(t, P, CALL2(P, SYS_fstat, out, &st) == 0 && st.st_size == 12);
	EXPECT(t, P, CALL3(P, SYS_lseek, in, 0, SEEK_CUR) == 4);
	CALL1(P, SYS_close, in);
	CALL1(P, SYS_close, out);
	CALL1(P, SYS_unlink, "/conform-w");
	return 0;
}

/* The console's ioctls write or read their structures through the copy helpers. */
int case_efault_ioctl(const struct path *P, struct transcript *t)
{
	long con = CALL3(P, SYS_open, "/dev/console", O_RDWR, 0);
	int fds[2], pg = CALL0(P, SYS_getpgrp);
	struct termios saved;

	CALL1(P, SYS_pipe, fds);
	CALL3(P, SYS_ioctl, con, TCGETS, &saved);
	DEST_ROW(P, t, "ioctl(TCGETS)", sizeof(struct termios), 0, CALL3(P, SYS_ioctl, con, TCGETS, dst));
	DEST_ROW(P, t, "ioctl(TIOCGWINSZ)", sizeof(struct winsize), 0, CALL3(P, SYS_ioctl, con, TIOCGWINSZ, dst));
	DEST_ROW(P, t, "ioctl(TIOCGPGRP)", sizeof(int), 0, CALL3(P, SYS_ioctl, con, TIOCGPGRP, dst));
	DEST_ROW(P, t, "ioctl(TIOCGSID)", sizeof(int), 0, CALL3(P, SYS_ioctl, con, TIOCGSID, dst));
	DEST_ROW(P, t, "ioctl(FIONREAD)", sizeof(int), 0, CALL3(P, SYS_ioctl, con, FIONREAD, dst));
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		/* The settings a readable buffer holds are the console's own. */
		unsigned long b = buffer_at(p, sizeof(struct termios));
		if (want_buffer(p, 1, 0, 0) == 0 && p != READ_ONLY)
			memcpy((void *)b, &saved, sizeof(saved));
		cell(P, t, "ioctl(TCSETS)", p, CALL3(P, SYS_ioctl, con, TCSETS, b), want_buffer(p, 1, 0, 0));
		CALL3(P, SYS_ioctl, con, TCSETS, &saved);
		b = buffer_at(p, sizeof(int));
		if (want_buffer(p, 1, 0, 0) == 0 && p != READ_ONLY)
			memcpy((void *)b, &pg, sizeof(pg));
		/* (the read-only page says 0: no such group) */
		cell(P, t, "ioctl(TIOCSPGRP)", p, CALL3(P, SYS_ioctl, con, TIOCSPGRP, b),
		     p == READ_ONLY ? -ESRCH : want_buffer(p, 1, 0, 0));
		cell(P, t, "ioctl(FIONBIO)", p, CALL3(P, SYS_ioctl, fds[0], FIONBIO, buffer_at(p, sizeof(int))),
		     want_buffer(p, 1, 0, 0));
	}
	CALL1(P, SYS_close, fds[0]);
	CALL1(P, SYS_close, fds[1]);
	CALL1(P, SYS_close, con);
	return 0;
}

/* --- the process and misc calls (issue 13) --------------------------------- */

/* The bytes of siginfo waitid writes: up to si_status (the union is at 16
 * on x86-64, at 12 on i386). */
#define INFOP_BYTES (sizeof(long) == 4 ? 24 : 28)

/* waitid's infop (written even for -ECHILD, as Linux) and rusage (for a
 * child found: a zombie, left there by WNOWAIT); NULL is allowed for both. */
int case_efault_waitid(const struct path *P, struct transcript *t)
{
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		long want = p == NULLPTR ? -ECHILD : want_buffer(p, 0, -ECHILD, 0);
		cell(P, t, "waitid(infop)", p, CALL4(P, SYS_waitid, P_ALL, 0, buffer_at(p, INFOP_BYTES), WEXITED), want);
	}
	long pid = CALL0(P, SYS_fork);
	if (pid == 0)
		CALL1(P, SYS_exit, 0);
	for (int p = 0; p < NBUFFER_PLACES; p++)
		cell(P, t, "waitid(rusage)", p, P->call(SYS_waitid, P_PID, pid, 0, WEXITED | WNOWAIT,
							buffer_at(p, sizeof(struct rusage)), 0),
		     p == NULLPTR ? 0 : want_buffer(p, 0, 0, 0));
	CALL4(P, SYS_wait4, pid, 0, 0, 0);
	return 0;
}

int case_efault_sysinfo(const struct path *P, struct transcript *t)
{
	DEST_ROW(P, t, "sysinfo", sizeof(struct sysinfo), 0, CALL1(P, SYS_sysinfo, dst));
	return 0;
}

int case_efault_getrusage(const struct path *P, struct transcript *t)
{
	DEST_ROW(P, t, "getrusage(RUSAGE_SELF)", sizeof(struct rusage), 0, CALL2(P, SYS_getrusage, RUSAGE_SELF, dst));
	DEST_ROW(P, t, "getrusage(RUSAGE_CHILDREN)", sizeof(struct rusage), 0, CALL2(P, SYS_getrusage, RUSAGE_CHILDREN, dst));
	/* A bad who is reported before the pointer is looked at. */
	EXPECT(t, P, CALL2(P, SYS_getrusage, 5, 0) == -EINVAL);
	return 0;
}

/* times(buf): NULL is allowed; the answer is a tick count, noted as 0. */
int case_efault_times(const struct path *P, struct transcript *t)
{
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		long r = CALL1(P, SYS_times, buffer_at(p, sizeof(struct tms)));
		cell(P, t, "times", p, r >= 0 ? 0 : r, p == NULLPTR || p == ENDS_AT_END ? 0 : -EFAULT);
	}
	return 0;
}

/* getresuid and getresgid: each of the three pointers in each column. */
int case_efault_getresuid(const struct path *P, struct transcript *t)
{
	static const char *const names[2][3] = {
		{ "getresuid(ruid)", "getresuid(euid)", "getresuid(suid)" },
		{ "getresgid(rgid)", "getresgid(egid)", "getresgid(sgid)" },
	};
	unsigned ids[3];

	for (int g = 0; g < 2; g++)
		for (int which = 0; which < 3; which++)
			for (int p = 0; p < NBUFFER_PLACES; p++) {
				long a[3] = { (long)&ids[0], (long)&ids[1], (long)&ids[2] };
				a[which] = buffer_at(p, sizeof(unsigned));
				cell(P, t, names[g][which], p, CALL3(P, g ? SYS_getresgid : SYS_getresuid, a[0], a[1], a[2]),
				     want_buffer(p, 0, 0, 0));
			}
	return 0;
}

int case_efault_robust_list(const struct path *P, struct transcript *t)
{
	long head, len;

	DEST_ROW(P, t, "get_robust_list(head)", sizeof(long), 0, CALL3(P, SYS_get_robust_list, 0, dst, &len));
	DEST_ROW(P, t, "get_robust_list(len)", sizeof(long), 0, CALL3(P, SYS_get_robust_list, 0, &head, dst));
	return 0;
}

/* prctl's name: PR_GET_NAME writes 16 bytes; PR_SET_NAME reads a string
 * of up to 15 bytes, so 15 bytes without a NUL that end at a mapping's
 * end are a whole name, and fewer are -EFAULT. */
int case_efault_prctl_name(const struct path *P, struct transcript *t)
{
	char name[16];

	DEST_ROW(P, t, "prctl(PR_GET_NAME)", 16, 0, CALL2(P, SYS_prctl, PR_GET_NAME, dst));
	for (int p = 0; p < NBUFFER_PLACES; p++)
		cell(P, t, "prctl(PR_SET_NAME)", p, CALL2(P, SYS_prctl, PR_SET_NAME, path_at(p, "conform-name")),
		     p == ENDS_AT_END || p == READ_ONLY ? 0 : -EFAULT);
	char *fifteen = memcpy((char *)buffer_at(ENDS_AT_END, 15), "fifteen-bytes!!", 15);
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_SET_NAME, fifteen) == 0);
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_GET_NAME, name) == 0 && strcmp(name, "fifteen-bytes!!") == 0);
	CALL2(P, SYS_prctl, PR_SET_NAME, CONFORM_COMM);
	return 0;
}

/* sched_getaffinity writes 8 bytes and says so; sched_setaffinity reads
 * them (a read-only page of zeros is a mask with no CPU: -EINVAL). */
int case_efault_affinity(const struct path *P, struct transcript *t)
{
	DEST_ROW(P, t, "sched_getaffinity", 8, 8, CALL3(P, SYS_sched_getaffinity, 0, 8, dst));
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		unsigned long src = buffer_at(p, 8);
		if (p == ENDS_AT_END)
			*(unsigned long *)src = 1;
		cell(P, t, "sched_setaffinity", p, CALL3(P, SYS_sched_setaffinity, 0, 8, src),
		     p == READ_ONLY ? -EINVAL : want_buffer(p, 1, 0, 0));
	}
	return 0;
}

/* getrandom fills what it can, as read does: 15 of 16 bytes when the
 * buffer runs one byte past its mapping, up to the end for SIZE_MAX. */
int case_efault_getrandom(const struct path *P, struct transcript *t)
{
	for (int p = 0; p < NBUFFER_PLACES; p++)
		cell(P, t, "getrandom", p, CALL3(P, SYS_getrandom, buffer_at(p, 16), 16, 0), want_buffer(p, 0, 16, 15));
	cell(P, t, "getrandom of SIZE_MAX bytes", ENDS_AT_END,
	     CALL3(P, SYS_getrandom, buffer_at(ENDS_AT_END, 16), ~0UL, 0), 16);
	cell(P, t, "getrandom of 0 bytes", NULLPTR, CALL3(P, SYS_getrandom, 0, 0, 0), 0);
	return 0;
}

/* The address calls (mprotect, madvise, mremap) follow no pointer: each
 * column is an address, which is unaligned (-EINVAL), not mapped (-ENOMEM
 * for mprotect and madvise, -EFAULT for mremap, kernel half included, as
 * on Linux), or a page that is there. */
static long want_address(enum place p, long ok, long unmapped)
{
	if (p == ONE || p == TOP || p == PAST_END)
		return -EINVAL;
	if (p == ENDS_AT_END || p == READ_ONLY)
		return ok;
	return unmapped;
}

int case_efault_address_calls(const struct path *P, struct transcript *t)
{
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		unsigned long a = buffer_at(p, PAGE);
		long prot = p == READ_ONLY ? PROT_READ : PROT_READ | PROT_WRITE;   /* as they were */
		cell(P, t, "mprotect", p, CALL3(P, SYS_mprotect, a, PAGE, prot), want_address(p, 0, -ENOMEM));
		cell(P, t, "madvise", p, CALL3(P, SYS_madvise, a, PAGE, MADV_WILLNEED), want_address(p, 0, -ENOMEM));
		cell(P, t, "mremap", p, P->call(SYS_mremap, a, PAGE, PAGE, 0, 0, 0), want_address(p, (long)a, -EFAULT));
	}
	return 0;
}

#ifdef __x86_64__      /* conform32 leaves it out (conform.h) */
/* clone's tid pointers: Linux writes them with put_user and ignores a
 * failure, so every column still makes a child. */
int case_efault_clone_tid(const struct path *P, struct transcript *t)
{
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		unsigned long a = buffer_at(p, sizeof(int));
		int status = -1;
		long pid = P->call(SYS_clone, CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, 0, a, a, 0, 0);
		if (pid == 0)
			CALL1(P, SYS_exit, 0);
		cell(P, t, "clone(tid)", p, pid > 0 && CALL4(P, SYS_wait4, pid, &status, 0, 0) == pid && status == 0, 1);
	}
	return 0;
}
#endif

#define CALL6(P, n, a, b, c, d, e, f) (P)->call(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

/* poll's array is read and its revents written (a read-only one: -EFAULT
 * after the look); the timeouts, masks and sets of ppoll, select and
 * pselect6 are read (a read-only timeout's write back is dropped, a
 * read-only set's is -EFAULT). A pipe's write end is ready, so nothing
 * waits, not even with no timeout. */
int case_efault_poll(const struct path *P, struct transcript *t)
{
	int p[2];
	struct pollfd ok = { 0, POLLOUT, 0 };
	struct timespec zero = { 0, 0 };
	struct timeval tv0 = { 0, 0 };
	uint64_t wr;

	CALL1(P, SYS_pipe, p);
	ok.fd = p[1];
	for (int i = 0; i < NBUFFER_PLACES; i++) {
		enum place pl = i;
		int good = pl == ENDS_AT_END || pl == NULLPTR;
		struct pollfd *pf = (struct pollfd *)buffer_at(pl, sizeof(*pf));
		if (pl == ENDS_AT_END)
			*pf = ok;
		cell(P, t, "poll(fds)", pl, CALL3(P, SYS_poll, pf, 1, 0), pl == ENDS_AT_END ? 1 : -EFAULT);

		struct timespec *ts = (struct timespec *)buffer_at(pl, sizeof(*ts));
		if (pl == ENDS_AT_END)
			*ts = zero;
		long want = good || pl == READ_ONLY ? 1 : -EFAULT;
		cell(P, t, "ppoll(timeout)", pl, CALL5(P, SYS_ppoll, &ok, 1, ts, 0, 0), want);
		uint64_t *mask = (uint64_t *)buffer_at(pl, sizeof(*mask));
		if (pl == ENDS_AT_END)
			*mask = 0;
		cell(P, t, "ppoll(sigmask)", pl, CALL5(P, SYS_ppoll, &ok, 1, &zero, mask, 8), want);

		struct timeval *tv = (struct timeval *)buffer_at(pl, sizeof(*tv));
		if (pl == ENDS_AT_END)
			*tv = tv0;
		wr = 1ULL << p[1];
		cell(P, t, "select(timeout)", pl, CALL5(P, SYS_select, p[1] + 1, 0, &wr, 0, tv), want);
		unsigned long *set = (unsigned long *)buffer_at(pl, sizeof(*set));   /* the kernel reads longs */
		if (pl == ENDS_AT_END)
			*set = 1UL << p[1];
		cell(P, t, "select(writefds)", pl, CALL5(P, SYS_select, p[1] + 1, 0, set, 0, &tv0),
		     pl == NULLPTR ? 0 : pl == ENDS_AT_END ? 1 : -EFAULT);

		unsigned long *pack = (unsigned long *)buffer_at(pl, 2 * sizeof(long));   /* { sigset *, size } */
		if (pl == ENDS_AT_END)
			pack[0] = pack[1] = 0;
		wr = 1ULL << p[1];
		cell(P, t, "pselect6(sig)", pl, CALL6(P, SYS_pselect6, p[1] + 1, 0, &wr, 0, &zero, pack), want);
		if (pl == ENDS_AT_END)
			*ts = zero;
		wr = 1ULL << p[1];
		cell(P, t, "pselect6(timeout)", pl, CALL6(P, SYS_pselect6, p[1] + 1, 0, &wr, 0, ts, 0), want);
	}
	CALL1(P, SYS_close, p[0]);
	CALL1(P, SYS_close, p[1]);
	return 0;
}

#ifdef __x86_64__
/* rseq registers a 32-byte area checked only for its range (-EFAULT) and
 * alignment (-EINVAL), as Linux does; the kernel writes it on the way back
 * to user mode, where an area it cannot write is a SIGSEGV. NULL registers
 * nothing. A child tries each column: its result, or 1000 + the signal
 * that ended it. */
static void rseq_column(const struct path *P, void *arg)
{
	long r = CALL4(P, SYS_rseq, arg, 32, 0, 0x53053053);

	CALL1(P, SYS_exit, r < 0 ? -r : 0);
}

int case_efault_rseq(const struct path *P, struct transcript *t)
{
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		unsigned long a = buffer_at(p, 32);
		int status = run_child(rseq_column, P, (void *)a);
		long got = (status & 0x7f) ? 1000 + (status & 0x7f) : -((status >> 8) & 0xff);
		long want = a % 32 ? -EINVAL : a >= 0x0000800000000000UL ? -EFAULT
			  : p == NULLPTR || p == ENDS_AT_END ? 0 : 1000 + SIGSEGV;
		cell(P, t, "rseq", p, got, want);
	}
	return 0;
}
#endif

/* The calls busybox's setpriv, su and dmesg need (cases_misc.c): setgroups
 * reads the list, getgroups writes it, capget reads (and on a bad version
 * writes) the header and writes the data, syslog writes the log out. */
int case_efault_misc(const struct path *P, struct transcript *t)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	SRC_ROW(P, t, "setgroups", sizeof(unsigned), 0, CALL2(P, SYS_setgroups, 1, src));
	DEST_ROW(P, t, "getgroups", sizeof(unsigned), 1, CALL2(P, SYS_getgroups, 1, dst));
	OPT_DEST_ROW(P, t, "capget(data)", sizeof(d), 0, 0, CALL2(P, SYS_capget, &h, dst));
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		unsigned long hp = buffer_at(p, sizeof(h));
		if (p == ENDS_AT_END)
			memcpy((void *)hp, &h, sizeof(h));
		if (p == PAST_END)               /* a good version, a pid past the end */
			memcpy((void *)hp, &h.version, sizeof(h.version));
		/* the read-only page's version, 0, is wrong: writing it back faults */
		cell(P, t, "capget(header)", p, CALL2(P, SYS_capget, hp, d), p == ENDS_AT_END ? 0 : -EFAULT);
	}
	/* syslog: the newest whole lines that fit a page go to the buffer's
	 * start, so whether a buffer that ends a byte past its mapping is
	 * reached depends on the lines: that column is left out. NULL is
	 * -EINVAL, as Linux. */
	for (int p = 0; p < NBUFFER_PLACES; p++) {
		if (p == PAST_END)
			continue;
		long got = CALL3(P, SYS_syslog, SYSLOG_ACTION_READ_ALL, buffer_at(p, PAGE), PAGE);
		cell(P, t, "syslog(READ_ALL)", p, got > 0 ? 1 : got, p == ENDS_AT_END ? 1 : p == NULLPTR ? -EINVAL : -EFAULT);
	}
	return 0;
}
