/*
 * vm.c - regions over page tables, and the page fault (see mm/vm.h).
 */
#include "api/errno.h"
#include "api/resource.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "proc.h"

/* mm/vma.h spells these out (it is host-tested without the kernel's headers). */
_Static_assert(PTE_W == 0x2ULL && PTE_SHARED == 0x200ULL && PTE_STACK == 0x400ULL,
	       "vma_is_data's bits are the page-entry marks of kernel.h and mm/uvm.h");
_Static_assert(!((VMA_GROWSDOWN | VMA_NORESERVE | VMA_APART | VMA_FILLED) &
		 (PTE_W | PTE_NX | PTE_SHARED | PTE_PROTNONE | PTE_KFRAME | PTE_STACK)),
	       "the region-only flags are none of the page entry's");

struct vma *vma_node_new(void) { return kmalloc(sizeof(struct vma)); }
void vma_node_free(struct vma *v) { kfree(v); }

struct mm *mm_new(void)
{
	struct mm *mm = kmalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	*mm = (struct mm){ .root = uvm_create(), .users = 1 };
	if (!mm->root) {
		kfree(mm);
		return NULL;
	}
	return mm;
}

struct mm *mm_fork(struct mm *mm)
{
	struct mm *c = kmalloc(sizeof(*c));

	if (!c)
		return NULL;
	*c = (struct mm){ .vm = mm->vm, .users = 1 };
	if (vma_copy(&c->vmas, mm->vmas) < 0 || !(c->root = uvm_clone(mm->root))) {
		vma_clear(&c->vmas);
		kfree(c);
		return NULL;
	}
	return c;
}

void mm_get(struct mm *mm) { mm->users++; }

void mm_put(struct mm *mm)
{
	struct vm_usage all;

	if (--mm->users > 0)
		return;
	all = vma_usage(mm->vmas, 0, USER_TOP);
	if (all.pages != mm->vm.pages || all.data != mm->vm.data)
		panic("mm: regions hold %lu pages (%lu data), counted %lu (%lu data)",
		      all.pages, all.data, mm->vm.pages, mm->vm.data);
	uvm_destroy(mm->root);
	vma_clear(&mm->vmas);
	kfree(mm);
}

/* Grow the stack region v down to the page of addr, if p's RLIMIT_STACK
 * and RLIMIT_AS allow and the guard gap above the region below stays
 * free (Linux's expand_downwards and acct_stack_growth). */
static bool grow_stack(struct mm *mm, const struct proc *p, struct vma *v, uint64_t addr)
{
	uint64_t start = addr & ~(PAGE_SIZE - 1), n = (v->start - start) / PAGE_SIZE, top = v->end;
	struct vma *prev = vma_prev(mm->vmas, v);

	/* The stack's size: to the top of the run of stack regions that
	 * starts at v (mprotect may have cut it). */
	for (struct vma *w = v->next; w && w->start == top && (w->flags & VMA_GROWSDOWN); w = w->next)
		top = w->end;
	if (!p || start < USER_MIN || top - start > rlimit(p, RLIMIT_STACK))
		return false;
	/* The guard gap is kept from an accessible region below that is not
	 * a stack itself (Linux's expand_downwards). */
	if (prev && !(prev->flags & (VMA_GROWSDOWN | PTE_PROTNONE)) && start - prev->end < STACK_GUARD_GAP)
		return false;
	if (prev && start < prev->end)
		return false;
	if (!vm_may_expand(p, &mm->vm, n, false) || vma_insert(&mm->vmas, start, v->start, v->flags) < 0)
		return false;
	mm->vm.pages += n;                       /* the stack is never data */
	return true;
}

int vm_fault(struct mm *mm, const struct proc *p, uint64_t addr, unsigned access)
{
	struct vma *v = addr < USER_TOP ? vma_find(mm->vmas, addr) : NULL;
	uint64_t f;

	if (!v)
		return VM_MAPERR;
	if (addr < v->start) {
		if (!(v->flags & VMA_GROWSDOWN) || !grow_stack(mm, p, v, addr))
			return VM_MAPERR;
		v = vma_at(mm->vmas, addr);
	}
	f = v->flags;
	if ((f & PTE_PROTNONE) || ((access & VM_WRITE) && !(f & PTE_W)) || ((access & VM_EXEC) && (f & PTE_NX)))
		return VM_ACCERR;
	if (f & PTE_KFRAME)
		return VM_ACCERR;                /* the vDSO's pages are always there: nothing to fill */
	if (uvm_fault_page(mm->root, addr & ~(PAGE_SIZE - 1), f, access & VM_WRITE) < 0)
		return VM_OOM;
	if (!(f & VMA_FILLED))
		vma_mark(&mm->vmas, v, VMA_FILLED);  /* its page tables matter from now on */
	return VM_OK;
}

/* Might a page of [start, end) be in memory (is any region there filled)?
 * An untouched gigabyte is unmapped without walking its page tables. */
static bool filled(struct mm *mm, uint64_t start, uint64_t end)
{
	for (struct vma *v = vma_find(mm->vmas, start); v && v->start < end; v = v->next)
		if (v->flags & VMA_FILLED)
			return true;
	return false;
}

int vm_map(struct mm *mm, uint64_t start, uint64_t len, uint64_t flags)
{
	if (flags & PTE_SHARED)
		flags |= VMA_FILLED;             /* all there at once (below, or the kernel's frames) */
	/* Shared memory's frames first: undoing them needs no memory, while
	 * taking back a region that merged with a neighbour needs a cut. */
	if ((flags & PTE_SHARED) && !(flags & PTE_KFRAME) && uvm_alloc(mm->root, start, len, flags) < 0) {
		uvm_unmap(mm->root, start, len);
		return -ENOMEM;
	}
	if (vma_insert(&mm->vmas, start, start + len, flags) < 0) {
		uvm_unmap(mm->root, start, len);         /* the range was free: only those frames */
		return -ENOMEM;
	}
	mm->vm.pages += len / PAGE_SIZE;
	if (vma_is_data(flags))
		mm->vm.data += len / PAGE_SIZE;
	return 0;
}

int vm_unmap(struct mm *mm, uint64_t start, uint64_t len)
{
	struct vm_usage gone = { 0, 0 };
	bool walk = filled(mm, start, start + len);

	if (vma_remove(&mm->vmas, start, start + len, &gone) < 0)
		return -ENOMEM;
	mm->vm.pages -= gone.pages;
	mm->vm.data -= gone.data;
	if (walk)
		uvm_unmap(mm->root, start, len);
	return 0;
}

int vm_protect(struct mm *mm, uint64_t start, uint64_t end, uint64_t rights)
{
	struct vma *v = vma_at(mm->vmas, start);
	uint64_t old = v->flags, flags = (old & ~(PTE_W | PTE_NX | PTE_PROTNONE)) | rights;
	uint64_t n = (end - start) / PAGE_SIZE;

	if (vma_set_flags(&mm->vmas, start, end, flags) < 0)
		return -ENOMEM;
	mm->vm.data += (vma_is_data(flags) - vma_is_data(old)) * n;
	if (!(old & VMA_FILLED))
		return 0;
	for (uint64_t a = uvm_find_mapped(mm->root, start, end, false); a != ~0ULL;
	     a = uvm_find_mapped(mm->root, a + PAGE_SIZE, end, false))
		uvm_protect(mm->root, a, rights);
	return 0;
}

void vm_discard(struct mm *mm, uint64_t start, uint64_t end)
{
	for (struct vma *v = vma_find(mm->vmas, start); v && v->start < end; v = v->next) {
		uint64_t lo = v->start > start ? v->start : start, hi = v->end < end ? v->end : end;
		if ((v->flags & (PTE_SHARED | VMA_FILLED)) == VMA_FILLED)
			uvm_unmap(mm->root, lo, hi - lo);
	}
}

int vm_move(struct mm *mm, uint64_t from, uint64_t len, uint64_t to, uint64_t newlen)
{
	uint64_t flags = vma_at(mm->vmas, from)->flags, grow = newlen - len, a;

	/* The new region stays apart from its neighbours until the move is
	 * sure: taking it back is then a whole region, no cut, no node. */
	if (vma_insert(&mm->vmas, to, to + newlen, flags | VMA_APART) < 0)
		return -ENOMEM;
	if (grow && (flags & PTE_SHARED) && !(flags & PTE_KFRAME) && uvm_alloc(mm->root, to + len, grow, flags) < 0)
		goto undo;
	for (a = (flags & VMA_FILLED) ? uvm_find_mapped(mm->root, from, from + len, false) : ~0ULL; a != ~0ULL;
	     a = uvm_find_mapped(mm->root, a + PAGE_SIZE, from + len, false))
		if (uvm_move(mm->root, a, to + (a - from)) < 0)
			goto undo;
	if (vma_remove(&mm->vmas, from, from + len, NULL) < 0)
		goto undo;
	vma_set_flags(&mm->vmas, to, to + newlen, flags);  /* a whole region: cannot fail */
	mm->vm.pages += grow / PAGE_SIZE;
	if (vma_is_data(flags))
		mm->vm.data += grow / PAGE_SIZE;
	return 0;
undo:
	/* No page table (or node) for the rest: put back what moved (its
	 * tables are there), and drop the new frames and the new region. */
	for (a = uvm_find_mapped(mm->root, to, to + len, false); a != ~0ULL;
	     a = uvm_find_mapped(mm->root, a + PAGE_SIZE, to + len, false))
		uvm_move(mm->root, a, from + (a - to));
	uvm_unmap(mm->root, to + len, grow);
	vma_remove(&mm->vmas, to, to + newlen, NULL);
	return -ENOMEM;
}

int vm_write(struct mm *mm, uint64_t va, const void *src, size_t n)
{
	const char *s = src;

	while (n > 0) {
		size_t in_page = PAGE_SIZE - (va & (PAGE_SIZE - 1)), chunk = n < in_page ? n : in_page;
		uint64_t pa;
		if (vm_fault(mm, NULL, va, VM_WRITE) != VM_OK || !(pa = uvm_frame(mm->root, va)))
			return -EFAULT;
		memcpy((char *)phys_to_virt(pa) + (va & (PAGE_SIZE - 1)), s, chunk);
		va += chunk, s += chunk, n -= chunk;
	}
	return 0;
}

uint64_t vm_resident(const struct mm *mm)
{
	return uvm_resident(mm->root, 0, USER_TOP);
}

bool vm_enough_memory(uint64_t npages, uint64_t flags)
{
	if ((flags & (VMA_NORESERVE | PTE_SHARED)) || !(flags & PTE_W))
		return true;                     /* not accounted (Linux's VM_ACCOUNT is private writable) */
	return npages <= frames_total();         /* OVERCOMMIT_GUESS: no swap here */
}
