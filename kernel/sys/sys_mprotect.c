/*
 * sys_mprotect.c - mprotect and madvise: changing what regions allow,
 * and advice about them, in place (sys_mem.c maps and unmaps).
 *
 * Both work region by region in address order, as Linux does: the parts
 * before a hole are changed, and the hole is -ENOMEM.
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

/* The end of the run of regions from start without a hole (at most end),
 * and in *newdata how many of its pages would become data with rights. */
static uint64_t covered(struct mm *mm, uint64_t start, uint64_t end, uint64_t rights, uint64_t *newdata)
{
	uint64_t a = start;

	*newdata = 0;
	for (struct vma *v = vma_at(mm->vmas, start); v && v->start <= a && a < end; v = v->next) {
		uint64_t hi = v->end < end ? v->end : end;
		uint64_t f = (v->flags & ~(PTE_W | PTE_NX | PTE_PROTNONE)) | rights;
		if (!vma_is_data(v->flags) && vma_is_data(f))
			*newdata += (hi - a) / PAGE_SIZE;
		a = hi;
	}
	return a;
}

/* mprotect(start, len, prot): PROT_NONE pages fault on any access, pages
 * without PROT_WRITE on writes (and the kernel's copies get -EFAULT), pages
 * without PROT_EXEC on instruction fetches when the CPU has NX. */
long sys_mprotect(struct trap_frame *tf)
{
	struct proc *p = current();
	struct mm *mm = p->mm;
	uint64_t start = arg(tf, 0), prot = arg(tf, 2), end, run, newdata;
	long r = mprotect_args(start, arg(tf, 1), prot, &end);
	uint64_t rights = prot_rights(prot, cpu.nx);

	if (r < 0 || end == start)
		return r;
	run = covered(mm, start, end, rights, &newdata);
	if (run == start)
		return -ENOMEM;                          /* nothing mapped at start */
	/* Linux's check when memory turns into data: refused only when
	 * RLIMIT_DATA is what says no. */
	if (newdata && !vm_may_expand(p, &mm->vm, newdata, true) && vm_may_expand(p, &mm->vm, newdata, false))
		return -ENOMEM;
	for (uint64_t a = start; a < run;) {
		struct vma *v = vma_at(mm->vmas, a);
		uint64_t hi = v->end < run ? v->end : run;
		if ((v->flags & PTE_KFRAME) && (rights & PTE_W))
			return -EACCES;                  /* the vDSO and vvar are the kernel's: never writable */
		if (vm_protect(mm, a, hi, rights) < 0)
			return -ENOMEM;
		a = hi;
	}
	return run == end ? 0 : -ENOMEM;
}

/* madvise(start, len, advice): MADV_DONTNEED makes private pages read as
 * zeros (shared ones keep their contents); MADV_FREE is refused on shared
 * memory, as Linux refuses it; the other advice is a hint, and taken. */
long sys_madvise(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t start = arg(tf, 0), advice = arg(tf, 2), end, next;
	long r = madvise_args(start, arg(tf, 1), advice, &end);

	if (r < 0 || end == start)
		return r;
	next = start;                                    /* where a range without holes goes on */
	for (struct vma *v = vma_find(p->mm->vmas, start); v && v->start < end; v = v->next) {
		if (v->start > next)
			r = -ENOMEM;                     /* a hole: go on, and say so at the end */
		next = v->end < end ? v->end : end;
		if (advice == MADV_FREE && (v->flags & PTE_SHARED))
			return -EINVAL;
	}
	if (advice == MADV_DONTNEED)
		vm_discard(p->mm, start, end);
	return next == end ? r : -ENOMEM;
}
