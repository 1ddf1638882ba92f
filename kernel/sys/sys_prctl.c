/*
 * sys_prctl.c - prctl(option, arg2, arg3, arg4, arg5): the process's name,
 * the no_new_privs flag, and what a capability query of root learns
 * (Linux's kernel/sys.c and security/commoncap.c). Any other option is
 * -EINVAL (docs/abi.md lists the ones answered).
 */
#include "api/errno.h"
#include "api/prctl.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* PR_SET_NAME: up to 15 bytes of the string at u, cut there as Linux
 * does; a string that ends in an unreadable page before its NUL is -EFAULT. */
static long set_name(struct proc *p, const void *u)
{
	char name[TASK_COMM_LEN] = { 0 };
	size_t n = copy_from_user_upto(name, u, TASK_COMM_LEN - 1), len;

	for (len = 0; len < n && name[len]; len++)
		;
	if (len == n && n < TASK_COMM_LEN - 1)
		return -EFAULT;
	memset(name + len, 0, TASK_COMM_LEN - len);
	memcpy(p->name, name, sizeof(p->name));
	return 0;
}

/* PR_GET_NAME: the name in a 16-byte buffer, NUL-padded. */
static long get_name(const struct proc *p, void *u)
{
	char name[TASK_COMM_LEN];

	memcpy(name, p->name, sizeof(name));
	name[TASK_COMM_LEN - 1] = 0;
	return copy_to_user(u, name, sizeof(name));
}

/* PR_CAP_AMBIENT for root, whose inheritable set is empty: nothing is or
 * can be raised, lowering and clearing succeed. The checks are Linux's. */
static long cap_ambient(uint64_t action, uint64_t cap, uint64_t a4, uint64_t a5)
{
	if (action == PR_CAP_AMBIENT_CLEAR_ALL)
		return cap || a4 || a5 ? -EINVAL : 0;
	if (cap > CAP_LAST_CAP || a4 || a5)
		return -EINVAL;
	switch (action) {
	case PR_CAP_AMBIENT_IS_SET: return 0;
	case PR_CAP_AMBIENT_RAISE:  return -EPERM;   /* not in the inheritable set */
	case PR_CAP_AMBIENT_LOWER:  return 0;
	default:                    return -EINVAL;
	}
}

long sys_prctl(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t a2 = arg(tf, 1), a3 = arg(tf, 2), a4 = arg(tf, 3), a5 = arg(tf, 4);

	switch ((int)arg(tf, 0)) {           /* the option is an int */
	case PR_SET_NAME:
		return set_name(p, (const void *)a2);
	case PR_GET_NAME:
		return get_name(p, (void *)a2);
	case PR_SET_NO_NEW_PRIVS:            /* only to 1: it is never cleared */
		if (a2 != 1 || a3 || a4 || a5)
			return -EINVAL;
		p->no_new_privs = true;
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		if (a2 || a3 || a4 || a5)
			return -EINVAL;
		return p->no_new_privs;
	case PR_GET_KEEPCAPS:                /* PR_SET_KEEPCAPS is not offered: never set */
	case PR_GET_SECUREBITS:              /* none */
		return 0;
	case PR_CAPBSET_READ:                /* root's bounding set holds every capability */
		return a2 <= CAP_LAST_CAP ? 1 : -EINVAL;
	case PR_CAP_AMBIENT:
		return cap_ambient(a2, a3, a4, a5);
	default:
		return -EINVAL;
	}
}
