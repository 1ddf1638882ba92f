/*
 * sys_cap.c - capget(header, data): what root holds. Every process is
 * root, so each has every capability (0..CAP_LAST_CAP) effective and
 * permitted, and none inheritable, as Linux's root after a plain login.
 * There is no capset: nothing could be changed (docs/abi.md).
 */
#include "api/capability.h"
#include "api/errno.h"
#include "api/prctl.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* capget: Linux's order. An unknown version is -EINVAL, after writing the
 * version this kernel prefers into the header, and with data NULL that is
 * how a program asks for it (0). Then the pid (-EINVAL if negative,
 * -ESRCH if nobody has it) and the one or two data structs. */
long sys_capget(struct trap_frame *tf)
{
	struct __user_cap_header_struct *uh = (void *)arg(tf, 0), h;
	struct __user_cap_data_struct d[2] = {
		{ .effective = ~0u, .permitted = ~0u },
		{ .effective = (1u << (CAP_LAST_CAP - 31)) - 1, .permitted = (1u << (CAP_LAST_CAP - 31)) - 1 },
	};
	uint64_t data = arg(tf, 1);
	int n;

	if (copy_from_user(&h.version, &uh->version, sizeof(h.version)) < 0)
		return -EFAULT;
	switch (h.version) {
	case _LINUX_CAPABILITY_VERSION_1: n = 1; break;
	case _LINUX_CAPABILITY_VERSION_2:
	case _LINUX_CAPABILITY_VERSION_3: n = 2; break;
	default:
		h.version = _LINUX_CAPABILITY_VERSION_3;
		if (copy_to_user(&uh->version, &h.version, sizeof(h.version)) < 0)
			return -EFAULT;
		return data ? -EINVAL : 0;
	}
	if (!data)
		return 0;
	if (copy_from_user(&h.pid, &uh->pid, sizeof(h.pid)) < 0)
		return -EFAULT;
	if (h.pid < 0)
		return -EINVAL;
	if (h.pid && !proc_by_pid(h.pid))
		return -ESRCH;
	return copy_to_user((void *)data, d, n * sizeof(d[0]));
}
