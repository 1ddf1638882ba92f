/*
 * sys_random.c - getrandom: bytes from the kernel's generator
 * (dev/random.c). It is seeded before the first process runs, so no
 * request ever waits, GRND_NONBLOCK included; GRND_RANDOM (Linux's old
 * blocking pool, the same generator since Linux 5.6) and GRND_INSECURE
 * change nothing here.
 */
#include "api/errno.h"
#include "api/random.h"
#include "dev/random.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* The most one call gives: 32 MiB - 1, the limit getrandom(2) documents
 * (Linux before 5.18). Later Linux goes to 2 GiB, checking for signals
 * every page; a call here cannot be interrupted or preempted, and ChaCha20
 * under emulation makes some 20 MB/s, so a bigger fill would stop every
 * process for seconds. Callers loop, as the man page tells them to. */
#define GETRANDOM_MAX ((32UL << 20) - 1)

/* getrandom(buf, count, flags): count bytes (at most GETRANDOM_MAX) into
 * buf, or as many as fit before an unwritable page (-EFAULT when none
 * does), as Linux. */
long sys_getrandom(struct trap_frame *tf)
{
	uint8_t *ubuf = (uint8_t *)arg(tf, 0);
	uint64_t count = arg(tf, 1), flags = (uint32_t)arg(tf, 2), done;

	if (flags & ~(uint64_t)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;                       /* insecure and blocking: no sense (Linux) */
	if (count > GETRANDOM_MAX)
		count = GETRANDOM_MAX;
	if (!user_range_ok((uint64_t)ubuf, count))
		return -EFAULT;
	done = random_to_user((char *)ubuf, count);
	return done || !count ? (long)done : -EFAULT;
}
