/*
 * sys_syslog.c - syslog(type, buf, len), glibc's klogctl: the kernel log
 * ring (lib/klog.h) for dmesg, with Linux's checks (kernel/printk). Every
 * caller is root, so every action is allowed. The console level is kept
 * but not applied: the console shows every kernel message (docs/abi.md).
 */
#include "api/errno.h"
#include "api/syslog.h"
#include "kernel.h"
#include "lib/klog.h"
#include "proc.h"
#include "syscall.h"
#include "time/clock.h"
#include "uaccess.h"

#define READ_POLL_NS 50000000ULL          /* SYSLOG_ACTION_READ looks again this often */

static int console_level = 7, saved_level = -1;   /* Linux's defaults */
static const char read_chan;              /* what READ sleeps on: nobody wakes it, the deadline does */

/* The reads' common checks: a buffer and a length that is not negative;
 * 0 bytes is a quiet success (1); a buffer outside the user half -EFAULT. */
static long read_checks(uint64_t buf, int len)
{
	if (!buf || len < 0)
		return -EINVAL;
	if (!len)
		return 1;
	return user_range_ok(buf, len) ? 0 : -EFAULT;
}

long sys_syslog(struct trap_frame *tf)
{
	int type = (int)arg(tf, 0), len = (int)arg(tf, 2);
	uint64_t buf = arg(tf, 1);
	long r;

	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
		if ((r = read_checks(buf, len)))
			return r < 0 ? r : 0;
		while (!klog_unread())
			if (sleep_on(&read_chan, clock_monotonic_ns() + READ_POLL_NS) < 0)
				return -EINTR;
		return klog_read((void *)buf, len);
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if ((r = read_checks(buf, len)))
			return r < 0 ? r : 0;
		r = klog_read_all((void *)buf, len);
		if (r >= 0 && type == SYSLOG_ACTION_READ_CLEAR)
			klog_clear();
		return r;
	case SYSLOG_ACTION_CLEAR:
		klog_clear();
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_level == -1)
			saved_level = console_level;
		console_level = 1;                /* Linux's minimum_console_loglevel */
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_level != -1) {
			console_level = saved_level;
			saved_level = -1;
		}
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_level = len;
		saved_level = -1;
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD:
		return klog_unread();
	case SYSLOG_ACTION_SIZE_BUFFER:
		return KLOG_SIZE;
	default:
		return -EINVAL;
	}
}
