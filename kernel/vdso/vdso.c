/*
 * vdso.c - the vDSO: time without entering the kernel.
 *
 * Built as a small ELF shared object (vdso.lds, vdso.map), embedded in the
 * kernel (vdso_image.S) and mapped into every process just above the
 * read-only vvar page. libc finds these functions through AT_SYSINFO_EHDR.
 * Each returns what the system call would: 0, or -errno; whatever the vvar
 * page cannot answer goes to the real system call.
 */
#include "api/vvar.h"
#include "sys/syscall.h"

/* The vvar page, one page below this object (vdso.lds defines it). Not
 * const: the kernel changes it under our feet (see vvar_clock). */
extern struct vvar vvar_page __attribute__((visibility("hidden")));

/* Only error paths get here, so use the entry every kernel has: int $0x80. */
static long fallback(long nr, long a, long b)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "D"(a), "S"(b) : "memory");
	return r;
}

int __vdso_clock_gettime(int clk, struct timespec *ts)
{
	/* The two clocks nearly everyone asks for get a copy of vvar_clock()
	 * specialised for them (the clock is a constant there). */
	if (clk == CLOCK_MONOTONIC)
		return vvar_clock(&vvar_page, CLOCK_MONOTONIC, ts);
	if (clk == CLOCK_REALTIME)
		return vvar_clock(&vvar_page, CLOCK_REALTIME, ts);
	if (vvar_clock(&vvar_page, clk, ts) == 0)
		return 0;
	return fallback(SYS_clock_gettime, clk, (long)ts);
}

int __vdso_clock_getres(int clk, struct timespec *ts)
{
	struct timespec res;

	if (vvar_clock_res(&vvar_page, clk, &res) < 0)
		return fallback(SYS_clock_getres, clk, (long)ts);
	if (ts)
		*ts = res;
	return 0;
}

int __vdso_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	if (tv)
		vvar_timeofday(&vvar_page, tv);
	if (tz)
		tz->tz_minuteswest = tz->tz_dsttime = 0;   /* the kernel keeps UTC */
	return 0;
}

long __vdso_time(long *t)
{
	long s = vvar_time(&vvar_page);

	if (t)
		*t = s;
	return s;
}

/* The CPU this ran on, from the limit of its GDT's CPUNODE segment
 * (selector 0x7b: node << 12 | cpu, arch/x86_64/gdt.c), as Linux's
 * vdso_read_cpunode does without RDPID. By the time the caller looks the
 * process may run elsewhere; that is getcpu's nature. */
int __vdso_getcpu(unsigned *cpu, unsigned *node, void *unused)
{
	unsigned p;

	__asm__ volatile("lsl %1, %0" : "=r"(p) : "r"(0x7bu));
	if (cpu)
		*cpu = p & 0xfff;
	if (node)
		*node = p >> 12;
	return 0;
}

/* The plain names too, as Linux's vDSO exports them. */
int clock_gettime(int, struct timespec *) __attribute__((weak, alias("__vdso_clock_gettime")));
int clock_getres(int, struct timespec *) __attribute__((weak, alias("__vdso_clock_getres")));
int gettimeofday(struct timeval *, struct timezone *) __attribute__((weak, alias("__vdso_gettimeofday")));
long time(long *) __attribute__((weak, alias("__vdso_time")));
int getcpu(unsigned *, unsigned *, void *) __attribute__((weak, alias("__vdso_getcpu")));
