/*
 * sys_rlimit.c - getrlimit, setrlimit and prlimit64: reading and setting a
 * process's resource limits (proc/rlimit.c keeps them and decides). The
 * resource is an unsigned int and prlimit64's pid a pid_t, as on Linux:
 * the low 32 bits of their registers count.
 */
#include "api/errno.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* getrlimit(resource, rlim): a bad resource is -EINVAL before rlim is looked at. */
long sys_getrlimit(struct trap_frame *tf)
{
	struct rlimit old;
	long r = rlimit_change(current(), (uint32_t)arg(tf, 0), NULL, &old);

	return r < 0 ? r : copy_to_user((void *)arg(tf, 1), &old, sizeof(old));
}

/* setrlimit(resource, rlim): rlim is read first, so a bad pointer is
 * -EFAULT whatever the resource. */
long sys_setrlimit(struct trap_frame *tf)
{
	struct rlimit new;

	if (copy_from_user(&new, (const void *)arg(tf, 1), sizeof(new)) < 0)
		return -EFAULT;
	return rlimit_change(current(), (uint32_t)arg(tf, 0), &new, NULL);
}

/* prlimit64(pid, resource, new, old): pid 0 is the caller; NULL new or old
 * leaves that half out. In Linux's order: new is read (-EFAULT), the
 * process found (-ESRCH), the limit checked and set, and only then old
 * written, so new and old may be the same buffer, and a bad old gives
 * -EFAULT after the new limit has taken effect. */
long sys_prlimit64(struct trap_frame *tf)
{
	int pid = (int)arg(tf, 0);
	uint64_t unew = arg(tf, 2), uold = arg(tf, 3);
	struct rlimit new, old;
	struct proc *p;
	long r;

	if (unew && copy_from_user(&new, (const void *)unew, sizeof(new)) < 0)
		return -EFAULT;
	if (!(p = pid ? proc_by_pid(pid) : current()))
		return -ESRCH;
	r = rlimit_change(p, (uint32_t)arg(tf, 1), unew ? &new : NULL, uold ? &old : NULL);
	if (r < 0)
		return r;
	return uold ? copy_to_user((void *)uold, &old, sizeof(old)) : 0;
}
