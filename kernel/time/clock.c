/*
 * clock.c - CLOCK_MONOTONIC and CLOCK_REALTIME, kept in the vvar page that
 * every process maps read-only (api/vvar.h explains the format; proc/vdso.c
 * allocates and maps the page). Each timer tick moves both clocks' base to
 * now; readers, the kernel's and the vDSO's alike, add the TSC ticks since.
 */
#include "api/abi.h"
#include "api/vvar.h"
#include "arch/cpu.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "proc.h"
#include "time/clock.h"
#include "time/timer.h"

/* Set up the clocks in the vvar page: the TSC's scale, CLOCK_MONOTONIC from
 * the loader's jump, the wall clock from the RTC (once, after the TSC is
 * calibrated and vdso_init). */
void clock_init(void)
{
	uint64_t epoch = rtc_read_epoch();

	vvar->hz = HZ;
	vvar->mult = (1000000000ULL << 32) / tsc_hz;
	vvar->tsc_base = boot->loader_tsc;
	vvar->mono = (struct vvar_time){ 0, 0 };
	vvar_time_add(&vvar->mono, vvar_delta_ns(vvar, rdtsc()));
	vvar->wall = (struct vvar_time){ (int64_t)epoch, 0 };
	vvar->tsc_base = rdtsc();
	kprintf("clock: realtime %lu s since the epoch (CMOS RTC), TSC scale %lu/2^32 ns\n",
		epoch, vvar->mult);
}

/* From the timer: move both clocks' base to now, under the sequence count. */
void clock_tick(struct trap_frame *tf)
{
	uint64_t now, d;

	if (!vvar || !vvar->mult)
		return;                                   /* before clock_init */
	now = rdtsc();
	d = vvar_delta_ns(vvar, now);
	vvar->seq++;                                  /* odd: readers wait */
	__asm__ volatile("" ::: "memory");
	vvar->tsc_base = now;
	vvar_time_add(&vvar->mono, d);
	vvar_time_add(&vvar->wall, d);
	__asm__ volatile("" ::: "memory");
	vvar->seq++;
	vfs_set_time(&(struct timespec){ vvar->wall.sec, (int64_t)vvar->wall.nsec });
}

uint64_t clock_monotonic_ns(void)
{
	struct timespec ts;

	vvar_clock(vvar, CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}
