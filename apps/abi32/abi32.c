/*
 * abi32 - the i386 system-call ABI's compat handlers and signal frames,
 * checked from a 32-bit program with no libc (so it runs the same on
 * trapdoor and on the host's Linux, the reference): each case prints a
 * TAP line, and the exit status is the number that failed.
 *
 *   stat64 family, getdents, lseek/_llseek (EOVERFLOW), pread64/preadv's
 *   split offsets, readv/writev, mmap2 and the old mmap, the 32-bit time
 *   calls, rlimits (RLIM_INFINITY's two i386 spellings), getrusage,
 *   sysinfo, times, statfs64, clone's i386 order and wait4's rusage;
 *   signals: the rt frame (siginfo, ucontext, the FSAVE header), the old
 *   frame, a handler's edits to its context and x87 state coming back,
 *   sigaltstack, rt_sigtimedwait, and a rewritten bad cs or eip killing
 *   the process alone with SIGSEGV; EFAULT from every handler for bad
 *   pointers (the EFAULT matrix, i386 rows).
 */
#include <stddef.h>
#include <stdint.h>

#include "api/compat.h"
#include "api/futex.h"

long sc(long nr, long a0, long a1, long a2, long a3, long a4, long a5);
void do_ud2(void);
unsigned read16(void);
extern char read16_insn[];
void fpu_setcw(unsigned cw);
unsigned fpu_getcw(void);

#define SC0(n) sc(n, 0, 0, 0, 0, 0, 0)
#define SC1(n, a) sc(n, (long)(a), 0, 0, 0, 0, 0)
#define SC2(n, a, b) sc(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define SC3(n, a, b, c) sc(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SC4(n, a, b, c, d) sc(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define SC5(n, a, b, c, d, e) sc(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define SC6(n, a, b, c, d, e, f) sc(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

enum {
	NR_exit = 1, NR_fork = 2, NR_execve = 11, NR_read = 3, NR_write = 4, NR_open = 5, NR_close = 6, NR_waitpid = 7,
	NR_time = 13, NR_lseek = 19, NR_getpid = 20, NR_kill = 37, NR_pipe = 42, NR_times = 43,
	NR_sigaction = 67, NR_setrlimit = 75, NR_getrlimit = 76, NR_getrusage = 77, NR_gettimeofday = 78,
	NR_mmap = 90, NR_munmap = 91, NR_setitimer = 104, NR_getitimer = 105, NR_wait4 = 114,
	NR_sysinfo = 116, NR_clone = 120, NR_llseek = 140, NR_getdents = 141, NR_readv = 145,
	NR_writev = 146, NR_nanosleep = 162, NR_rt_sigaction = 174, NR_rt_sigprocmask = 175,
	NR_rt_sigtimedwait = 177, NR_pread64 = 180, NR_sigaltstack = 186, NR_ugetrlimit = 191,
	NR_mmap2 = 192, NR_stat64 = 195, NR_lstat64 = 196, NR_fstat64 = 197, NR_clock_gettime = 265,
	NR_statfs64 = 268, NR_fstatfs64 = 269, NR_fstatat64 = 300, NR_preadv = 333,
	NR_clock_gettime64 = 403, NR_newselect = 142, NR_poll = 168, NR_pselect6 = 308, NR_ppoll = 309,
	NR_utimensat = 320, NR_truncate = 92, NR_ftruncate = 93, NR_waitid = 284, NR_set_robust_list = 311,
	NR_get_robust_list = 312, NR_getuid32 = 199, NR_uname = 122, NR_futex = 240, NR_futex_time64 = 422,
};

#define EFAULT 14
#define EINVAL 22
#define EAGAIN 11
#define EOVERFLOW 75
#define ETIMEDOUT 110
#define ENODEV 19
#define SIGILL 4
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGCHLD 17
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESETHAND 0x80000000
#define SS_ONSTACK 1
#define CLONE_CHILD_SETTID 0x01000000
#define CLONE_PARENT_SETTID 0x00100000
#define BAD 0xfffff000                   /* above a 32-bit process's space (TASK_SIZE 0xffffe000) */

/* The file the cases look at, its directory and name: this program, or
 * argv[1..3] (to run it on the host). */
static const char *PATH = "/bin/abi32", *DIR = "/bin", *NAME = "abi32";

static int failed, n;
static int on_trapdoor;                  /* auxv has AT_TRAPDOOR_ENTRIES */
void *vsyscall;                          /* `abi32 vsyscall`: sc() calls AT_SYSINFO's __kernel_vsyscall */

/* A result that is an address, not -errno. */
static int is_addr(long a) { return (unsigned long)a < 0xfffff001u; }

/* The compiler's own calls for struct copies (there is no libc). */
void *memcpy(void *d, const void *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		((char *)d)[i] = ((const char *)s)[i];
	return d;
}

void *memset(void *d, int c, size_t len)
{
	for (size_t i = 0; i < len; i++)
		((char *)d)[i] = (char)c;
	return d;
}

static size_t slen(const char *s)
{
	size_t i = 0;
	while (s[i])
		i++;
	return i;
}

static void out(const char *s) { SC3(NR_write, 1, s, slen(s)); }

static void out_num(long v)
{
	char b[16], *p = b + sizeof(b);
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	*--p = 0;
	do
		*--p = '0' + u % 10;
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	out(p);
}

static void check(int good, const char *name, long got)
{
	n++;
	if (!good)
		failed++;
	out(good ? "ok " : "not ok ");
	out_num(n);
	out(" - abi32: ");
	out(name);
	if (!good) {
		out(" (got ");
		out_num(got);
		out(")");
	}
	out("\n");
}

static int mem_eq(const void *a, const void *b, size_t len)
{
	const unsigned char *x = a, *y = b;
	for (size_t i = 0; i < len; i++)
		if (x[i] != y[i])
			return 0;
	return 1;
}

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* --- files ------------------------------------------------------------------ */

static void test_stat(void)
{
	struct compat_stat64 a, b, c, d;
	long fd = SC2(NR_open, PATH, 0);
	long r1 = SC2(NR_stat64, PATH, &a), r2 = SC2(NR_fstat64, fd, &b);
	long r3 = SC4(NR_fstatat64, -100, PATH, &c, 0), r4 = SC2(NR_lstat64, PATH, &d);

	check(fd >= 0 && !r1 && !r2 && !r3 && !r4, "stat64, fstat64, fstatat64, lstat64 succeed", r1 | r2 | r3 | r4);
	check(a.st_ino == b.st_ino && a.st_ino == c.st_ino && a.st_ino == d.st_ino && a.st_ino != 0,
	      "stat64 family: one inode", (long)a.st_ino);
	check(a.__st_ino == (uint32_t)a.st_ino, "stat64: __st_ino is st_ino's low half", a.__st_ino);
	check((a.st_mode & 0170000) == 0100000 && a.st_nlink >= 1, "stat64: a regular file", a.st_mode);
	int64_t end = 0;
	long r = SC5(NR_llseek, fd, 0, 0, &end, 2);
	check(r == 0 && end == a.st_size && a.st_size > 0, "stat64: st_size is _llseek's end", (long)end);
	check(a.st_blksize > 0 && a.st_atime_nsec < 1000000000u && a.st_mtime_nsec < 1000000000u &&
	      a.st_ctime_nsec < 1000000000u, "stat64: blksize and nanoseconds", a.st_blksize);
	struct compat_stat64 e;
	check(SC4(NR_fstatat64, fd, "", &e, 0x1000) == 0 && e.st_ino == a.st_ino, "fstatat64 AT_EMPTY_PATH",
	      e.st_ino);
	SC1(NR_close, fd);
}

static void test_getdents(void)
{
	static char buf[4096];
	struct compat_stat64 st;
	long fd = SC2(NR_open, DIR, 0x10000), len = SC3(NR_getdents, fd, buf, sizeof(buf));
	int found = 0, sane = len > 0;

	SC2(NR_stat64, PATH, &st);
	for (long off = 0; off < len;) {
		struct compat_linux_dirent *d = (void *)(buf + off);
		if (d->d_reclen < 12 || d->d_reclen % 4 || off + d->d_reclen > len) {
			sane = 0;
			break;
		}
		if (str_eq(d->d_name, NAME))
			found = d->d_ino == (uint32_t)st.st_ino && buf[off + d->d_reclen - 1] == 8 /* DT_REG */;
		off += d->d_reclen;
	}
	check(sane, "getdents: 32-bit records, 4-aligned", len);
	check(found, "getdents: abi32's inode, and DT_REG in the last byte", found);
	SC1(NR_close, fd);
}

static void test_seek(void)
{
	long fd = SC2(NR_open, PATH, 0);
	int64_t res = 0;

	check(SC3(NR_lseek, fd, -1, 0) == -EINVAL, "lseek: the offset is a signed 32-bit one", 0);
	check(SC3(NR_lseek, fd, 0x7fffffff, 0) == 0x7fffffff, "lseek to 2^31 - 1", 0);
	/* i386 Linux and the man page say EOVERFLOW; x86-64 Linux's compat
	 * lseek hands back the offset truncated (0x80000000) instead. */
	long r = SC3(NR_lseek, fd, 1, 1);
	check(r == -EOVERFLOW || (!on_trapdoor && r == (long)0x80000000), "lseek past 2^31 - 1: EOVERFLOW", r);
	r = SC5(NR_llseek, fd, 1, 5, &res, 0);
	check(r == 0 && res == 0x100000005LL, "_llseek: a 64-bit offset in two halves", (long)(res >> 32));
	char b[4];
	r = sc(NR_pread64, fd, (long)b, 4, 0, 0, 0);
	check(r == 4 && mem_eq(b, "\177ELF", 4), "pread64 at (0, 0)", r);
	r = sc(NR_pread64, fd, (long)b, 4, 0, 1, 0);
	check(r == 0, "pread64's high half counts (2^32 is past the end)", r);
	struct compat_iovec iov[2] = { { (uint32_t)(uintptr_t)b, 1 }, { (uint32_t)(uintptr_t)b + 1, 2 } };
	r = sc(NR_preadv, fd, (long)iov, 2, 1, 0, 0);
	check(r == 3 && mem_eq(b, "ELF", 3), "preadv: 32-bit iovecs at (1, 0)", r);
	SC1(NR_close, fd);
}

static void test_iov(void)
{
	int p[2];
	char a[3] = "abc", b[4] = "defg", got[7];
	struct compat_iovec w[2] = { { (uint32_t)(uintptr_t)a, 3 }, { (uint32_t)(uintptr_t)b, 4 } };
	struct compat_iovec r[2] = { { (uint32_t)(uintptr_t)got, 2 }, { (uint32_t)(uintptr_t)got + 2, 5 } };

	SC1(NR_pipe, p);
	long wn = SC3(NR_writev, p[1], w, 2), rn = SC3(NR_readv, p[0], r, 2);
	check(wn == 7 && rn == 7 && mem_eq(got, "abcdefg", 7), "writev and readv: 32-bit iovecs", rn);
	SC1(NR_close, p[0]);
	SC1(NR_close, p[1]);
}

static void test_mmap(void)
{
	long a = SC6(NR_mmap2, 0, 8192, 3, 0x22, -1, 0);
	check(is_addr(a) && (unsigned long)a < 0xffffe000u, "mmap2 anonymous: below 4 GiB", a);
	if (is_addr(a)) {
		((volatile char *)a)[8191] = 1;
		check(SC2(NR_munmap, a, 8192) == 0, "munmap of mmap2's", 0);
	}
	/* A file mapping, where the kernel maps files (trapdoor maps none:
	 * -ENODEV, as for 64-bit callers). */
	long fd = SC2(NR_open, PATH, 0);
	a = SC6(NR_mmap2, 0, 4096, 1, 2, fd, 0);
	check((is_addr(a) && mem_eq((void *)a, "\177ELF", 4)) || (on_trapdoor && a == -ENODEV),
	      "mmap2 of a file at page 0", a);
	if (is_addr(a))
		SC2(NR_munmap, a, 4096);
	struct compat_mmap_arg m = { 0, 8192, 3, 0x22, 0xffffffffu, 0 };
	a = SC1(NR_mmap, &m);
	check(is_addr(a) && (unsigned long)a < 0xffffe000u, "old mmap: arguments in a struct", a);
	if (is_addr(a)) {
		((volatile char *)a)[8191] = 1;
		SC2(NR_munmap, a, 8192);
	}
	m.offset = 1;
	check(SC1(NR_mmap, &m) == -EINVAL, "old mmap: an unaligned offset is EINVAL", 0);
	SC1(NR_close, fd);
}

/* _newselect, pselect6 and ppoll: 4-byte fd_set words and 32-bit times. */
static void test_select(void)
{
	int p[2];
	SC1(NR_pipe, p);
	SC3(NR_write, p[1], "x", 1);
	uint32_t set[2] = { 1u << p[0], 0xa5a5a5a5u };   /* the second word is past n's and must stay */
	struct compat_timeval tv = { 1, 0 };
	long r = SC5(NR_newselect, p[0] + 1, set, 0, 0, &tv);
	check(r == 1 && set[0] == 1u << p[0] && set[1] == 0xa5a5a5a5u && tv.tv_sec <= 1 && tv.tv_usec < 1000000,
	      "_newselect: 32-bit fd_set words and timeval", r);
	struct compat_timespec ts = { 0, 0 };
	set[0] = 1u << p[0];
	r = SC6(NR_pselect6, p[0] + 1, set, 0, 0, &ts, 0);
	check(r == 1 && set[0] == 1u << p[0], "pselect6: a 32-bit timespec", r);
	struct { int32_t fd; int16_t events, revents; } pfd = { p[0], 1, 0 };
	r = SC5(NR_ppoll, &pfd, 1, &ts, 0, 8);
	check(r == 1 && pfd.revents == 1, "ppoll: a 32-bit timespec", r);
	check(SC5(NR_newselect, 1, 0, 0, 0, BAD) == -EFAULT, "EFAULT: _newselect timeout", 0);
	check(SC6(NR_pselect6, 1, 0, 0, 0, BAD, 0) == -EFAULT, "EFAULT: pselect6 timeout", 0);
	check(SC5(NR_ppoll, &pfd, 1, BAD, 0, 8) == -EFAULT, "EFAULT: ppoll timeout", 0);
	SC1(NR_close, p[0]);
	SC1(NR_close, p[1]);

	struct compat_timespec t[2] = { { 1000, 0 }, { 2000, 5 } };
	struct compat_stat64 st;
	r = SC4(NR_utimensat, -100, PATH, t, 0);
	SC2(NR_stat64, PATH, &st);
	check(r == 0 && st.st_atime == 1000 && st.st_mtime == 2000 && st.st_mtime_nsec == 5,
	      "utimensat: 32-bit timespecs", st.st_mtime);
	check(SC4(NR_utimensat, -100, PATH, BAD, 0) == -EFAULT, "EFAULT: utimensat times", 0);
}

/* --- time and resources ------------------------------------------------------ */

static void test_time(void)
{
	struct compat_timespec ts;
	int64_t t64[2];
	struct compat_timeval tv;

	long r = SC2(NR_clock_gettime, 1, &ts);
	check(r == 0 && ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000, "clock_gettime: 32-bit timespec", r);
	r = SC2(NR_clock_gettime64, 1, t64);
	check(r == 0 && t64[0] - ts.tv_sec >= 0 && t64[0] - ts.tv_sec <= 1, "clock_gettime64 agrees", r);
	r = SC2(NR_gettimeofday, &tv, 0);
	long t = SC1(NR_time, 0);
	check(r == 0 && tv.tv_usec >= 0 && tv.tv_usec < 1000000 && t - tv.tv_sec >= 0 && t - tv.tv_sec <= 1,
	      "gettimeofday and time: 32-bit seconds agree", t - tv.tv_sec);
	int32_t tt = 0;
	check(SC1(NR_time, &tt) == tt && tt > 0, "time stores 32 bits", tt);
	struct compat_timespec req = { 0, 1000000 }, bad = { 0, 1000000000 };
	check(SC2(NR_nanosleep, &req, 0) == 0, "nanosleep: 32-bit timespec", 0);
	check(SC2(NR_nanosleep, &bad, 0) == -EINVAL, "nanosleep: tv_nsec 10^9 is EINVAL", 0);
	struct compat_itimerval it = { { 0, 0 }, { 5, 0 } }, old, now;
	r = SC3(NR_setitimer, 0, &it, &old);
	long g = SC2(NR_getitimer, 0, &now);
	check(r == 0 && g == 0 && now.it_value.tv_sec >= 4 && now.it_value.tv_sec <= 5 &&
	      now.it_value.tv_usec < 1000000, "setitimer and getitimer: 32-bit timevals", now.it_value.tv_sec);
	memset(&it, 0, sizeof(it));
	SC3(NR_setitimer, 0, &it, 0);
}

static void test_resources(void)
{
	struct compat_rlimit rl, old;
	long r = SC2(NR_ugetrlimit, 7 /* RLIMIT_NOFILE */, &rl);
	check(r == 0 && rl.rlim_cur > 0 && rl.rlim_cur <= rl.rlim_max, "ugetrlimit: 32-bit limits", r);
	r = SC2(NR_ugetrlimit, 4 /* RLIMIT_CORE */, &old);
	struct compat_rlimit inf = { 0xffffffffu, 0xffffffffu };
	long s = SC2(NR_setrlimit, 4, &inf);
	SC2(NR_ugetrlimit, 4, &rl);
	check(r == 0 && (s == 0 || s == -1) && (s || rl.rlim_cur == 0xffffffffu),
	      "setrlimit: 0xffffffff is RLIM_INFINITY", rl.rlim_cur);
	SC2(NR_getrlimit, 4, &rl);
	check(s || rl.rlim_cur == 0x7fffffffu, "old getrlimit: infinity is 0x7fffffff", rl.rlim_cur);
	SC2(NR_setrlimit, 4, &old);
	struct compat_rusage ru;
	r = SC2(NR_getrusage, 0, &ru);
	check(r == 0 && ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000 && ru.ru_stime.tv_usec < 1000000,
	      "getrusage: struct rusage with 32-bit fields", r);
	struct compat_sysinfo si;
	r = SC1(NR_sysinfo, &si);
	check(r == 0 && si.mem_unit >= 1 && si.totalram > 0 && si.freeram <= si.totalram && si.procs >= 1,
	      "sysinfo: 32-bit sizes", si.mem_unit);
	struct compat_tms tms;
	memset(&tms, 0xff, sizeof(tms));
	r = SC1(NR_times, &tms);
	check(r != -EFAULT && tms.tms_utime >= 0 && tms.tms_cutime >= 0, "times: 32-bit clock_t", r);
	struct compat_statfs64 f;
	long fd = SC2(NR_open, "/", 0x10000);
	r = SC3(NR_statfs64, "/", sizeof(f), &f);
	long r2 = SC3(NR_fstatfs64, fd, sizeof(f), &f);
	check(r == 0 && r2 == 0 && f.f_bsize > 0 && f.f_namelen > 0, "statfs64 and fstatfs64", r);
	check(SC3(NR_statfs64, "/", 88, &f) == -EINVAL, "statfs64: a size other than 84 is EINVAL", 0);
	SC1(NR_close, fd);
}

/* clone(flags, newsp, parent_tid, tls, child_tid): i386's order. */
static void test_clone(void)
{
	static volatile int32_t ptid, ctid;
	long pid = SC5(NR_clone, SIGCHLD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID, 0, &ptid, 0, &ctid);

	if (pid == 0) {
		long me = SC0(NR_getpid);
		sc(NR_exit, ctid == me ? 7 : 8, 0, 0, 0, 0, 0);
	}
	int status = 0;
	struct compat_rusage ru;
	long w = SC4(NR_wait4, pid, &status, 0, &ru);
	check(pid > 0 && ptid == pid, "clone: parent_tid in edx", ptid);
	check(w == pid && status == (7 << 8), "clone: child_tid in edi (the child saw its pid)", status);
	check(ru.ru_utime.tv_usec < 1000000, "wait4: 32-bit rusage", 0);
	pid = SC0(NR_fork);
	if (pid == 0)
		sc(NR_exit, 3, 0, 0, 0, 0, 0);
	w = SC3(NR_waitpid, pid, &status, 0);
	check(w == pid && status == (3 << 8), "waitpid", status);
}

/* waitid's 32-bit siginfo (si_pid at 12, no padding) and rusage;
 * the robust list head's i386 size (12); truncate's signed length. */
static void test_misc(void)
{
	long pid = SC0(NR_fork);
	if (pid == 0)
		sc(NR_exit, 5, 0, 0, 0, 0, 0);
	struct compat_siginfo si;
	struct compat_rusage ru;
	memset(&si, 0xff, sizeof(si));
	long r = SC5(NR_waitid, 1 /* P_PID */, pid, &si, 4 /* WEXITED */, &ru);
	check(r == 0 && si.si_signo == SIGCHLD && si.si_code == 1 && si.u.chld.pid == pid &&
	      si.u.chld.status == 5 && ru.ru_utime.tv_usec < 1000000, "waitid: 32-bit siginfo and rusage", si.u.chld.pid);
	static char head[12];
	uint32_t h = 0, len = 0;
	long a = SC2(NR_set_robust_list, head, 12), b = SC2(NR_set_robust_list, head, 24);
	long c = SC3(NR_get_robust_list, 0, &h, &len);
	check(a == 0 && b == -EINVAL && c == 0 && h == (uint32_t)(uintptr_t)head && len == 12,
	      "set/get_robust_list: i386's 12-byte head, 4-byte words", len);
	long fd = SC2(NR_open, PATH, 0);
	check(SC2(NR_ftruncate, fd, -1) == -EINVAL, "ftruncate: a signed 32-bit length (-1 is EINVAL)", 0);
	SC1(NR_close, fd);
	check(SC2(NR_truncate, PATH, -1) == -EINVAL, "truncate: a signed 32-bit length", 0);
	char uts[6 * 65];
	r = SC1(NR_uname, uts);
	check(r == 0 && uts[0] && SC0(NR_getuid32) >= 0, "shared: uname, getuid32", r);
}

/* futex (240) with a 32-bit timespec, futex_time64 (422) with a 64-bit
 * one, and a wake across fork over MAP_SHARED memory (mmap2). */
static void test_futex(void)
{
	static uint32_t w = 7;
	struct compat_timespec ms = { 0, 2000000 }, bad = { 0, 1000000000 }, neg = { -1, 0 }, abs;
	int64_t ms64[2] = { 0, 2000000 };

	check(SC4(NR_futex, &w, FUTEX_WAIT, 6, &ms) == -EAGAIN, "futex: EAGAIN when the word differs", 0);
	long r = SC4(NR_futex, &w, FUTEX_WAIT_PRIVATE, 7, &ms);
	check(r == -ETIMEDOUT, "futex: a 32-bit relative timeout", r);
	check(SC4(NR_futex, &w, FUTEX_WAIT, 7, &bad) == -EINVAL, "futex: tv_nsec 10^9 is EINVAL", 0);
	check(SC4(NR_futex, &w, FUTEX_WAIT, 7, &neg) == -EINVAL, "futex: a negative 32-bit tv_sec is EINVAL", 0);
	check(SC4(NR_futex, &w, FUTEX_WAIT, 7, BAD) == -EFAULT, "futex: a timeout at BAD is EFAULT", 0);
	r = SC4(NR_futex_time64, &w, FUTEX_WAIT, 7, ms64);
	check(r == -ETIMEDOUT, "futex_time64: a 64-bit relative timeout", r);
	SC2(NR_clock_gettime, 1, &abs);
	abs.tv_nsec += 2000000;
	if (abs.tv_nsec >= 1000000000)
		abs.tv_sec++, abs.tv_nsec -= 1000000000;
	r = SC6(NR_futex, &w, FUTEX_WAIT_BITSET, 7, &abs, 0, FUTEX_BITSET_MATCH_ANY);
	check(r == -ETIMEDOUT, "futex: a 32-bit absolute FUTEX_WAIT_BITSET deadline", r);
	check(SC6(NR_futex, &w, FUTEX_CMP_REQUEUE, 1, 1, &w, 6) == -EAGAIN, "futex: CMP_REQUEUE's val3 differs", 0);
	check(SC3(NR_futex, &w, FUTEX_WAKE, 1) == 0, "futex: a wake with nobody waiting", 0);

	volatile uint32_t *sh = (volatile uint32_t *)SC6(NR_mmap2, 0, 4096, 3, 0x21 /* MAP_SHARED|MAP_ANONYMOUS */, -1, 0);
	long pid = SC0(NR_fork);
	if (pid == 0)
		sc(NR_exit, SC4(NR_futex, sh, FUTEX_WAIT, 0, 0) == 0 ? 0 : 1, 0, 0, 0, 0, 0);
	struct compat_timespec nap = { 0, 10000000 };
	long woken = 0;
	for (int i = 0; i < 500 && !woken; i++) {    /* until the child waits */
		SC2(NR_nanosleep, &nap, 0);
		woken = SC3(NR_futex, sh, FUTEX_WAKE, 1);
	}
	int status = -1;
	SC4(NR_wait4, pid, &status, 0, 0);
	check(woken == 1 && status == 0, "futex: a fork child woken over MAP_SHARED memory", woken);
	SC2(NR_munmap, sh, 4096);
}

/* execve with arrays of 32-bit pointers: the child is this program again,
 * which checks what it was given (main32) and exits 42. */
static void test_execve(void)
{
	uint32_t argv[3] = { (uint32_t)(uintptr_t)PATH, (uint32_t)(uintptr_t)"exec-child", 0 };
	uint32_t envp[2] = { (uint32_t)(uintptr_t)"ABI32=env", 0 };
	long pid = SC0(NR_fork);

	if (pid == 0)
		sc(NR_exit, SC3(NR_execve, PATH, argv, envp) == 0 ? 1 : 2, 0, 0, 0, 0, 0);
	int status = 0;
	SC3(NR_waitpid, pid, &status, 0);
	check(status == (42 << 8), "execve: argv and envp as 32-bit pointers", status);
	check(SC3(NR_execve, PATH, BAD, envp) == -EFAULT, "EFAULT: execve argv", 0);
}

/* --- signals ------------------------------------------------------------------ */

static volatile int got_sig, got_code, got_pid, frame_ok, mask_ok, fp_ok;
static volatile uint32_t got_addr, got_cr2;

static void on_usr1(int sig, struct compat_siginfo *si, struct compat_ucontext *uc)
{
	struct compat_fpstate_head *fp = (void *)(uintptr_t)uc->uc_mcontext.fpstate;

	got_sig = sig;
	got_code = si->si_code;
	got_pid = si->u.kill.pid;
	uint64_t cur = 0;
	SC4(NR_rt_sigprocmask, 0, 0, &cur, 8);
	frame_ok = uc->uc_mcontext.cs == 0x23 && uc->uc_mcontext.ss == 0x2b && uc->uc_link == 0;
	mask_ok = (cur & (1ULL << (SIGUSR2 - 1))) && (cur & (1ULL << (SIGUSR1 - 1))) &&
		  !(uc->uc_sigmask & (1ULL << (SIGUSR1 - 1)));
	fp_ok = fp && fp->magic == 0 && (uint16_t)fp->cw == 0x27f;
	if (fp)
		fp->cw = 0xffff007f;                     /* the header's x87 state is what comes back */
	fpu_setcw(0x37f);
}

static volatile int old_sig, old_args;

static void on_usr2_old(int sig, int a2)
{
	old_sig = sig;
	old_args = a2 == 0;                              /* the old frame has no siginfo pointer */
}

static void on_ill(int sig, struct compat_siginfo *si, struct compat_ucontext *uc)
{
	got_sig = sig;
	got_addr = si->u.addr;
	uc->uc_mcontext.eip += 2;                        /* skip the ud2 */
}

static void on_segv(int sig, struct compat_siginfo *si, struct compat_ucontext *uc)
{
	got_sig = sig;
	got_code = si->si_code;
	got_addr = si->u.addr;
	got_cr2 = uc->uc_mcontext.cr2;
	uc->uc_mcontext.eip += 5;                        /* skip read16's movl */
}

static volatile uint32_t alt_sp;
static volatile int alt_flags;

static void on_alt(int sig)
{
	volatile int here;
	struct compat_stack o;

	alt_sp = (uint32_t)(uintptr_t)&here;
	SC2(NR_sigaltstack, 0, &o);
	alt_flags = o.ss_flags;
	(void)sig;
}

static void on_rewrite(int sig, struct compat_siginfo *si, struct compat_ucontext *uc)
{
	(void)sig, (void)si;
	if (got_sig == 1)
		uc->uc_mcontext.cs = 0x13;               /* a kernel selector, RPL 3 */
	else
		uc->uc_mcontext.eip = 0xfffff000;        /* past the space */
}

static long sigaction32(int sig, void *handler, uint32_t flags, uint64_t mask)
{
	struct compat_sigaction a = { (uint32_t)(uintptr_t)handler, flags, 0, mask };
	return SC4(NR_rt_sigaction, sig, &a, 0, 8);
}

static void test_signals(void)
{
	long me = SC0(NR_getpid);

	sigaction32(SIGUSR1, (void *)on_usr1, SA_SIGINFO, 1ULL << (SIGUSR2 - 1));
	fpu_setcw(0x27f);
	long r = SC2(NR_kill, me, SIGUSR1);
	unsigned cw = fpu_getcw();
	check(r == 0 && got_sig == SIGUSR1 && got_code == 0 && got_pid == me, "rt frame: sig and siginfo (SI_USER, si_pid)", got_sig);
	check(frame_ok, "rt frame: ucontext (cs 0x23, ss 0x2b)", frame_ok);
	check(mask_ok, "rt frame: sa_mask and the signal blocked while it runs, uc_sigmask the old mask", mask_ok);
	check(fp_ok, "rt frame: fpstate with the FSAVE header (magic 0, the caller's cw)", fp_ok);
	check(cw == 0x7f, "rt_sigreturn: the x87 state from the frame's header", cw);
	struct compat_sigaction back;
	SC4(NR_rt_sigaction, SIGUSR1, 0, &back, 8);
	check(back.handler == (uint32_t)(uintptr_t)on_usr1 && back.flags == SA_SIGINFO, "rt_sigaction: the old action, flags as set", back.flags);

	struct compat_old_sigaction o = { (uint32_t)(uintptr_t)on_usr2_old, 0, 0, 0 };
	r = SC3(NR_sigaction, SIGUSR2, &o, 0);
	got_sig = 0;
	SC2(NR_kill, me, SIGUSR2);
	check(r == 0 && old_sig == SIGUSR2 && old_args, "sigaction (67): the old frame, through sigreturn", old_sig);

	got_sig = 0;
	sigaction32(SIGILL, (void *)on_ill, SA_SIGINFO, 0);
	do_ud2();
	check(got_sig == SIGILL && got_addr == (uint32_t)(uintptr_t)do_ud2, "SIGILL: si_addr, and the edited eip is taken", got_addr);
	got_sig = 0;
	sigaction32(SIGSEGV, (void *)on_segv, SA_SIGINFO, 0);
	unsigned v = read16();
	check(got_sig == SIGSEGV && got_code == 1 && got_addr == 0x10 && got_cr2 == 0x10 && v == 0x5a5a,
	      "SIGSEGV: SEGV_MAPERR, si_addr and cr2, and back past the fault", got_addr);

	static char stack[8192];
	struct compat_stack ss = { (uint32_t)(uintptr_t)stack, 0, sizeof(stack) }, q;
	r = SC2(NR_sigaltstack, &ss, 0);
	SC2(NR_sigaltstack, 0, &q);
	check(r == 0 && q.ss_sp == ss.ss_sp && q.ss_size == sizeof(stack) && q.ss_flags == 0, "sigaltstack: 32-bit stack_t", r);
	sigaction32(SIGUSR1, (void *)on_alt, SA_ONSTACK, 0);
	SC2(NR_kill, me, SIGUSR1);
	check(alt_sp > ss.ss_sp && alt_sp < ss.ss_sp + sizeof(stack) && alt_flags == SS_ONSTACK,
	      "SA_ONSTACK: the handler runs on it, and sigaltstack says so", alt_flags);
	ss.ss_flags = 2;                                 /* SS_DISABLE */
	SC2(NR_sigaltstack, &ss, 0);

	uint64_t set = 1ULL << (SIGUSR2 - 1);
	SC4(NR_rt_sigprocmask, 0, &set, 0, 8);
	SC2(NR_kill, me, SIGUSR2);
	struct compat_siginfo si;
	struct compat_timespec zero = { 0, 0 }, ms = { 0, 1000000 };
	r = SC4(NR_rt_sigtimedwait, &set, &si, &zero, 8);
	check(r == SIGUSR2 && si.si_signo == SIGUSR2 && si.u.kill.pid == me, "rt_sigtimedwait: 32-bit siginfo", r);
	r = SC4(NR_rt_sigtimedwait, &set, &si, &ms, 8);
	check(r == -EAGAIN, "rt_sigtimedwait: a 32-bit timeout passes", r);
	SC4(NR_rt_sigprocmask, 1, &set, 0, 8);
}

/* A read that a handler with SA_RESTART interrupts goes on (the call is
 * made again, from whichever entry it came by: after sysenter or compat
 * syscall, by the vDSO's int $0x80). */
static volatile int restarted_sig;
static void on_restart(int sig) { restarted_sig = sig; }

static void test_restart(void)
{
	int p[2];
	char c = 0;
	long parent = SC0(NR_getpid);

	SC1(NR_pipe, p);
	sigaction32(SIGUSR1, (void *)on_restart, 0x10000000 /* SA_RESTART */, 0);
	long pid = SC0(NR_fork);
	if (pid == 0) {
		struct compat_timespec t = { 0, 30000000 };
		SC2(NR_nanosleep, &t, 0);
		SC2(NR_kill, parent, SIGUSR1);
		SC2(NR_nanosleep, &t, 0);
		SC3(NR_write, p[1], "r", 1);
		sc(NR_exit, 0, 0, 0, 0, 0, 0);
	}
	long r = SC3(NR_read, p[0], &c, 1);
	int status;
	SC3(NR_waitpid, pid, &status, 0);
	check(r == 1 && c == 'r' && restarted_sig == SIGUSR1, "SA_RESTART: the interrupted read goes on", r);
	SC1(NR_close, p[0]);
	SC1(NR_close, p[1]);
}

/* A handler that rewrites cs (then eip) to what cannot be returned to:
 * the child alone ends by SIGSEGV (SA_RESETHAND: the second fault is
 * not handled). */
static void test_bad_context(void)
{
	for (int i = 1; i <= 2; i++) {
		got_sig = i;
		long pid = SC0(NR_fork);
		if (pid == 0) {
			sigaction32(SIGUSR1, (void *)on_rewrite, SA_SIGINFO | SA_RESETHAND, 0);
			sigaction32(SIGSEGV, 0, 0, 0);
			SC2(NR_kill, SC0(NR_getpid), SIGUSR1);
			sc(NR_exit, 0, 0, 0, 0, 0, 0);   /* not reached */
		}
		int status = 0;
		long w = SC3(NR_waitpid, pid, &status, 0);
		check(w == pid && (status & 0x7f) == SIGSEGV,
		      i == 1 ? "sigreturn to a kernel cs: SIGSEGV for the process alone"
			     : "sigreturn to an eip past the space: SIGSEGV for the process alone", status);
	}
}

/* --- the EFAULT matrix, i386 rows ------------------------------------------- */

static void test_efault(void)
{
	long fd = SC2(NR_open, PATH, 0), dfd = SC2(NR_open, DIR, 0x10000);
	struct { long nr, a[6]; const char *name; } rows[] = {
		{ NR_stat64, { (long)PATH, BAD }, "stat64 buf" },
		{ NR_stat64, { BAD, 0 }, "stat64 path" },
		{ NR_lstat64, { (long)PATH, BAD }, "lstat64 buf" },
		{ NR_fstat64, { fd, BAD }, "fstat64 buf" },
		{ NR_fstatat64, { -100, (long)PATH, BAD, 0 }, "fstatat64 buf" },
		{ NR_getdents, { dfd, BAD, 4096 }, "getdents buf" },
		{ NR_llseek, { fd, 0, 0, BAD, 0 }, "_llseek result" },
		{ NR_readv, { fd, BAD, 1 }, "readv iov" },
		{ NR_writev, { 1, BAD, 1 }, "writev iov" },
		{ NR_preadv, { fd, BAD, 1, 0, 0 }, "preadv iov" },
		{ NR_clock_gettime, { 1, BAD }, "clock_gettime ts" },
		{ NR_gettimeofday, { BAD, 0 }, "gettimeofday tv" },
		{ NR_time, { BAD }, "time t" },
		{ NR_nanosleep, { BAD, 0 }, "nanosleep req" },
		{ NR_getitimer, { 0, BAD }, "getitimer value" },
		{ NR_setitimer, { 0, BAD, 0 }, "setitimer new" },
		{ NR_ugetrlimit, { 0, BAD }, "ugetrlimit rlim" },
		{ NR_getrlimit, { 0, BAD }, "getrlimit rlim" },
		{ NR_setrlimit, { 0, BAD }, "setrlimit rlim" },
		{ NR_getrusage, { 0, BAD }, "getrusage usage" },
		{ NR_sysinfo, { BAD }, "sysinfo info" },
		{ NR_times, { BAD }, "times buf" },
		{ NR_statfs64, { (long)"/", 84, BAD }, "statfs64 buf" },
		{ NR_fstatfs64, { fd, 84, BAD }, "fstatfs64 buf" },
		{ NR_mmap, { BAD }, "mmap args" },
		{ NR_rt_sigaction, { SIGUSR1, BAD, 0, 8 }, "rt_sigaction act" },
		{ NR_rt_sigaction, { SIGUSR1, 0, BAD, 8 }, "rt_sigaction old" },
		{ NR_sigaction, { SIGUSR1, BAD, 0 }, "sigaction act" },
		{ NR_sigaltstack, { BAD, 0 }, "sigaltstack ss" },
		{ NR_sigaltstack, { 0, BAD }, "sigaltstack old" },
		{ NR_rt_sigtimedwait, { BAD, 0, 0, 8 }, "rt_sigtimedwait set" },
	};

	for (unsigned i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		long r = sc(rows[i].nr, rows[i].a[0], rows[i].a[1], rows[i].a[2], rows[i].a[3], rows[i].a[4], rows[i].a[5]);
		char name[64] = "EFAULT: ";
		size_t k = slen(name);
		for (const char *s = rows[i].name; *s && k < sizeof(name) - 1; s++)
			name[k++] = *s;
		name[k] = 0;
		check(r == -EFAULT, name, r);
	}
	SC1(NR_close, fd);
	SC1(NR_close, dfd);
}

int main32(uint32_t *sp)
{
	uint32_t argc = sp[0], *v = sp + 1 + argc + 1;   /* envp */
	const char **argv = (const char **)(uintptr_t)(sp + 1);
	uint32_t i = 1;
	void *sysinfo = 0;

	if (argc == 2 && str_eq(argv[1], "exec-child"))
		return *v && str_eq((const char *)(uintptr_t)*v, "ABI32=env") && !v[1] ? 42 : 43;
	while (*v)
		v++;
	for (v++; v[0]; v += 2) {                /* auxv */
		if (v[0] == 0x7d00)
			on_trapdoor = 1;
		if (v[0] == 32)                  /* AT_SYSINFO */
			sysinfo = (void *)(uintptr_t)v[1];
	}
	if (i < argc && str_eq(argv[i], "vsyscall")) {
		vsyscall = sysinfo;
		i++;
		out(vsyscall ? "# abi32: through __kernel_vsyscall\n" : "# abi32: no AT_SYSINFO\n");
	}
	if (argc - i >= 3) {
		PATH = argv[i];
		DIR = argv[i + 1];
		NAME = argv[i + 2];
	}
	test_stat();
	test_getdents();
	test_seek();
	test_iov();
	test_select();
	test_mmap();
	test_time();
	test_resources();
	test_clone();
	test_execve();
	test_misc();
	test_futex();
	test_signals();
	test_restart();
	test_bad_context();
	test_efault();
	out("abi32: ");
	out_num(n - failed);
	out(" passed, ");
	out_num(failed);
	out(" failed\n");
	return failed;
}
