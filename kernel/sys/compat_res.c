/*
 * compat_res.c - the i386 ABI's resource and process-state calls whose
 * structures are 32-bit: getrlimit and ugetrlimit, setrlimit (32-bit
 * limits, RLIM_INFINITY as 0xffffffff, or 0x7fffffff for the old
 * getrlimit), getrusage, wait4 and waitpid (struct rusage with 32-bit
 * fields), sysinfo (32-bit sizes, mem_unit scaled up when they do not
 * fit). prlimit64 takes struct rlimit64 and shares the 64-bit handler.
 */
#include "api/errno.h"
#include "api/resource.h"
#include "api/usage.h"
#include "compat.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* A limit as a 32-bit one: anything larger than inf is inf (Linux's
 * put_compat_rlimit and old_getrlimit). */
static uint32_t limit32(uint64_t v, uint32_t inf) { return v > inf ? inf : (uint32_t)v; }

static long getrlimit32(struct trap_frame *tf, uint32_t inf)
{
	struct rlimit old;
	long r = rlimit_change(current(), (uint32_t)arg(tf, 0), NULL, &old);

	if (r < 0)
		return r;
	struct compat_rlimit c = { limit32(old.rlim_cur, inf), limit32(old.rlim_max, inf) };
	return copy_to_user((void *)arg(tf, 1), &c, sizeof(c));
}

/* ugetrlimit(resource, rlim) (191): the one 32-bit libcs call. */
long compat_sys_ugetrlimit(struct trap_frame *tf) { return getrlimit32(tf, COMPAT_RLIM_INFINITY); }

/* getrlimit(resource, rlim) (76): the old one, whose infinity is 2^31 - 1. */
long compat_sys_getrlimit(struct trap_frame *tf) { return getrlimit32(tf, COMPAT_RLIM_OLD_INFINITY); }

/* setrlimit(resource, rlim): 0xffffffff is RLIM_INFINITY; rlim is read
 * first, as for 64-bit callers. */
long compat_sys_setrlimit(struct trap_frame *tf)
{
	struct compat_rlimit c;

	if (copy_from_user(&c, (const void *)arg(tf, 1), sizeof(c)) < 0)
		return -EFAULT;
	struct rlimit new = {
		c.rlim_cur == COMPAT_RLIM_INFINITY ? RLIM_INFINITY : c.rlim_cur,
		c.rlim_max == COMPAT_RLIM_INFINITY ? RLIM_INFINITY : c.rlim_max,
	};
	return rlimit_change(current(), (uint32_t)arg(tf, 0), &new, NULL);
}

/* getrusage(who, usage) */
long compat_sys_getrusage(struct trap_frame *tf)
{
	int who = (int)arg(tf, 0);
	struct rusage ru;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	acct_rusage(current(), who, &ru);
	return put_compat_rusage(arg(tf, 1), &ru);
}

/* wait4(pid, status, options, rusage) */
long compat_sys_wait4(struct trap_frame *tf)
{
	return do_wait4((int32_t)arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), true);
}

/* waitpid(pid, status, options): wait4 without the usage (i386 only). */
long compat_sys_waitpid(struct trap_frame *tf)
{
	return do_wait4((int32_t)arg(tf, 0), arg(tf, 1), arg(tf, 2), 0, true);
}

/* sysinfo(info): as the 64-bit call's; when a size does not fit 32 bits,
 * every size is given in larger units (mem_unit doubled up to a page, as
 * Linux's compat_sys_sysinfo). */
long compat_sys_sysinfo(struct trap_frame *tf)
{
	struct sysinfo s;
	int shift = 0;

	do_sysinfo(&s);
	if ((s.totalram >> 32) || (s.totalswap >> 32))
		while ((s.mem_unit << shift) < PAGE_SIZE)
			shift++;
	struct compat_sysinfo c = {
		.uptime = (int32_t)s.uptime,
		.loads = { (uint32_t)s.loads[0], (uint32_t)s.loads[1], (uint32_t)s.loads[2] },
		.totalram = (uint32_t)(s.totalram >> shift), .freeram = (uint32_t)(s.freeram >> shift),
		.sharedram = (uint32_t)(s.sharedram >> shift), .bufferram = (uint32_t)(s.bufferram >> shift),
		.totalswap = (uint32_t)(s.totalswap >> shift), .freeswap = (uint32_t)(s.freeswap >> shift),
		.procs = s.procs,
		.totalhigh = (uint32_t)(s.totalhigh >> shift), .freehigh = (uint32_t)(s.freehigh >> shift),
		.mem_unit = s.mem_unit << shift,
	};
	return copy_to_user((void *)arg(tf, 0), &c, sizeof(c));
}
