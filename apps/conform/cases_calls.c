/*
 * cases_calls.c - each system call of this issue does its job, and says
 * no the same way, through either path.
 */
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conform.h"

#define PAGE 4096L

int case_getpid_getppid(const struct path *P, struct transcript *t)
{
	EXPECT(t, P, CALL0(P, SYS_getpid) == getpid());
	EXPECT(t, P, CALL0(P, SYS_getpid) > 1);
	EXPECT(t, P, CALL0(P, SYS_getppid) == suite_pid);  /* the runner forked us */
	note(t, "ok");
	return 0;
}

/* restart_syscall with no interrupted call to go on with: -EINTR, as
 * Linux's (its block is set only by a call a signal interrupted, and
 * cleared by rt_sigreturn). */
int case_restart_syscall_none(const struct path *P, struct transcript *t)
{
	long r = CALL0(P, SYS_restart_syscall);

	note(t, "%ld", r);
	EXPECT(t, P, r == -EINTR);
	EXPECT(t, P, CALL0(P, SYS_restart_syscall) == -EINTR);   /* and again */
	return 0;
}

int case_write_writev(const struct path *P, struct transcript *t)
{
	static char a[] = "# write ", b[] = "and ", c[] = "writev\n";
	struct iovec iov[3] = { { a, 8 }, { b, 4 }, { c, 7 } };

	EXPECT(t, P, CALL3(P, SYS_write, 1, a, 8) == 8);
	EXPECT(t, P, CALL3(P, SYS_writev, 1, iov, 3) == 19);
	EXPECT(t, P, CALL3(P, SYS_writev, 1, iov, 0) == 0);
	note(t, "bad fds: %ld %ld %ld; ", CALL3(P, SYS_write, 3, a, 1), CALL3(P, SYS_write, -1, a, 1),
	     CALL3(P, SYS_writev, 99, iov, 1));
	EXPECT(t, P, CALL3(P, SYS_write, 3, a, 1) == -EBADF);
	EXPECT(t, P, CALL3(P, SYS_read, 7, a, 1) == -EBADF);
	EXPECT(t, P, CALL3(P, SYS_read, 0, a, 0) == 0);       /* zero bytes: no wait */
	return 0;
}

int case_brk_grow_shrink(const struct path *P, struct transcript *t)
{
	long cur = CALL1(P, SYS_brk, 0);

	EXPECT(t, P, cur > 0);
	EXPECT(t, P, CALL1(P, SYS_brk, cur + 3 * PAGE + 5) == cur + 3 * PAGE + 5);
	memset((void *)cur, 0x5a, 3 * PAGE + 5);             /* the memory is there */
	EXPECT(t, P, CALL1(P, SYS_brk, cur) == cur);
	EXPECT(t, P, CALL1(P, SYS_brk, cur - BRK_FAR) == cur);   /* below the start: no move */
	EXPECT(t, P, CALL1(P, SYS_brk, cur + BRK_FAR) == cur);   /* too far: no move */
	EXPECT(t, P, CALL1(P, SYS_brk, 0) == cur);
	note(t, "ok");
	return 0;
}

int case_mmap_munmap(const struct path *P, struct transcript *t)
{
	char *p = (char *)P->call(SYS_mmap, 0, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int zero = 1;

	EXPECT(t, P, MAPPED(p) && ((long)p & (PAGE - 1)) == 0);
	if (!MAPPED(p))
		return 1;
	for (long i = 0; i < 3 * PAGE; i++)
		zero &= p[i] == 0;
	EXPECT(t, P, zero);
	memset(p, 1, 3 * PAGE);
	EXPECT(t, P, CALL2(P, SYS_munmap, p, 3 * PAGE) == 0);
	EXPECT(t, P, CALL2(P, SYS_munmap, p, 3 * PAGE) == 0);     /* nothing there: still fine */
	/* A length that is not a page multiple covers the whole last page. */
	char *q = (char *)P->call(SYS_mmap, 0, 100, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(t, P, MAPPED(q));
	q[PAGE - 1] = 1;
	EXPECT(t, P, CALL2(P, SYS_munmap, q, 100) == 0);
	note(t, "ok");
	return 0;
}

int case_mmap_fixed(const struct path *P, struct transcript *t)
{
	const long at = FAR_AT - (FAR_AT >> 2);          /* 0x200000000000 on x86-64 */
	long flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
	char *p = (char *)P->call(SYS_mmap, at, 2 * PAGE, PROT_READ | PROT_WRITE, flags, -1, 0);

	EXPECT(t, P, (long)p == at);
	if ((long)p != at)
		return 1;
	p[0] = p[PAGE] = 7;
	/* MAP_FIXED over an existing mapping replaces it: fresh zero pages. */
	EXPECT(t, P, P->call(SYS_mmap, at + PAGE, PAGE, PROT_READ | PROT_WRITE, flags, -1, 0) == at + PAGE);
	EXPECT(t, P, p[0] == 7 && p[PAGE] == 0);
	EXPECT(t, P, P->call(SYS_mmap, at, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) == -EEXIST);
	/* Without MAP_FIXED an address in use is only a hint: we get another one. */
	long other = P->call(SYS_mmap, at, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(t, P, MAPPED(other) && other != at);
	EXPECT(t, P, CALL2(P, SYS_munmap, at, 2 * PAGE) == 0 && CALL2(P, SYS_munmap, other, PAGE) == 0);
	note(t, "ok");
	return 0;
}

#ifdef __x86_64__      /* conform32 leaves it out (conform.h) */
int case_mmap_errors(const struct path *P, struct transcript *t)
{
	long anon = MAP_PRIVATE | MAP_ANONYMOUS, rw = PROT_READ | PROT_WRITE;
	long r[] = {
		P->call(SYS_mmap, 0, 0, rw, anon, -1, 0),                       /* length 0 */
		P->call(SYS_mmap, 0, PAGE, rw, MAP_PRIVATE, 3, 0),              /* a file */
		P->call(SYS_mmap, 0, PAGE, rw, MAP_PRIVATE | 4 | MAP_ANONYMOUS, -1, 0),  /* an unknown type */
		P->call(SYS_mmap, 0, PAGE, rw, MAP_ANONYMOUS, -1, 0),           /* neither */
		P->call(SYS_mmap, 0, PAGE, 8, anon, -1, 0),                     /* unknown prot */
		P->call(SYS_mmap, 0, PAGE, rw, anon, -1, 100),                  /* offset */
		P->call(SYS_mmap, 0x200000000123L, PAGE, rw, anon | MAP_FIXED, -1, 0),
		P->call(SYS_mmap, 0, PAGE, rw, anon | MAP_FIXED, -1, 0),        /* page 0 */
		P->call(SYS_mmap, 0, 1L << 62, rw, anon, -1, 0),                /* too big */
		P->call(SYS_mmap, 0x7ffffffff000L, 2 * PAGE, rw, anon | MAP_FIXED, -1, 0), /* past the top */
		CALL2(P, SYS_munmap, 0x200000000123L, PAGE),
		CALL2(P, SYS_munmap, 0x200000000000L, 0),
		CALL2(P, SYS_munmap, KERNEL_ADDR, PAGE),
		CALL2(P, SYS_munmap, 0x100000000000L, 0x600000000000L),        /* 96 TiB: quick */
		P->call(SYS_mmap, 0, 1L << 46, rw, anon, -1, 0),                /* 64 TiB: no */
	};
	long want[] = { -EINVAL, -ENODEV, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EPERM,
			-ENOMEM, -ENOMEM, -EINVAL, -EINVAL, -EINVAL, 0, -ENOMEM };

	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == want[i]);
		note(t, "%ld ", r[i]);
	}
	return 0;
}
#endif

int case_clock_gettime_works(const struct path *P, struct transcript *t)
{
	struct timespec a, b, rt;

	EXPECT(t, P, CALL2(P, SYS_clock_gettime, CLOCK_MONOTONIC, &a) == 0);
	EXPECT(t, P, CALL2(P, SYS_clock_gettime, CLOCK_MONOTONIC, &b) == 0);
	EXPECT(t, P, b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec));
	EXPECT(t, P, a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
	EXPECT(t, P, CALL2(P, SYS_clock_gettime, CLOCK_REALTIME, &rt) == 0);
	EXPECT(t, P, rt.tv_sec > 1577836800);                 /* after 2020-01-01 */
	static const int clocks[] = { CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME,
				      CLOCK_TAI };
	for (unsigned i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++)
		EXPECT(t, P, CALL2(P, SYS_clock_gettime, clocks[i], &a) == 0);
	note(t, "bad clocks: %ld %ld %ld", CALL2(P, SYS_clock_gettime, 2, &a),
	     CALL2(P, SYS_clock_gettime, -1, &a), CALL2(P, SYS_clock_gettime, 1000, &a));
	EXPECT(t, P, CALL2(P, SYS_clock_gettime, -1, &a) == -EINVAL);
	return 0;
}

int case_uname_fields(const struct path *P, struct transcript *t)
{
	struct utsname u;

	memset(&u, 0x7f, sizeof(u));
	EXPECT(t, P, CALL1(P, SYS_uname, &u) == 0);
	EXPECT(t, P, strcmp(u.sysname, "trapdoor") == 0);
	EXPECT(t, P, strcmp(u.machine, "x86_64") == 0);
	EXPECT(t, P, memchr(u.release, 0, sizeof(u.release)) && memchr(u.version, 0, sizeof(u.version)));
	note(t, "%s %s %s", u.sysname, u.release, u.machine);
	return 0;
}

#ifdef __x86_64__      /* conform32 leaves it out (conform.h) */
int case_arch_prctl_fs(const struct path *P, struct transcript *t)
{
	static unsigned long block[2] = { 0x1234567887654321UL, 0 };
	unsigned long got = 0, v;

	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_SET_FS, block) == 0);
	__asm__ volatile("movq %%fs:0, %0" : "=r"(v));
	EXPECT(t, P, v == block[0]);                          /* FS now points at block */
	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_GET_FS, &got) == 0 && got == (unsigned long)block);
	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_SET_GS, block) == 0);
	__asm__ volatile("movq %%gs:0, %0" : "=r"(v));
	EXPECT(t, P, v == block[0]);
	note(t, "errors: %ld %ld %ld %ld", CALL2(P, SYS_arch_prctl, ARCH_SET_FS, 0xffff800000000000UL),
	     CALL2(P, SYS_arch_prctl, ARCH_SET_FS, 0x0000800000000000UL),
	     CALL2(P, SYS_arch_prctl, 0x9999, 0), CALL2(P, SYS_arch_prctl, ARCH_GET_FS, 0));
	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_SET_FS, 0xffff800000000000UL) == -EPERM);
	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_GET_FS, 0) == -EFAULT);
	CALL2(P, SYS_arch_prctl, ARCH_SET_FS, 0);
	CALL2(P, SYS_arch_prctl, ARCH_SET_GS, 0);
	return 0;
}
#endif

/* Codes arch_prctl does not know are -EINVAL. For an i386 caller that is
 * every code this kernel has: Linux's compat_sys_arch_prctl takes only the
 * codes common to both modes (CPUID faulting, AMX permission), and the FS
 * and GS base codes are x86-64's alone (Linux 6.18 on the host agrees). */
int case_arch_prctl_codes(const struct path *P, struct transcript *t)
{
	unsigned long base = 1;
#ifdef __i386__
	long want_get = -EINVAL;
#else
	long want_get = 0;
#endif
	long r[] = {
		CALL2(P, SYS_arch_prctl, 0x9999, 0),
		CALL2(P, SYS_arch_prctl, 0, 0),
		CALL2(P, SYS_arch_prctl, -1L, &base),
		CALL2(P, SYS_arch_prctl, ARCH_GET_FS, &base),
	};
	long want[] = { -EINVAL, -EINVAL, -EINVAL, want_get };
	EXPECT_ALL(P, t, r, want, N(r));
#ifdef __i386__
	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_SET_FS, &base) == -EINVAL && base == 1);
	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_SET_GS, 0) == -EINVAL);
#endif
	return 0;
}

/* With CR4.FSGSBASE (AT_HWCAP2 says so, as on Linux) user code sets its own
 * bases, and arch_prctl reports what the CPU really has, after a switch to
 * another process and back, and after loading a selector; a fork child
 * inherits them. Without it, rdfsbase is #UD (SIGILL). */
#ifdef __x86_64__
static unsigned long rdfs(void) { unsigned long v; __asm__ volatile("rdfsbase %0" : "=r"(v)); return v; }
static unsigned long rdgs(void) { unsigned long v; __asm__ volatile("rdgsbase %0" : "=r"(v)); return v; }
static void wrfs(unsigned long v) { __asm__ volatile("wrfsbase %0" : : "r"(v)); }
static void wrgs(unsigned long v) { __asm__ volatile("wrgsbase %0" : : "r"(v)); }
static void try_rdfsbase(const struct path *P, void *a) { rdfs(); }
static void child_bases(const struct path *P, void *a) { _exit(rdfs() == 0x1000 && rdgs() == 0x2000 ? 7 : 1); }

int case_fsgsbase_user(const struct path *P, struct transcript *t)
{
	unsigned long got = 1;
	struct timespec ms = { 0, 1000000 };

	if (!(getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE)) {
		int s = run_child(try_rdfsbase, P, 0);
		EXPECT(t, P, WIFSIGNALED(s) && WTERMSIG(s) == SIGILL);
		note(t, "no fsgsbase: rdfsbase status %#x", s);
		return 0;
	}
	wrfs(0x1000);
	wrgs(0x2000);
	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_GET_FS, &got) == 0 && got == 0x1000);
	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_GET_GS, &got) == 0 && got == 0x2000);
	CALL2(P, SYS_nanosleep, &ms, 0);                       /* another process runs meanwhile */
	EXPECT(t, P, rdfs() == 0x1000 && rdgs() == 0x2000);
	int s = run_child(child_bases, P, 0);
	EXPECT(t, P, WIFEXITED(s) && WEXITSTATUS(s) == 7);
	__asm__ volatile("movl %0, %%fs" : : "r"(0x2b));      /* the user data selector: base 0 */
	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_GET_FS, &got) == 0 && got == 0);
	EXPECT(t, P, CALL2(P, SYS_arch_prctl, ARCH_SET_GS, 0x3000) == 0 && rdgs() == 0x3000);
	wrfs(0);
	wrgs(0);
	note(t, "fsgsbase: child status %#x", s);
	return 0;
}
#endif

int case_set_tid_address_pid(const struct path *P, struct transcript *t)
{
	static int tid;

	EXPECT(t, P, CALL1(P, SYS_set_tid_address, &tid) == getpid());
	note(t, "ok");
	return 0;
}

static void exit_with(const struct path *P, void *arg)
{
	long *a = arg;
	CALL1(P, a[0], a[1]);
}

int case_fork_wait_exit(const struct path *P, struct transcript *t)
{
	long e1[2] = { SYS_exit, 7 }, e2[2] = { SYS_exit_group, 0x1ff };
	int s1 = run_child(exit_with, P, e1), s2 = run_child(exit_with, P, e2), status = -1;

	EXPECT(t, P, WIFEXITED(s1) && WEXITSTATUS(s1) == 7);
	EXPECT(t, P, WIFEXITED(s2) && WEXITSTATUS(s2) == 0xff);   /* only the low 8 bits */
	EXPECT(t, P, CALL4(P, SYS_wait4, -1, 0, 0, 0) == -ECHILD);
	long pid = CALL0(P, SYS_fork);
	if (pid == 0)
		CALL1(P, SYS_exit, 3);
	EXPECT(t, P, pid > 0);
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, 0, 0x100, 0) == -EINVAL);   /* unknown option */
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, 1, 0, 0) == -EFAULT);       /* child not lost... */
	/* Linux's thread flags are accepted: __WCLONE waits only for children
	 * that end with a signal other than SIGCHLD (none here), __WALL for all. */
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, &status, 0x80000000, 0) == -ECHILD);   /* __WCLONE */
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, &status, 0x40000000 | 0x20000000, 0) == pid);  /* __WALL | __WNOTHREAD: ...still there */
	EXPECT(t, P, WIFEXITED(status) && WEXITSTATUS(status) == 3);
	note(t, "statuses %#x %#x %#x", s1, s2, status);
	return 0;
}

/* The auxiliary vector holds what Linux's does for a static program (glibc
 * and musl read these): the file name and platform strings, CPUID's
 * feature bits, no interpreter, 16 random bytes. */
int case_auxv_linux(const struct path *P, struct transcript *t)
{
	const char *execfn = (const char *)getauxval(AT_EXECFN), *platform = (const char *)getauxval(AT_PLATFORM);

	EXPECT(t, P, execfn && strcmp(execfn, CONFORM_BIN) == 0);
	EXPECT(t, P, platform && strcmp(platform, PLATFORM) == 0);
	EXPECT(t, P, getauxval(AT_PAGESZ) == 4096 && getauxval(AT_BASE) == 0 && getauxval(AT_SECURE) == 0);
	EXPECT(t, P, (getauxval(AT_HWCAP) & 1) && (getauxval(AT_HWCAP) & (1 << 25)));   /* fpu, sse */
	EXPECT(t, P, getauxval(AT_RANDOM) != 0 && getauxval(AT_PHDR) != 0 && getauxval(AT_ENTRY) != 0);
	note(t, "execfn %s platform %s", execfn ? execfn : "-", platform ? platform : "-");
	return 0;
}

int case_execve_errors(const struct path *P, struct transcript *t)
{
	static char *argv[] = { "x", 0 };
	long r[] = {
		CALL3(P, SYS_execve, "/bin/no-such-program", argv, 0),
		CALL3(P, SYS_execve, "", argv, 0),
		CALL3(P, SYS_execve, 0, argv, 0),
		CALL3(P, SYS_execve, "/bin", argv, 0),
		CALL3(P, SYS_execve, CONFORM_BIN, KERNEL_ADDR, 0),
		CALL3(P, SYS_execve, 0xffffffff80000000UL, argv, 0),
	};
	long want[] = { -ENOENT, -ENOENT, -EFAULT, -EACCES, -EFAULT, -EFAULT };

	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == want[i]);
		note(t, "%ld ", r[i]);
	}
	return 0;
}
