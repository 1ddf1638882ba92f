/*
 * sys_mremap.c - mremap: grow or shrink a mapping, in place when the pages
 * after it are free, else (MREMAP_MAYMOVE) by moving its page entries,
 * frames and all, to a free range or (MREMAP_FIXED) to the address given.
 *
 * There is no list of mappings: "the mapping at addr" is what Linux's VMA
 * would be, the run of pages from addr mapped with the same rights and
 * marks. Errors and their order are Linux's (mm/mremap.c); growth asks
 * vm_may_expand() like mmap.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vmargs.h"
#include "proc.h"
#include "syscall.h"

/* The bits that make two pages parts of one mapping (not accessed/dirty). */
#define KIND (PTE_W | PTE_NX | PTE_PROTNONE | PTE_SHARED | PTE_STACK | PTE_KFRAME)

static bool is_data(uint64_t f)
{
	return (f & (PTE_W | PTE_SHARED | PTE_STACK)) == PTE_W;
}

/* Does the mapping at addr (entry flags f) cover [addr, addr+len)? */
static bool covers(uint64_t root, uint64_t addr, uint64_t len, uint64_t f)
{
	for (uint64_t a = addr; a - addr < len; a += PAGE_SIZE)
		if ((uvm_flags(root, a) & KIND) != (f & KIND) || !uvm_flags(root, a))
			return false;
	return true;
}

/* Linux's remap_is_valid: may [addr, addr+old) (flags f) become new bytes long? */
static long resizable(struct proc *p, uint64_t addr, uint64_t old, uint64_t new, uint64_t f)
{
	if (old == 0)
		return -EINVAL;                  /* "duplicate the mapping": not for private memory (nor here for shared) */
	if (!covers(p->cr3, addr, old, f))
		return -EFAULT;                  /* the range goes past the mapping */
	if (new == old)
		return 0;
	if (f & PTE_KFRAME)
		return -EFAULT;                  /* the vDSO and vvar never grow */
	if (new > old && !vm_may_expand(p, &p->vm, (new - old) / PAGE_SIZE, is_data(f)))
		return -ENOMEM;
	return 0;
}

/* Add fresh pages like the mapping's (flags f) over the free [va, va+len). */
static long extend(struct proc *p, uint64_t va, uint64_t len, uint64_t f)
{
	if (len == 0)
		return 0;
	if (uvm_alloc(p->cr3, va, len, f) < 0) {
		uvm_unmap(p->cr3, va, len);      /* was free: nothing to count */
		return -ENOMEM;
	}
	p->vm.pages += len / PAGE_SIZE;
	if (is_data(f))
		p->vm.data += len / PAGE_SIZE;
	return 0;
}

/* Move the old bytes at from to the free range at to, then make it new bytes long. */
static long move(struct proc *p, uint64_t from, uint64_t old, uint64_t to, uint64_t new, uint64_t f)
{
	uint64_t done;

	for (done = 0; done < old; done += PAGE_SIZE)
		if (uvm_move(p->cr3, from + done, to + done) < 0)
			break;
	if (done == old && extend(p, to + old, new - old, f) == 0)
		return to;
	while (done > 0) {                       /* no page table for the rest: put it all back */
		done -= PAGE_SIZE;
		uvm_move(p->cr3, to + done, from + done);  /* its tables are there */
	}
	return -ENOMEM;
}

/* MREMAP_FIXED: the mapping goes to new_addr, whatever was there unmapped first. */
static long remap_to(struct proc *p, uint64_t addr, uint64_t old, uint64_t new, uint64_t new_addr, uint64_t f)
{
	long r;

	if (new > USER_TOP || new_addr > USER_TOP - new)
		return -EINVAL;
	if (addr < new_addr + new && new_addr < addr + old)
		return -EINVAL;                  /* the two ranges overlap */
	if (new_addr < USER_MIN)
		return -EPERM;                   /* as mmap: nothing below USER_MIN */
	uvm_usage_sub(&p->vm, uvm_unmap(p->cr3, new_addr, new));
	if (old > new) {
		uvm_usage_sub(&p->vm, uvm_unmap(p->cr3, addr + new, old - new));
		old = new;
	}
	if ((r = resizable(p, addr, old, new, f)) < 0)
		return r;
	return move(p, addr, old, new_addr, new, f);
}

/* mremap(addr, old_len, new_len, flags, new_addr) */
long sys_mremap(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t addr = arg(tf, 0), flags = arg(tf, 3), new_addr = arg(tf, 4), old, new, f, to;
	long r = mremap_args(addr, arg(tf, 1), arg(tf, 2), flags, new_addr, &old, &new);

	if (r < 0)
		return r;
	if (flags & MREMAP_DONTUNMAP)
		return -EINVAL;                  /* not supported (docs/abi.md) */
	if (!(f = uvm_flags(p->cr3, addr)))
		return -EFAULT;                  /* nothing mapped at addr */
	if (flags & MREMAP_FIXED)
		return remap_to(p, addr, old, new, new_addr, f);
	if (new == old)
		return addr;
	if (new < old) {
		uvm_usage_sub(&p->vm, uvm_unmap(p->cr3, addr + new, old - new));
		return addr;
	}
	if ((r = resizable(p, addr, old, new, f)) < 0)
		return r;
	/* In place when the pages after the mapping are free (and in the user half). */
	if (new <= USER_TOP - addr && uvm_range_free(p->cr3, addr + old, new - old))
		return extend(p, addr + old, new - old, f) < 0 ? -ENOMEM : (long)addr;
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	if (!(to = vm_find_free(p, new)))
		return -ENOMEM;
	return move(p, addr, old, to, new, f);
}
