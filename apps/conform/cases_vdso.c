/*
 * cases_vdso.c - the vDSO tells the same time as the system call, fails
 * the same way, and its vvar page cannot be changed from user mode.
 * P is the path of the system-call readings the vDSO is compared with.
 */
#include <sys/auxv.h>
#include <sys/entry.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "conform.h"

typedef int (*clock_fn)(int, struct timespec *);

/* In 64 bits on both builds: a 32-bit long wraps every 4.29 s of nanoseconds. */
static int64_t ns(const struct timespec *t) { return (int64_t)t->tv_sec * 1000000000LL + t->tv_nsec; }

int case_vdso_between_syscalls(const struct path *P, struct transcript *t)
{
	static const int clocks[] = { CLOCK_MONOTONIC, CLOCK_REALTIME, CLOCK_MONOTONIC_COARSE,
				      CLOCK_REALTIME_COARSE, CLOCK_BOOTTIME, CLOCK_MONOTONIC_RAW, CLOCK_TAI };
	clock_fn vdso = (clock_fn)libc_vdso_sym("__vdso_clock_gettime");
	int outside = 0;

	EXPECT(t, P, vdso != 0);
	if (!vdso)
		return 1;
	for (unsigned c = 0; c < sizeof(clocks) / sizeof(clocks[0]); c++) {
		for (int i = 0; i < 1000; i++) {
			struct timespec a, b, d;
			long r1 = CALL2(P, SYS_clock_gettime, clocks[c], &a);
			int r2 = vdso(clocks[c], &b);
			long r3 = CALL2(P, SYS_clock_gettime, clocks[c], &d);
			if (r1 || r2 || r3 || ns(&a) > ns(&b) || ns(&b) > ns(&d) || b.tv_nsec >= 1000000000L)
				outside++;
		}
	}
	EXPECT(t, P, outside == 0);
	note(t, "%d of %d vDSO readings outside their syscall neighbours", outside,
	     (int)(1000 * sizeof(clocks) / sizeof(clocks[0])));
	return 0;
}

int case_vdso_errors_match(const struct path *P, struct transcript *t)
{
	static const int bad[] = { -1, 2, 3, 8, 99, 0x7fffffff };
	clock_fn gettime = (clock_fn)libc_vdso_sym("__vdso_clock_gettime");
	clock_fn getres = (clock_fn)libc_vdso_sym("__vdso_clock_getres");
	struct timespec ts;

	if (!gettime || !getres)
		return 1;
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		long sys = CALL2(P, SYS_clock_gettime, bad[i], &ts), v = gettime(bad[i], &ts);
		long sysr = CALL2(P, SYS_clock_getres, bad[i], &ts), vr = getres(bad[i], &ts);
		EXPECT(t, P, sys == v && sysr == vr);
		note(t, "clock %d: %ld/%ld %ld/%ld; ", bad[i], sys, v, sysr, vr);
	}
	struct timespec r1, r2;
	EXPECT(t, P, getres(CLOCK_MONOTONIC, &r1) == 0 && CALL2(P, SYS_clock_getres, CLOCK_MONOTONIC, &r2) == 0 &&
		     r1.tv_nsec == r2.tv_nsec && r1.tv_sec == r2.tv_sec);
	return 0;
}

#ifdef __x86_64__
static void write_at(const struct path *P, void *a) { *(volatile char *)a = 1; }

static void jump_to(const struct path *P, void *a) { ((void (*)(void))a)(); }

int case_vvar_read_only(const struct path *P, struct transcript *t)
{
	unsigned long base = getauxval(AT_SYSINFO_EHDR), vvar = base - 4096;
	int s1, s2, s3;

	EXPECT(t, P, base && (base & 4095) == 0);
	/* its place: between mmap's region and the stack, never on the stack */
	EXPECT(t, P, vvar >= 0x7fff00000000UL && base < 0x7ffffff00000UL - 32 * 4096 - (1UL << 20));
	if (!base)
		return 1;
	s1 = run_child(write_at, P, (void *)vvar);            /* the vvar page: read-only */
	s2 = run_child(jump_to, P, (void *)vvar);             /* and not executable */
	s3 = run_child(write_at, P, (void *)base);            /* the vDSO's code: not writable */
	EXPECT(t, P, WIFSIGNALED(s1) && WTERMSIG(s1) == SIGSEGV);
	EXPECT(t, P, WIFSIGNALED(s2) && WTERMSIG(s2) == SIGSEGV);
	EXPECT(t, P, WIFSIGNALED(s3) && WTERMSIG(s3) == SIGSEGV);
	note(t, "statuses %#x %#x %#x", s1, s2, s3);
	return 0;
}
#endif
