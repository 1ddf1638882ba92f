/*
 * uvm.c - user page tables (see mm/uvm.h).
 *
 * A user page entry is "mapped" when it is present, or when it is a
 * PROT_NONE page (PTE_PROTNONE, not present: every access faults, the
 * frame is kept for a later mprotect). Every frame a space maps holds one
 * reference (frames.c) per entry, except the kernel's own (PTE_KFRAME).
 * A private frame with more than one reference is shared copy-on-write
 * (after fork): its entries are never writable, and the first write
 * fault copies it (uvm_fault_page).
 */
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/tlb.h"
#include "mm/uvm.h"

#define USER_SLOTS 256                 /* PML4 entries 0..255: the user half */

static uint64_t pages_in_use, cow_copies;

static uint64_t *table(uint64_t entry) { return phys_to_virt(entry & PTE_ADDR); }

static bool mapped(uint64_t e) { return e & (PTE_P | PTE_PROTNONE); }

/* The leaf entry for frame pa with the rights and marks in flags: present
 * unless PTE_PROTNONE (which also takes the write right away). A private
 * frame someone else also maps (copy-on-write) is never writable. */
static uint64_t leaf(uint64_t pa, uint64_t flags)
{
	flags &= PTE_W | PTE_NX | PTE_SHARED | PTE_PROTNONE | PTE_KFRAME | PTE_FILE;
	if (flags & PTE_PROTNONE)
		return pa | PTE_U | (flags & ~PTE_W);
	if ((flags & PTE_W) && !(flags & PTE_SHARED) && frame_refs(pa) > 1)
		flags &= ~PTE_W;
	return pa | PTE_U | PTE_P | flags;
}

/* The first index from i (below end) whose entry in table t is not zero,
 * or end. A table entry is zero or in use (a table, a page, a PROT_NONE
 * page), and most of a table is zeros: one `repe scasq` skips them, rdi
 * stopping just past the first entry that is not. */
static uint64_t next_used(const uint64_t *t, uint64_t i, uint64_t end)
{
	const uint64_t *p = t + i;
	uint64_t n = end - i;

	if (n == 0)
		return end;
	__asm__("repe scasq" : "+D"(p), "+c"(n) : "a"(0ULL) : "cc", "memory");
	i = (uint64_t)(p - t) - 1;
	return t[i] ? i : end;
}

/* Flush va of space root from every TLB that may hold it: this CPU's
 * when root is live, and every other CPU running the space (mm/tlb.h).
 * Called right after an entry changed, before anything can allocate the
 * frame an entry lost. */
static void flush(uint64_t root, uint64_t va)
{
	tlb_flush_page(root, va);
}

uint64_t uvm_create(void)
{
	uint64_t root = frame_alloc();

	if (!root)
		return 0;
	uint64_t *pml4 = phys_to_virt(root);
	const uint64_t *k = vmm_kernel_root();
	for (int i = USER_SLOTS; i < 512; i++)
		pml4[i] = k[i];
	return root;
}

/* The PTE for va, making missing tables (user-accessible) when create is set. */
static uint64_t *pte(uint64_t root, uint64_t va, bool create)
{
	return pt_walk(phys_to_virt(root), va, 1, create, PTE_W | PTE_U);
}

/* Drop the page entry e points at and its reference to the frame (the
 * frame goes with the last). */
static void release(uint64_t *e)
{
	if (mapped(*e) && !(*e & PTE_KFRAME) && frame_put(*e & PTE_ADDR) && !(*e & PTE_FILE))
		pages_in_use--;
	*e = 0;
}

int uvm_map_shared(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags)
{
	uint64_t *e = pte(root, va, true);

	if (!e)
		return -ENOMEM;
	release(e);
	*e = leaf(pa, (flags & (PTE_W | PTE_NX)) | PTE_SHARED | PTE_KFRAME);
	flush(root, va);
	return 0;
}

int uvm_map_file(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags)
{
	uint64_t *e = pte(root, va, true);

	if (!e)
		return -ENOMEM;
	frame_get(pa);
	release(e);
	*e = leaf(pa, (flags & (PTE_W | PTE_NX)) | PTE_FILE);
	flush(root, va);
	return 0;
}

int uvm_alloc(uint64_t root, uint64_t va, uint64_t len, uint64_t flags)
{
	if (len / PAGE_SIZE + UVM_FRAME_RESERVE > frames_free_count())
		return -ENOMEM;                  /* never eat the kernel's last frames */
	for (uint64_t off = 0; off < len; off += PAGE_SIZE) {
		uint64_t *e = pte(root, va + off, true), pa;
		if (!e || !(pa = frame_alloc()))
			return -ENOMEM;
		release(e);
		*e = leaf(pa, flags & ~PTE_KFRAME);
		pages_in_use++;
		flush(root, va + off);
	}
	return 0;
}

/* The lowest (highest, when `highest`) mapped page in [lo, hi) below the
 * table t at `level` that starts at address base, or ~0. Absent tables are
 * skipped whole, so an empty terabyte costs a few steps, not 2^28. */
static uint64_t find_in(const uint64_t *t, int level, uint64_t base, uint64_t lo, uint64_t hi, bool highest)
{
	int shift = 12 + 9 * (level - 1);
	uint64_t span = 1ULL << shift;
	uint64_t first = (lo - base) >> shift, last = (hi - 1 - base) >> shift;

	for (uint64_t k = 0; k <= last - first; k++) {
		uint64_t i = highest ? last - k : first + k, a;
		if (!highest) {                          /* skip the empty entries at once */
			if ((i = next_used(t, i, last + 1)) > last)
				break;
			k = i - first;
		}
		a = base + i * span;
		if (level == 1 ? !mapped(t[i]) : !(t[i] & PTE_P))
			continue;
		if (level == 1)
			return a;
		uint64_t r = find_in(table(t[i]), level - 1, a, lo > a ? lo : a,
				     hi < a + span ? hi : a + span, highest);
		if (r != ~0ULL)
			return r;
	}
	return ~0ULL;
}

uint64_t uvm_find_mapped(uint64_t root, uint64_t lo, uint64_t hi, bool highest)
{
	if (lo >= hi || hi > USER_TOP)
		return ~0ULL;
	return find_in(phys_to_virt(root), 4, 0, lo, hi, highest);
}

void uvm_unmap(uint64_t root, uint64_t va, uint64_t len)
{
	for (uint64_t a = uvm_find_mapped(root, va, va + len, false); a != ~0ULL;
	     a = uvm_find_mapped(root, a + PAGE_SIZE, va + len, false)) {
		release(pte(root, a, false));
		flush(root, a);
	}
}

uint64_t uvm_resident(uint64_t root, uint64_t va, uint64_t len)
{
	uint64_t n = 0;

	for (uint64_t a = uvm_find_mapped(root, va, va + len, false); a != ~0ULL;
	     a = uvm_find_mapped(root, a + PAGE_SIZE, va + len, false))
		n += !(*pte(root, a, false) & PTE_KFRAME);
	return n;
}

uint64_t uvm_flags(uint64_t root, uint64_t va)
{
	if (va >= USER_TOP)
		return 0;                        /* the kernel's half is no user's page */
	uint64_t *e = pte(root, va, false);

	return e && mapped(*e) ? *e & ~PTE_ADDR : 0;
}

uint64_t uvm_frame(uint64_t root, uint64_t va)
{
	uint64_t *e = va < USER_TOP ? pte(root, va, false) : NULL;

	return e && (*e & PTE_P) ? *e & PTE_ADDR : 0;
}

void uvm_protect(uint64_t root, uint64_t va, uint64_t rights)
{
	uint64_t *e = pte(root, va, false);

	*e = leaf(*e & PTE_ADDR, (*e & (PTE_SHARED | PTE_KFRAME | PTE_FILE)) | rights);
	flush(root, va);
}

int uvm_move(uint64_t root, uint64_t from, uint64_t to)
{
	uint64_t *d = pte(root, to, true), *s = pte(root, from, false);

	if (!d)
		return -ENOMEM;
	*d = *s;
	*s = 0;
	flush(root, from);
	flush(root, to);
	return 0;
}

int uvm_fault_page(uint64_t root, uint64_t va, uint64_t flags, bool write)
{
	uint64_t *e = pte(root, va, true), old, pa;

	if (!e)
		return -ENOMEM;
	old = *e;
	if (!(old & PTE_P)) {
		/* Nothing there yet: a zeroed frame (demand-zero memory). A
		 * PROT_NONE entry keeps its frame; the region allows access
		 * again, so the page comes back with it. */
		if (old & PTE_PROTNONE) {
			*e = leaf(old & PTE_ADDR, (old & (PTE_SHARED | PTE_FILE)) | flags);
		} else {
			if (frames_free_count() <= UVM_FRAME_RESERVE || !(pa = frame_alloc()))
				return -ENOMEM;
			*e = leaf(pa, flags);
			pages_in_use++;
		}
	} else if (write && !(old & PTE_W) && (flags & PTE_W)) {
		/* Copy-on-write: the last user takes the frame as it is;
		 * otherwise this space gets its own copy. */
		pa = old & PTE_ADDR;
		if (frame_refs(pa) > 1) {
			uint64_t copy;
			if (frames_free_count() <= UVM_FRAME_RESERVE || !(copy = frame_alloc_raw()))
				return -ENOMEM;
			page_copy(phys_to_virt(copy), phys_to_virt(pa));
			frame_put(pa);            /* others still hold it */
			pa = copy;
			pages_in_use++;
			cow_copies++;
		}
		*e = leaf(pa, (old & (PTE_SHARED | (pa == (old & PTE_ADDR) ? PTE_FILE : 0))) | flags);
	}
	/* else: already what the region allows (another path filled it, or
	 * the TLB held an older entry): the flush below is all it needs.
	 * An entry that was not present is in no TLB: only this CPU's
	 * flush then (for an older entry it may have had), no shootdown. */
	if (old & PTE_P)
		flush(root, va);
	else if ((read_cr3() & PTE_ADDR) == root)
		invlpg(va);
	return 0;
}

size_t uvm_read(uint64_t root, uint64_t va, void *dst, size_t n)
{
	char *d = dst;
	size_t done = 0;

	while (done < n && va < USER_TOP) {
		uint64_t *e = pte(root, va, false);
		size_t in_page = PAGE_SIZE - (va & (PAGE_SIZE - 1)), chunk = n - done < in_page ? n - done : in_page;
		if (!e || !(*e & PTE_P))
			break;
		memcpy(d + done, (char *)phys_to_virt(*e & PTE_ADDR) + (va & (PAGE_SIZE - 1)), chunk);
		va += chunk, done += chunk;
	}
	return done;
}

/* Free the tables below entry e at `level` (4 = PML4 entry) and their pages. */
static void free_level(uint64_t e, int level)
{
	uint64_t *t = table(e);

	for (uint64_t i = next_used(t, 0, 512); i < 512; i = next_used(t, i + 1, 512)) {
		if (level > 2)
			free_level(t[i], level - 1);
		else
			release(&t[i]);               /* a user page */
	}
	frame_free(e & PTE_ADDR);
}

void uvm_destroy(uint64_t root)
{
	uint64_t *pml4 = phys_to_virt(root);

	for (uint64_t i = next_used(pml4, 0, USER_SLOTS); i < USER_SLOTS; i = next_used(pml4, i + 1, USER_SLOTS))
		free_level(pml4[i], 4);
	frame_free(root);
}

/* Share every user page under the table entry e (at `level`) of the
 * parent with dst, at the same addresses: shared memory and the kernel's
 * frames as they are, private pages copy-on-write (each entry, the
 * parent's too, loses its write right; the frame gains a reference).
 * va is the address the entry starts at. */
static int clone_level(uint64_t dst, uint64_t e, int level, uint64_t va)
{
	uint64_t *t = table(e), *dt = NULL;
	int shift = 12 + 9 * (level - 2);

	for (uint64_t i = next_used(t, 0, 512); i < 512; i = next_used(t, i + 1, 512)) {
		uint64_t a = va + (i << shift);
		if (level > 2) {
			if (clone_level(dst, t[i], level - 1, a) < 0)
				return -ENOMEM;
			continue;
		}
		if (!dt) {                            /* the child's leaf table, once for all 512 */
			uint64_t *d = pte(dst, a, true);
			if (!d)
				return -ENOMEM;
			dt = d - i;
		}
		if (!(t[i] & PTE_KFRAME))
			frame_get(t[i] & PTE_ADDR);
		if (!(t[i] & PTE_SHARED))
			t[i] &= ~PTE_W;               /* copy-on-write from now on */
		dt[i] = t[i];
	}
	return 0;
}

uint64_t uvm_clone(uint64_t root)
{
	uint64_t dst = uvm_create(), *pml4 = phys_to_virt(root);

	if (!dst)
		return 0;
	for (uint64_t i = next_used(pml4, 0, USER_SLOTS); i < USER_SLOTS; i = next_used(pml4, i + 1, USER_SLOTS)) {
		if (clone_level(dst, pml4[i], 4, i << 39) < 0) {
			uvm_destroy(dst);
			tlb_flush_all(root);          /* the parent's entries lost their write rights */
			return 0;
		}
	}
	tlb_flush_all(root);                          /* the same: drop the writable TLB entries, on every CPU */
	return dst;
}

uint64_t uvm_pages_in_use(void)
{
	return pages_in_use;
}

uint64_t uvm_cow_copies(void)
{
	return cow_copies;
}
