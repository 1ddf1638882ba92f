/*
 * sys_info.c - calls that only report: uname, clock_gettime, and our
 * trapdoor_stats.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

static int64_t realtime_offset_ns;     /* CLOCK_REALTIME - CLOCK_MONOTONIC */

static uint64_t monotonic_ns(void)
{
	return tsc_to_ns(rdtsc() - boot->loader_tsc);
}

/* Set the wall clock from the RTC (once, after the TSC is calibrated). */
void clock_init(void)
{
	uint64_t epoch = rtc_read_epoch();

	realtime_offset_ns = (int64_t)(epoch * 1000000000ULL) - (int64_t)monotonic_ns();
	kprintf("clock: realtime %lu s since the epoch (CMOS RTC)\n", epoch);
}

long sys_clock_gettime(struct trap_frame *tf)
{
	uint64_t clk = arg(tf, 0), ns;
	struct timespec ts;

	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		ns = monotonic_ns() + realtime_offset_ns;
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		ns = monotonic_ns();
		break;
	default:
		return -EINVAL;
	}
	ts.tv_sec = ns / 1000000000ULL;
	ts.tv_nsec = ns % 1000000000ULL;
	return copy_to_user((void *)arg(tf, 1), &ts, sizeof(ts));
}

long sys_uname(struct trap_frame *tf)
{
	static const struct utsname u = {
		.sysname = "trapdoor", .nodename = "trapdoor", .release = "0.1.0",
		.version = "#1 " __DATE__, .machine = "x86_64", .domainname = "(none)",
	};

	return copy_to_user((void *)arg(tf, 0), &u, sizeof(u));
}

long sys_trapdoor_stats(struct trap_frame *tf)
{
	struct percpu *c = this_cpu();
	struct trapdoor_stats s = {
		.int80_calls = c->int80_calls, .syscall_calls = c->syscall_calls,
		.sysret_fallbacks = c->sysret_fallbacks, .user_faults = c->user_faults,
		.free_frames = frames_free_count(), .tsc_hz = tsc_hz,
	};

	return copy_to_user((void *)arg(tf, 0), &s, sizeof(s));
}

/* The digest trapdoor_args returns: argument i rotated left by 8*i bits, xored. */
static uint64_t rotl(uint64_t v, int n) { return n ? v << n | v >> (64 - n) : v; }

long sys_trapdoor_args(struct trap_frame *tf)
{
	uint64_t d = 0;

	for (int i = 0; i < 6; i++)
		d ^= rotl(arg(tf, i), 8 * i);
	return d;
}
