/*
 * sys_mem.c - brk, mmap and munmap: anonymous memory, private or shared
 * (MAP_SHARED: fork maps the same frames in the child), allocated eagerly
 * (every page gets a zeroed frame at once, PROT_NONE pages too) and found
 * again in the page tables alone; there is no separate list of mappings.
 *
 * Each call keeps the process's count of what it maps (p->vm) exact, and
 * asks vm_may_expand() before it maps more: past RLIMIT_AS or RLIMIT_DATA
 * the answer is -ENOMEM (the old break, for brk), as on Linux.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vmargs.h"
#include "proc.h"
#include "syscall.h"


static uint64_t page_up(uint64_t a) { return (a + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1); }

/* p's space lost what `gone` counts. */
static void vm_sub(struct proc *p, struct uvm_usage gone)
{
	uvm_usage_sub(&p->vm, gone);
}

/* brk(addr): move the end of the heap; returns the new end, or the old one
 * when addr is 0, out of range, past a limit, or the memory is not there
 * (Linux's rule). */
long sys_brk(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t want = arg(tf, 0), old_end = page_up(p->brk), new_end;

	if (want < p->brk_start || want - p->brk_start > USER_BRK_MAX)
		return p->brk;
	/* Linux's first check, on the exact address and before it looks at
	 * growing or shrinking: the heap plus the program's data must stay
	 * within RLIMIT_DATA. */
	if (rlimit(p, RLIMIT_DATA) != RLIM_INFINITY && want - p->brk_start + p->data_size > rlimit(p, RLIMIT_DATA))
		return p->brk;
	new_end = page_up(want);
	if (new_end > old_end) {
		uint64_t len = new_end - old_end;
		if (!uvm_range_free(p->cr3, old_end, len))
			return p->brk;                   /* an mmap is in the way */
		if (!vm_may_expand(p, &p->vm, len / PAGE_SIZE, true))
			return p->brk;
		if (uvm_alloc(p->cr3, old_end, len, PTE_W | (cpu.nx ? PTE_NX : 0)) < 0) {
			uvm_unmap(p->cr3, old_end, len);  /* was empty: nothing to count */
			return p->brk;
		}
		p->vm.pages += len / PAGE_SIZE;
		p->vm.data += len / PAGE_SIZE;
	} else if (new_end < old_end) {
		vm_sub(p, uvm_unmap(p->cr3, new_end, old_end - new_end));
	}
	p->brk = want;
	return want;
}

uint64_t vm_find_free(struct proc *p, uint64_t len)
{
	uint64_t low = p->brk_start + USER_BRK_MAX, top = p->compat ? USER32_MMAP_TOP : USER_MMAP_TOP;

	while (top >= low + len) {
		uint64_t busy = uvm_find_mapped(p->cr3, top - len, top, true);
		if (busy == ~0ULL)
			return top - len;                /* every page free */
		top = busy;                              /* retry below the busy page */
	}
	return 0;
}

long sys_mmap(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t addr = arg(tf, 0), len = arg(tf, 1), prot = arg(tf, 2);
	uint64_t flags = arg(tf, 3), off = arg(tf, 5), pages;
	struct uvm_usage gone = { 0, 0 };
	uint64_t rights = prot_rights(prot, cpu.nx), top = proc_user_top(p);
	bool data;

	if (len == 0 || (off & (PAGE_SIZE - 1)) || (prot & ~7ULL))
		return -EINVAL;
	/* The mapping type (Linux's MAP_TYPE bits): MAP_SHARED, MAP_PRIVATE, or
	 * MAP_SHARED_VALIDATE (both bits; every other flag here is known). */
	switch (flags & 0xf) {
	case MAP_SHARED: case MAP_SHARED | MAP_PRIVATE:
		rights |= PTE_SHARED;                    /* fork keeps it shared */
		break;
	case MAP_PRIVATE:
		break;
	default:
		return -EINVAL;
	}
	/* Linux's data_vm: private and writable (shared memory is not data). */
	data = (rights & (PTE_W | PTE_SHARED)) == PTE_W;
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;                          /* no files to map yet */
	if (len > USER_TOP)
		return -ENOMEM;
	len = page_up(len);

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & (PAGE_SIZE - 1))
			return -EINVAL;
		if (addr < USER_MIN)
			return -EPERM;
		if (len > top || addr > top - len)
			return -ENOMEM;               /* (a 32-bit process: not above 4 GiB) */
		if ((flags & MAP_FIXED_NOREPLACE) && !uvm_range_free(p->cr3, addr, len))
			return -EEXIST;
	} else if (!(addr && !(addr & (PAGE_SIZE - 1)) && addr >= USER_MIN &&
		     len <= top && addr <= top - len && uvm_range_free(p->cr3, addr, len))) {
		if (!(addr = vm_find_free(p, len)))     /* the hint is only a hint */
			return -ENOMEM;
	}
	/* The limits see the pages MAP_FIXED replaces as given back, and the
	 * difference as new (Linux counts so too, the data check included). */
	pages = len / PAGE_SIZE;
	if (flags & MAP_FIXED)
		gone = uvm_count(p->cr3, addr, len);
	if (!vm_may_expand(p, &p->vm, pages - gone.pages, data))
		return -ENOMEM;
	if (uvm_alloc(p->cr3, addr, len, rights) < 0) {
		uvm_unmap(p->cr3, addr, len);
		vm_sub(p, gone);                         /* the range is empty now */
		return -ENOMEM;
	}
	p->vm.pages += pages - gone.pages;
	if (data)
		p->vm.data += pages;
	p->vm.data -= gone.data;
	return addr;
}

long sys_munmap(struct trap_frame *tf)
{
	uint64_t addr = arg(tf, 0), len = arg(tf, 1);

	if ((addr & (PAGE_SIZE - 1)) || len == 0 || len > USER_TOP || addr > USER_TOP - page_up(len))
		return -EINVAL;
	vm_sub(current(), uvm_unmap(current()->cr3, addr, page_up(len)));
	return 0;
}
