/*
 * sys_mremap.c - mremap: grow or shrink a mapping, in place when the pages
 * after it are free, else (MREMAP_MAYMOVE) by moving its page entries,
 * frames and all, to a free range or (MREMAP_FIXED) to the address given.
 *
 * "The mapping at addr" is the region holding addr (mm/vma.h), as Linux's
 * VMA. Errors and their order are Linux's (mm/mremap.c); growth asks
 * vm_may_expand() and the overcommit check like mmap.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "mm/vmargs.h"
#include "proc.h"
#include "syscall.h"

/* Linux's remap_is_valid: may [addr, addr+old) of region v become new bytes long? */
static long resizable(struct proc *p, const struct vma *v, uint64_t addr, uint64_t old, uint64_t new)
{
	if (old == 0)
		return -EINVAL;                  /* "duplicate the mapping": not for private memory (nor here for shared) */
	if (old > v->end - addr)
		return -EFAULT;                  /* the range goes past the mapping */
	if (new == old)
		return 0;
	if (v->flags & PTE_KFRAME)
		return -EFAULT;                  /* the vDSO and vvar never grow */
	if (new > old && (!vm_may_expand(p, &p->mm->vm, (new - old) / PAGE_SIZE, vma_is_data(v->flags)) ||
			  !vm_enough_memory((new - old) / PAGE_SIZE, v->flags)))
		return -ENOMEM;
	return 0;
}

/* Move the old bytes at from to the free range at to, making them new
 * bytes long (fresh pages like the region's): to, or -ENOMEM (nothing changed). */
static long move(struct mm *mm, uint64_t from, uint64_t old, uint64_t to, uint64_t new)
{
	return vm_move(mm, from, old, to, new) < 0 ? -ENOMEM : (long)to;
}

/* MREMAP_FIXED: the mapping goes to new_addr, whatever was there unmapped first. */
static long remap_to(struct proc *p, uint64_t addr, uint64_t old, uint64_t new, uint64_t new_addr)
{
	struct mm *mm = p->mm;
	struct vma *v;
	long r;

	if (new > proc_user_top(p) || new_addr > proc_user_top(p) - new)
		return -EINVAL;
	if (addr < new_addr + new && new_addr < addr + old)
		return -EINVAL;                  /* the two ranges overlap */
	if (new_addr < USER_MIN)
		return -EPERM;                   /* as mmap: nothing below USER_MIN */
	if (vm_unmap(mm, new_addr, new) < 0)
		return -ENOMEM;
	if (old > new) {
		if (vm_unmap(mm, addr + new, old - new) < 0)
			return -ENOMEM;
		old = new;
	}
	if (!(v = vma_at(mm->vmas, addr)))
		return -EFAULT;
	if ((r = resizable(p, v, addr, old, new)) < 0)
		return r;
	return move(mm, addr, old, new_addr, new);
}

/* mremap(addr, old_len, new_len, flags, new_addr) */
long sys_mremap(struct trap_frame *tf)
{
	struct proc *p = current();
	struct mm *mm = p->mm;
	uint64_t addr = arg(tf, 0), flags = arg(tf, 3), new_addr = arg(tf, 4), old, new, to;
	long r = mremap_args(addr, arg(tf, 1), arg(tf, 2), flags, new_addr, &old, &new);
	struct vma *v;

	if (r < 0)
		return r;
	if (flags & MREMAP_DONTUNMAP)
		return -EINVAL;                  /* not supported (docs/abi.md) */
	if (!(v = vma_at(mm->vmas, addr)))
		return -EFAULT;                  /* nothing mapped at addr */
	if (flags & MREMAP_FIXED)
		return remap_to(p, addr, old, new, new_addr);
	if (new == old)
		return addr;
	if (new < old)
		return vm_unmap(mm, addr + new, old - new) < 0 ? -ENOMEM : (long)addr;
	if ((r = resizable(p, v, addr, old, new)) < 0)
		return r;
	/* In place when the range after the mapping is free (and below the
	 * process's top: 4 GiB for a 32-bit one). */
	if (new <= proc_user_top(p) - addr && vma_range_free(mm->vmas, addr + old, addr + new))
		return vm_map(mm, addr + old, new - old, v->flags) < 0 ? -ENOMEM : (long)addr;
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	if (!(to = vm_find_free(p, new)))
		return -ENOMEM;
	return move(mm, addr, old, to, new);
}
