/*
 * compat_conv.c - the i386 ABI's user structures to and from the
 * kernel's (include/compat.h): 32-bit times, rusage and siginfo. A value
 * that does not fit 32 bits is truncated as Linux's do (its callers that
 * must refuse instead say so themselves).
 */
#include "api/errno.h"
#include "api/usage.h"
#include "compat.h"
#include "kernel.h"
#include "uaccess.h"

long get_compat_timespec(uint64_t u, struct timespec *ts)
{
	struct compat_timespec c;

	if (copy_from_user(&c, (void *)u, sizeof(c)) < 0)
		return -EFAULT;
	*ts = (struct timespec){ c.tv_sec, c.tv_nsec };   /* both signed: -1 stays -1 */
	return 0;
}

long put_compat_timespec(uint64_t u, const struct timespec *ts)
{
	struct compat_timespec c = { (int32_t)ts->tv_sec, (int32_t)ts->tv_nsec };

	return copy_to_user((void *)u, &c, sizeof(c));
}

long get_compat_timeval(uint64_t u, struct timeval *tv)
{
	struct compat_timeval c;

	if (copy_from_user(&c, (void *)u, sizeof(c)) < 0)
		return -EFAULT;
	*tv = (struct timeval){ c.tv_sec, c.tv_usec };
	return 0;
}

struct compat_timeval compat_timeval(const struct timeval *tv)
{
	return (struct compat_timeval){ (int32_t)tv->tv_sec, (int32_t)tv->tv_usec };
}

long put_compat_timeval(uint64_t u, const struct timeval *tv)
{
	struct compat_timeval c = compat_timeval(tv);

	return copy_to_user((void *)u, &c, sizeof(c));
}

long put_compat_rusage(uint64_t u, const struct rusage *ru)
{
	struct compat_rusage c = {
		.ru_utime = compat_timeval(&ru->ru_utime), .ru_stime = compat_timeval(&ru->ru_stime),
		.ru_maxrss = (int32_t)ru->ru_maxrss, .ru_ixrss = (int32_t)ru->ru_ixrss,
		.ru_idrss = (int32_t)ru->ru_idrss, .ru_isrss = (int32_t)ru->ru_isrss,
		.ru_minflt = (int32_t)ru->ru_minflt, .ru_majflt = (int32_t)ru->ru_majflt,
		.ru_nswap = (int32_t)ru->ru_nswap, .ru_inblock = (int32_t)ru->ru_inblock,
		.ru_oublock = (int32_t)ru->ru_oublock, .ru_msgsnd = (int32_t)ru->ru_msgsnd,
		.ru_msgrcv = (int32_t)ru->ru_msgrcv, .ru_nsignals = (int32_t)ru->ru_nsignals,
		.ru_nvcsw = (int32_t)ru->ru_nvcsw, .ru_nivcsw = (int32_t)ru->ru_nivcsw,
	};

	return copy_to_user((void *)u, &c, sizeof(c));
}

/* The fields this kernel fills (api/signal.h): the kill/child ones, or a
 * fault's address, which sit in the same words in both unions. */
void compat_siginfo_from(struct compat_siginfo *out, const struct k_siginfo *in)
{
	*out = (struct compat_siginfo){ .si_signo = in->si_signo, .si_errno = in->si_errno, .si_code = in->si_code };
	if (in->si_signo == SIGSEGV || in->si_signo == SIGBUS || in->si_signo == SIGILL ||
	    in->si_signo == SIGFPE || in->si_signo == SIGTRAP) {
		if (in->si_code > 0 && in->si_code != SI_KERNEL) {
			out->u.addr = (uint32_t)in->u.addr;
			return;
		}
	}
	out->u.chld.pid = in->u.chld.pid;
	out->u.chld.uid = in->u.chld.uid;
	out->u.chld.status = in->u.chld.status;
}
