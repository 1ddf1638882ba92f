/*
 * compat_mem.c - the i386 ABI's two mmaps: mmap2, whose offset counts
 * pages (so a 32-bit caller reaches 2^44 bytes into a file), and the old
 * mmap (90), whose six arguments come in a struct. Both go to sys_mmap,
 * which keeps a 32-bit process's mappings below 4 GiB.
 */
#include "api/errno.h"
#include "compat.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "syscall.h"
#include "uaccess.h"

/* sys_mmap with i386's arguments: fd is an int (-1 in a register is
 * 0xffffffff). */
static long mmap64(struct trap_frame *tf, uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags,
		   uint32_t fd, uint64_t off)
{
	uint64_t a[6] = { addr, len, prot, flags, (uint64_t)(int64_t)(int32_t)fd, off };
	struct trap_frame c = compat_as64(tf, a);

	return sys_mmap(&c);
}

/* mmap2(addr, len, prot, flags, fd, pgoff) */
long compat_sys_mmap2(struct trap_frame *tf)
{
	return mmap64(tf, arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), arg(tf, 4), arg(tf, 5) * PAGE_SIZE);
}

/* mmap(args): the old one; its offset must be page-aligned. */
long compat_sys_mmap(struct trap_frame *tf)
{
	struct compat_mmap_arg m;

	if (copy_from_user(&m, (void *)arg(tf, 0), sizeof(m)) < 0)
		return -EFAULT;
	if (m.offset & (PAGE_SIZE - 1))
		return -EINVAL;
	return mmap64(tf, m.addr, m.len, m.prot, m.flags, m.fd, m.offset);
}
