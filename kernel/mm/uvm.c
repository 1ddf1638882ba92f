/*
 * uvm.c - user address spaces (see mm/uvm.h).
 */
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/uvm.h"

#define USER_SLOTS 256                 /* PML4 entries 0..255: the user half */

static uint64_t pages_in_use;

static uint64_t *table(uint64_t entry) { return phys_to_virt(entry & PTE_ADDR); }

/* Flush va from the TLB when root is the live address space. */
static void flush(uint64_t root, uint64_t va)
{
	if ((read_cr3() & PTE_ADDR) == root)
		invlpg(va);
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

/* Count the present page entry e into u: every page, and data apart. */
static void tally(struct uvm_usage *u, uint64_t e)
{
	u->pages++;
	u->data += (e & (PTE_W | PTE_SHARED | PTE_STACK)) == PTE_W;
}

/* Drop the page entry e points at: free its frame unless it is shared;
 * count it into gone when given. */
static void release(uint64_t *e, struct uvm_usage *gone)
{
	if ((*e & PTE_P) && gone)
		tally(gone, *e);
	if ((*e & PTE_P) && !(*e & PTE_SHARED)) {
		frame_free(*e & PTE_ADDR);
		pages_in_use--;
	}
	*e = 0;
}

int uvm_map_shared(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags)
{
	uint64_t *e = pte(root, va, true);

	if (!e)
		return -ENOMEM;
	release(e, NULL);
	*e = pa | PTE_P | PTE_U | PTE_SHARED | (flags & (PTE_W | PTE_NX));
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
		release(e, NULL);
		*e = pa | PTE_P | PTE_U | (flags & (PTE_W | PTE_NX | PTE_STACK));
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
		uint64_t i = highest ? last - k : first + k, a = base + i * span;
		if (!(t[i] & PTE_P))
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

struct uvm_usage uvm_unmap(uint64_t root, uint64_t va, uint64_t len)
{
	struct uvm_usage gone = { 0, 0 };

	for (uint64_t a = uvm_find_mapped(root, va, va + len, false); a != ~0ULL;
	     a = uvm_find_mapped(root, a + PAGE_SIZE, va + len, false)) {
		release(pte(root, a, false), &gone);
		flush(root, a);
	}
	return gone;
}

struct uvm_usage uvm_count(uint64_t root, uint64_t va, uint64_t len)
{
	struct uvm_usage u = { 0, 0 };

	for (uint64_t a = uvm_find_mapped(root, va, va + len, false); a != ~0ULL;
	     a = uvm_find_mapped(root, a + PAGE_SIZE, va + len, false))
		tally(&u, *pte(root, a, false));
	return u;
}

uint64_t uvm_flags(uint64_t root, uint64_t va)
{
	uint64_t *e = pte(root, va, false);

	return e && (*e & PTE_P) ? *e & ~PTE_ADDR : 0;
}

bool uvm_range_free(uint64_t root, uint64_t va, uint64_t len)
{
	return uvm_find_mapped(root, va, va + len, false) == ~0ULL;
}

int uvm_write(uint64_t root, uint64_t va, const void *src, size_t n)
{
	const char *s = src;

	while (n > 0) {
		uint64_t *e = pte(root, va, false);
		size_t in_page = PAGE_SIZE - (va & (PAGE_SIZE - 1)), chunk = n < in_page ? n : in_page;
		if (!e || !(*e & PTE_P))
			return -EFAULT;
		memcpy((char *)phys_to_virt(*e & PTE_ADDR) + (va & (PAGE_SIZE - 1)), s, chunk);
		va += chunk, s += chunk, n -= chunk;
	}
	return 0;
}

/* Free the tables below entry e at `level` (4 = PML4 entry) and their
 * pages, counting the pages into gone. */
static void free_level(uint64_t e, int level, struct uvm_usage *gone)
{
	uint64_t *t = table(e);

	for (int i = 0; i < 512; i++) {
		if (!(t[i] & PTE_P))
			continue;
		if (level > 2)
			free_level(t[i], level - 1, gone);
		else
			release(&t[i], gone);         /* a user page */
	}
	frame_free(e & PTE_ADDR);
}

struct uvm_usage uvm_destroy(uint64_t root)
{
	uint64_t *pml4 = phys_to_virt(root);
	struct uvm_usage gone = { 0, 0 };

	for (int i = 0; i < USER_SLOTS; i++)
		if (pml4[i] & PTE_P)
			free_level(pml4[i], 4, &gone);
	frame_free(root);
	return gone;
}

/* Copy every user page under the table entry e (at `level`) into dst at the
 * same addresses. va is the address the entry starts at. */
static int clone_level(uint64_t dst, uint64_t e, int level, uint64_t va)
{
	uint64_t *t = table(e);
	int shift = 12 + 9 * (level - 2);

	for (uint64_t i = 0; i < 512; i++) {
		uint64_t a = va + (i << shift);
		if (!(t[i] & PTE_P))
			continue;
		if (level > 2) {
			if (clone_level(dst, t[i], level - 1, a) < 0)
				return -ENOMEM;
			continue;
		}
		if (t[i] & PTE_SHARED) {              /* the vDSO and vvar: the same frames */
			if (uvm_map_shared(dst, a, t[i] & PTE_ADDR, t[i]) < 0)
				return -ENOMEM;
			continue;
		}
		if (uvm_alloc(dst, a, PAGE_SIZE, t[i]) < 0)
			return -ENOMEM;
		memcpy(phys_to_virt(*pte(dst, a, false) & PTE_ADDR), phys_to_virt(t[i] & PTE_ADDR), PAGE_SIZE);
	}
	return 0;
}

uint64_t uvm_clone(uint64_t root)
{
	uint64_t dst = uvm_create(), *pml4 = phys_to_virt(root);

	if (!dst)
		return 0;
	for (uint64_t i = 0; i < USER_SLOTS; i++) {
		if ((pml4[i] & PTE_P) && clone_level(dst, pml4[i], 4, i << 39) < 0) {
			uvm_destroy(dst);
			return 0;
		}
	}
	return dst;
}

uint64_t uvm_pages_in_use(void)
{
	return pages_in_use;
}
