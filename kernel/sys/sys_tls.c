/*
 * sys_tls.c - set_thread_area(2) and get_thread_area(2): a thread's three
 * TLS segments (GDT slots 12..14, selectors 0x63, 0x6b, 0x73), which an
 * i386 program's %gs (glibc) points at. Linux's arch/x86/kernel/tls.c
 * rules; both calls exist for 64-bit processes too (205, 211), as on
 * Linux. The descriptor format and the checks are lib/user_desc.c; the
 * context switch installs a thread's three (arch/segs.h).
 */
#include "api/errno.h"
#include "arch/segs.h"
#include "arch/trap.h"
#include "kernel.h"
#include "lib/user_desc.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

long tls_desc_from_user(struct proc *p, uint64_t uinfo, bool can_allocate, int *idx, uint64_t *desc)
{
	struct user_desc u;

	if (copy_from_user(&u, (void *)uinfo, sizeof(u)) < 0)
		return -EFAULT;
	if (!user_desc_okay(&u))
		return -EINVAL;
	int i = (int)u.entry_number;
	if (i == -1 && can_allocate) {            /* the first empty slot, and tell the caller */
		for (i = 0; i < GDT_ENTRY_TLS_ENTRIES && p->tls[i]; i++)
			;
		if (i == GDT_ENTRY_TLS_ENTRIES)
			return -ESRCH;
		i += GDT_ENTRY_TLS_MIN;
		uint32_t n = (uint32_t)i;
		if (copy_to_user((void *)(uinfo + offsetof(struct user_desc, entry_number)), &n, sizeof(n)) < 0)
			return -EFAULT;
	}
	if (i < GDT_ENTRY_TLS_MIN || i > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	*idx = i;
	*desc = user_desc_encode(&u);
	return 0;
}

/* set_thread_area(struct user_desc *u): install *u in slot u->entry_number,
 * or in the first empty one when that is -1 (written back). A segment
 * register holding the slot's selector is reloaded, as on Linux. */
long sys_set_thread_area(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t desc;
	int idx;
	long r = tls_desc_from_user(p, arg(tf, 0), true, &idx, &desc);

	if (r < 0)
		return r;
	p->tls[idx - GDT_ENTRY_TLS_MIN] = desc;
	gdt_load_tls(this_cpu(), p->tls);
	user_segs_reload((uint16_t)(idx << 3 | 3));
	return 0;
}

/* get_thread_area(struct user_desc *u): fill *u from slot u->entry_number. */
long sys_get_thread_area(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t uinfo = arg(tf, 0);
	struct user_desc u;
	uint32_t idx;

	if (copy_from_user(&idx, (void *)(uinfo + offsetof(struct user_desc, entry_number)), sizeof(idx)) < 0)
		return -EFAULT;
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	user_desc_decode(p->tls[idx - GDT_ENTRY_TLS_MIN], idx, &u);
	return copy_to_user((void *)uinfo, &u, sizeof(u));
}
