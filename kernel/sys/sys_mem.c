/*
 * sys_mem.c - brk, mmap and munmap: anonymous memory, private or shared
 * (MAP_SHARED: fork maps the same frames in the child). Both only add or
 * remove regions (mm/vm.h): a private page gets its zeroed frame on the
 * first touch; shared memory gets all of its frames at once.
 *
 * Each call keeps the space's count of what its regions reserve exact
 * (mm->vm), and asks vm_may_expand() before it reserves more: past
 * RLIMIT_AS or RLIMIT_DATA the answer is -ENOMEM (the old break, for brk),
 * as on Linux; so is a private writable request larger than all of RAM
 * (the overcommit heuristic, vm_enough_memory) without MAP_NORESERVE.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "mm/vmargs.h"
#include "proc.h"
#include "syscall.h"


static uint64_t page_up(uint64_t a) { return (a + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1); }

#define HEAP_FLAGS (PTE_W | (cpu.nx ? PTE_NX : 0))

/* brk(addr): move the end of the heap; returns the new end, or the old one
 * when addr is 0, out of range, past a limit, or the memory is not there
 * (Linux's rule). */
long sys_brk(struct trap_frame *tf)
{
	struct proc *p = current();
	struct mm *mm = p->mm;
	uint64_t want = arg(tf, 0), old_end = page_up(p->g->brk), new_end;

	if (want < p->g->brk_start || want - p->g->brk_start > USER_BRK_MAX)
		return p->g->brk;
	/* Linux's first check, on the exact address and before it looks at
	 * growing or shrinking: the heap plus the program's data must stay
	 * within RLIMIT_DATA. */
	if (rlimit(p, RLIMIT_DATA) != RLIM_INFINITY && want - p->g->brk_start + p->g->data_size > rlimit(p, RLIMIT_DATA))
		return p->g->brk;
	new_end = page_up(want);
	if (new_end > old_end) {
		uint64_t len = new_end - old_end;
		/* Linux keeps a page free between the heap and the next region
		 * (the stack's guard gap, when that is the stack). */
		struct vma *next = vma_find(mm->vmas, old_end);
		if (next && new_end + PAGE_SIZE > next->start - ((next->flags & VMA_GROWSDOWN) ? STACK_GUARD_GAP : 0))
			return p->g->brk;
		if (!vm_may_expand(p, &mm->vm, len / PAGE_SIZE, true) || !vm_enough_memory(len / PAGE_SIZE, HEAP_FLAGS))
			return p->g->brk;
		if (vm_map(mm, old_end, len, HEAP_FLAGS) < 0)
			return p->g->brk;
	} else if (new_end < old_end) {
		if (vm_unmap(mm, new_end, old_end - new_end) < 0)
			return p->g->brk;
	}
	p->g->brk = want;
	return want;
}

/* Where MAP_32BIT mappings go (Linux's find_start_end): 1 to 2 GiB. */
#define MAP_32BIT_START 0x40000000ULL
#define MAP_32BIT_END   0x80000000ULL

uint64_t vm_find_free(struct proc *p, uint64_t len)
{
	uint64_t low = p->g->brk_start + USER_BRK_MAX, top = p->compat ? USER32_MMAP_TOP : USER_MMAP_TOP;

	return vma_free_area(p->mm->vmas, len, low, top, STACK_GUARD_GAP);
}

/* Does a mapping ending at end keep clear of the guard gap under the
 * region above it, when that is a stack (Linux's vm_start_gap)? */
static bool clear_of_stack(struct mm *mm, uint64_t end)
{
	struct vma *next = vma_find(mm->vmas, end);

	return !next || !(next->flags & VMA_GROWSDOWN) || end + STACK_GUARD_GAP <= next->start;
}

long sys_mmap(struct trap_frame *tf)
{
	struct proc *p = current();
	struct mm *mm = p->mm;
	uint64_t addr = arg(tf, 0), len = arg(tf, 1), prot = arg(tf, 2);
	uint64_t flags = arg(tf, 3), off = arg(tf, 5), pages;
	struct vm_usage gone = { 0, 0 };
	uint64_t rights = prot_rights(prot, cpu.nx), top = proc_user_top(p);

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
	if (flags & MAP_NORESERVE)
		rights |= VMA_NORESERVE;
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
		if ((flags & MAP_FIXED_NOREPLACE) && !vma_range_free(mm->vmas, addr, addr + len))
			return -EEXIST;
	} else {
		/* MAP_32BIT (64-bit processes): below 2 GiB, where a far jump to
		 * 32-bit code can use it as its stack or code; Linux searches
		 * 1 to 2 GiB, and takes a hint only below 2 GiB. Ignored with
		 * MAP_FIXED, and in 32-bit processes, as on Linux. */
		bool low32 = (flags & MAP_32BIT) && !p->compat;
		uint64_t hint_top = low32 ? MAP_32BIT_END : top;
		if (!(addr && !(addr & (PAGE_SIZE - 1)) && addr >= USER_MIN && len <= hint_top &&
		      addr <= hint_top - len && vma_range_free(mm->vmas, addr, addr + len) &&
		      clear_of_stack(mm, addr + len))) {
			addr = low32 ? vma_free_area(mm->vmas, len, MAP_32BIT_START, MAP_32BIT_END, STACK_GUARD_GAP)
				     : vm_find_free(p, len);   /* the hint is only a hint */
			if (!addr)
				return -ENOMEM;
		}
	}
	/* The limits see the pages MAP_FIXED replaces as given back, and the
	 * difference as new (Linux counts so too, the data check included). */
	pages = len / PAGE_SIZE;
	if (flags & MAP_FIXED)
		gone = vma_usage(mm->vmas, addr, addr + len);
	if (!vm_may_expand(p, &mm->vm, pages - gone.pages, vma_is_data(rights)) || !vm_enough_memory(pages, rights))
		return -ENOMEM;
	if (vm_unmap(mm, addr, len) < 0 || vm_map(mm, addr, len, rights) < 0)
		return -ENOMEM;                          /* (whatever was at addr is gone) */
	return addr;
}

long sys_munmap(struct trap_frame *tf)
{
	uint64_t addr = arg(tf, 0), len = arg(tf, 1);

	if ((addr & (PAGE_SIZE - 1)) || len == 0 || len > USER_TOP || addr > USER_TOP - page_up(len))
		return -EINVAL;
	return vm_unmap(current()->mm, addr, page_up(len));
}
