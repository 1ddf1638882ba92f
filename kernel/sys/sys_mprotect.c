/*
 * sys_mprotect.c - mprotect and madvise: changing what mapped pages allow,
 * and advice about them, in place (sys_mem.c maps and unmaps).
 *
 * Both work page by page in address order, as Linux works mapping by
 * mapping: the pages before a hole are changed, and the hole is -ENOMEM.
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

/* Does a page with entry flags f count as data (Linux's data_vm)? */
static bool is_data(uint64_t f)
{
	return (f & (PTE_W | PTE_SHARED | PTE_STACK)) == PTE_W;
}

/* The end of the mapped run from start (at most end), and in *newdata how
 * many of its pages would become data with rights. */
static uint64_t mapped_run(uint64_t root, uint64_t start, uint64_t end, uint64_t rights, uint64_t *newdata)
{
	uint64_t a;

	*newdata = 0;
	for (a = start; a < end; a += PAGE_SIZE) {
		uint64_t f = uvm_flags(root, a);
		if (!f)
			break;
		*newdata += !is_data(f) && is_data((f & (PTE_SHARED | PTE_STACK)) | rights);
	}
	return a;
}

/* mprotect(start, len, prot): PROT_NONE pages fault on any access, pages
 * without PROT_WRITE on writes (and the kernel's copies get -EFAULT), pages
 * without PROT_EXEC on instruction fetches when the CPU has NX. */
long sys_mprotect(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t start = arg(tf, 0), prot = arg(tf, 2), end, run, newdata;
	long r = mprotect_args(start, arg(tf, 1), prot, &end);
	uint64_t rights = prot_rights(prot, cpu.nx);

	if (r < 0 || end == start)
		return r;
	run = mapped_run(p->cr3, start, end, rights, &newdata);
	if (run == start)
		return -ENOMEM;                          /* nothing mapped at start */
	/* Linux's check when memory turns into data: refused only when
	 * RLIMIT_DATA is what says no. */
	if (newdata && !vm_may_expand(p, &p->vm, newdata, true) && vm_may_expand(p, &p->vm, newdata, false))
		return -ENOMEM;
	for (uint64_t a = start; a < run; a += PAGE_SIZE) {
		uint64_t f = uvm_flags(p->cr3, a);
		if ((f & PTE_KFRAME) && (rights & PTE_W))
			return -EACCES;                  /* the vDSO and vvar are the kernel's: never writable */
		uvm_protect(p->cr3, a, rights);
		p->vm.data += is_data(uvm_flags(p->cr3, a)) - is_data(f);
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
	next = start;                                    /* the page a run without holes reaches next */
	for (uint64_t a = uvm_find_mapped(p->cr3, start, end, false); a != ~0ULL;
	     a = uvm_find_mapped(p->cr3, a + PAGE_SIZE, end, false)) {
		if (a != next)
			r = -ENOMEM;                     /* a hole: go on, and say so at the end */
		next = a + PAGE_SIZE;
		if (advice == MADV_FREE && (uvm_flags(p->cr3, a) & PTE_SHARED))
			return -EINVAL;
		if (advice == MADV_DONTNEED)
			uvm_discard(p->cr3, a);
	}
	return next == end ? r : -ENOMEM;
}
