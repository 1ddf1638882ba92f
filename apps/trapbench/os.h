/*
 * os.h - what trapbench needs from the system it runs on, for trapdoor and
 * for Linux (the same source builds for both: scripts/linux-bench.sh).
 *
 *   OS_KERNEL          "this" or "linux", the "kernel" key of BENCH lines
 *   NR_GETPID_INT80    getpid's number through int $0x80 (Linux, and any -m32 build: i386's 20)
 *   NR_CLOCK_INT80     clock_gettime's number through int $0x80 (Linux: i386's 265)
 *   os_tsc_hz()        the TSC frequency, for ns figures
 *   NR_READ_*, NR_WRITE_*  read and write through each entry
 *   os_init()          make sure /dev/null and /dev/zero exist
 *   os_has_vdso()      whether clock_gettime() skips the kernel
 *   os_done()          end the run (Linux: as /init, power the machine off)
 *   OS_TRAPBENCH32     where the 32-bit trapbench is, when the system has one
 *   OS_EXIT0           where exit0 is (apps/exit0), the program fork_exec execs
 *   os_small_pages()   keep a mapping in 4 KiB pages (Linux: no transparent huge pages)
 *   os_kernel_benches() ask the kernel for the measurements only it can make
 *                      (trapdoor: the timer interrupt's latency, which it prints
 *                      as BENCH lines itself; Linux: none, its row is n/a)
 *   NR_<CALL>_INT80, NR_<CALL>_SYSCALL  kill, sched_yield, open, close and
 *                      stat through each entry, for traps.h (Linux's int80:
 *                      i386's numbers, stat being i386's stat64)
 *   os_uc_rip(uc)      the saved rip in a signal handler's ucontext
 *   OS_RAMFILE         a file on a RAM file system that open_close and stat use
 *   os_yield_hands_over(on)  make sched_yield hand the CPU to the other
 *                      runnable process (on 1) or not (on 0): 0, or -1
 */
#ifndef TRAPBENCH_OS_H
#define TRAPBENCH_OS_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "tsc.h"

/* The TSC frequency measured over 100 ms of CLOCK_MONOTONIC (for a kernel
 * that does not export its calibration). */
static inline uint64_t tsc_hz_measured(void)
{
	struct timespec a, b;
	uint64_t t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &a);
	t0 = tsc_begin();
	do
		clock_gettime(CLOCK_MONOTONIC, &b);
	while ((b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec) < 100000000LL);
	t1 = tsc_begin();
	return (t1 - t0) * 1000000000ULL / ((b.tv_sec - a.tv_sec) * 1000000000ULL + (b.tv_nsec - a.tv_nsec));
}

#ifdef __linux__
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define OS_KERNEL "linux"
#define OS_TRAPBENCH32 "/trapbench32"    /* next to /init in the initramfs */
#define OS_EXIT0 "/exit0"
#define NR_GETPID_INT80 20       /* arch/x86/entry/syscalls/syscall_32.tbl */
#define NR_CLOCK_INT80 265
#define NR_GETPID_SYSCALL 39
#define NR_CLOCK_SYSCALL 228
#define NR_READ_INT80 3
#define NR_WRITE_INT80 4
#define NR_READ_SYSCALL 0
#define NR_WRITE_SYSCALL 1
#define NR_KILL_INT80 37
#define NR_KILL_SYSCALL 62
#define NR_SCHED_YIELD_INT80 158
#define NR_SCHED_YIELD_SYSCALL 24
#define NR_OPEN_INT80 5
#define NR_OPEN_SYSCALL 2
#define NR_CLOSE_INT80 6
#define NR_CLOSE_SYSCALL 3
#define NR_STAT_INT80 195        /* stat64: what a 32-bit program stats with (struct stat64, 96 bytes) */
#define NR_STAT_SYSCALL 4
#define OS_RAMFILE "/trapbench.tmp"      /* as /init the root is the initramfs: rootfs, in RAM */

/* CFS's sched_yield gives the CPU up only to a task whose virtual run
 * time is not far ahead of the caller's: a child forked a moment ago is
 * not (it starts a slice behind), so a yield pingpong never switches. Under
 * SCHED_FIFO a yield puts the caller behind every other runnable task of
 * its priority, which is what trapdoor's round robin does always. As
 * /init trapbench may. */
#include <sched.h>
static inline int os_yield_hands_over(int on)
{
	struct sched_param sp = { .sched_priority = on ? 1 : 0 };
	return sched_setscheduler(0, on ? SCHED_FIFO : SCHED_OTHER, &sp);
}

/* glibc's ucontext_t: gregs[16] is REG_RIP (named only under _GNU_SOURCE). */
#include <ucontext.h>
static inline uint64_t *os_uc_rip(void *uc) { return (uint64_t *)&((ucontext_t *)uc)->uc_mcontext.gregs[16]; }

/* Linux does not export its calibration. */
static inline uint64_t os_tsc_hz(void) { return tsc_hz_measured(); }

static inline int os_has_vdso(void) { return getauxval(AT_SYSINFO_EHDR) != 0; }

/* Debian's 6.1 has transparent huge pages "always": an aligned 2 MiB of a
 * large mapping would be one huge page (one fault, one PMD copied by fork).
 * trapdoor maps 4 KiB pages only, so the size cases ask Linux for the same
 * and compare the work per 4 KiB page (docs/benchmarks.md). */
static inline void os_small_pages(void *p, size_t len) { madvise(p, len, MADV_NOHUGEPAGE); }

/* As /init, /dev has only the console: make the two cheap devices. */
static inline void os_init(void)
{
	mknod("/dev/null", S_IFCHR | 0666, makedev(1, 3));
	mknod("/dev/zero", S_IFCHR | 0666, makedev(1, 5));
}

static inline void os_kernel_benches(void) {}

static inline void os_done(void)
{
	if (getpid() == 1) {                 /* we are /init: nobody else will stop QEMU */
		sync();
		reboot(RB_POWER_OFF);
	}
}

#else /* trapdoor */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/auxv.h>
#include <sys/entry.h>
#include <sys/syscall.h>

#define OS_KERNEL "this"
#define OS_TRAPBENCH32 "/bin/trapbench32"
#define OS_EXIT0 "/bin/exit0"
#define NR_GETPID_INT80 SYS_getpid       /* the same numbers on both entries */
#define NR_CLOCK_INT80 SYS_clock_gettime
#define NR_GETPID_SYSCALL SYS_getpid
#define NR_CLOCK_SYSCALL SYS_clock_gettime
#define NR_READ_INT80 SYS_read
#define NR_WRITE_INT80 SYS_write
#define NR_READ_SYSCALL SYS_read
#define NR_WRITE_SYSCALL SYS_write
#define NR_KILL_INT80 SYS_kill
#define NR_KILL_SYSCALL SYS_kill
#define NR_SCHED_YIELD_INT80 SYS_sched_yield
#define NR_SCHED_YIELD_SYSCALL SYS_sched_yield
#define NR_OPEN_INT80 SYS_open
#define NR_OPEN_SYSCALL SYS_open
#define NR_CLOSE_INT80 SYS_close
#define NR_CLOSE_SYSCALL SYS_close
#define NR_STAT_INT80 SYS_stat
#define NR_STAT_SYSCALL SYS_stat
#define OS_RAMFILE "/trapbench.tmp"      /* the root file system is ramfs */

/* The scheduler is a round robin: sched_yield always hands over. */
static inline int os_yield_hands_over(int on) { (void)on; return 0; }

/* The kernel's ucontext (api/signal.h: Linux's layout). */
static inline uint64_t *os_uc_rip(void *uc) { return &((struct k_ucontext *)uc)->uc_mcontext.rip; }

/* The kernel's calibration; a 32-bit process has no trapdoor_stats call. */
static inline uint64_t os_tsc_hz(void)
{
	struct trapdoor_stats s = { 0 };

	if (trapdoor_stats(&s) < 0 || !s.tsc_hz)
		return tsc_hz_measured();
	return s.tsc_hz;
}

static inline int os_has_vdso(void) { return getauxval(AT_SYSINFO_EHDR) != 0; }
static inline void os_init(void) {}          /* /dev is there */
static inline void os_small_pages(void *p, size_t len) { (void)p; (void)len; }  /* no huge pages */
static inline void os_done(void) {}

/* The interrupt latency, deadline to handler, with each timer the CPU has
 * (docs/benchmarks.md): the kernel prints the BENCH lines. */
static inline void os_kernel_benches(void)
{
	static const struct { int which; const char *name; } t[] = {
		{ TRAPDOOR_BENCH_IRQ_TSC_DEADLINE, "tsc_deadline" },
		{ TRAPDOOR_BENCH_IRQ_LAPIC, "lapic" },
	};

	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (trapdoor_bench(t[i].which, TRAPDOOR_BENCH_MAX, NULL, TRAPDOOR_BENCH_PRINT) < 0)
			printf("trapbench: irq through %s: not measured (%s)\n", t[i].name, strerror(errno));
}
#endif

#endif
