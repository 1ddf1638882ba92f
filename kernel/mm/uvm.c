/*
 * uvm.c - user address spaces (see mm/uvm.h).
 *
 * A user page entry is "mapped" when it is present, when it is a PROT_NONE
 * page (PTE_PROTNONE, not present: every access faults, the frame is kept
 * for a later mprotect), or when it has no frame yet (PTE_LAZY, after
 * MADV_DONTNEED: the first touch gets a zeroed one, uvm_fill). Every frame
 * a space maps holds one reference (frames.c) per entry, except the
 * kernel's own (PTE_KFRAME).
 */
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/uvm.h"

#define USER_SLOTS 256                 /* PML4 entries 0..255: the user half */

static uint64_t pages_in_use;

static uint64_t *table(uint64_t entry) { return phys_to_virt(entry & PTE_ADDR); }

static bool mapped(uint64_t e) { return e & (PTE_P | PTE_PROTNONE | PTE_LAZY); }

/* The leaf entry for frame pa with the rights and marks in flags: present
 * unless PTE_PROTNONE (which also takes the write right away) or PTE_LAZY
 * (no frame yet: the rights wait for one). */
static uint64_t leaf(uint64_t pa, uint64_t flags)
{
	flags &= PTE_W | PTE_NX | PTE_STACK | PTE_SHARED | PTE_PROTNONE | PTE_KFRAME | PTE_LAZY;
	if (flags & PTE_PROTNONE)
		return pa | PTE_U | (flags & ~PTE_W);
	if (flags & PTE_LAZY)
		return pa | PTE_U | flags;
	return pa | PTE_U | PTE_P | flags;
}

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

/* Drop the page entry e points at and its reference to the frame (the
 * frame goes with the last); count it into gone when given. */
static void release(uint64_t *e, struct uvm_usage *gone)
{
	if (mapped(*e)) {
		if (gone)
			tally(gone, *e);
		if (!(*e & PTE_KFRAME) && (*e & PTE_ADDR) && frame_put(*e & PTE_ADDR))
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
	*e = leaf(pa, (flags & (PTE_W | PTE_NX)) | PTE_SHARED | PTE_KFRAME);
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
		*e = leaf(pa, flags & ~(PTE_KFRAME | PTE_LAZY));
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
	if (va >= USER_TOP)
		return 0;                        /* the kernel's half is no user's page */
	uint64_t *e = pte(root, va, false);

	return e && mapped(*e) ? *e & ~PTE_ADDR : 0;
}

void uvm_protect(uint64_t root, uint64_t va, uint64_t rights)
{
	uint64_t *e = pte(root, va, false);

	*e = leaf(*e & PTE_ADDR, (*e & (PTE_STACK | PTE_SHARED | PTE_KFRAME | PTE_LAZY)) | rights);
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

void uvm_discard(uint64_t root, uint64_t va)
{
	uint64_t *e = pte(root, va, false);

	if ((*e & (PTE_SHARED | PTE_KFRAME)) || !(*e & PTE_ADDR))
		return;                          /* shared, the kernel's, or no frame already */
	if (frame_put(*e & PTE_ADDR))
		pages_in_use--;
	*e = leaf(0, (*e & (PTE_W | PTE_NX | PTE_STACK | PTE_PROTNONE)) | PTE_LAZY);
	flush(root, va);
}

bool uvm_fill(uint64_t root, uint64_t va)
{
	uint64_t *e, pa;

	if (va >= USER_TOP || !(e = pte(root, va & ~(PAGE_SIZE - 1), false)))
		return false;
	if (!(*e & PTE_LAZY) || (*e & PTE_PROTNONE) || !(pa = frame_alloc()))
		return false;                    /* nothing to fill, no access, or no memory */
	*e = leaf(pa, *e & ~PTE_LAZY);
	pages_in_use++;
	flush(root, va);
	return true;
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
		if (!e || !mapped(*e) || ((*e & PTE_LAZY) && !uvm_fill(root, va)))
			return -EFAULT;
		memcpy((char *)phys_to_virt(*e & PTE_ADDR) + (va & (PAGE_SIZE - 1)), s, chunk);
		va += chunk, s += chunk, n -= chunk;
	}
	return 0;
}

size_t uvm_read(uint64_t root, uint64_t va, void *dst, size_t n)
{
	char *d = dst;
	size_t done = 0;

	while (done < n && va < USER_TOP) {
		uint64_t *e = pte(root, va, false);
		size_t in_page = PAGE_SIZE - (va & (PAGE_SIZE - 1)), chunk = n - done < in_page ? n - done : in_page;
		if (!e || !mapped(*e) || (*e & PTE_PROTNONE))
			break;
		if (*e & PTE_LAZY)
			memset(d + done, 0, chunk);
		else
			memcpy(d + done, (char *)phys_to_virt(*e & PTE_ADDR) + (va & (PAGE_SIZE - 1)), chunk);
		va += chunk, done += chunk;
	}
	return done;
}

/* The bits that must agree along a run of uvm_next_run. */
#define RUN_BITS (PTE_W | PTE_NX | PTE_PROTNONE | PTE_STACK | PTE_SHARED | PTE_KFRAME)

bool uvm_next_run(uint64_t root, uint64_t va, uint64_t hi, struct uvm_run *run)
{
	uint64_t a = uvm_find_mapped(root, va, hi, false), first;

	if (a == ~0ULL)
		return false;
	first = *pte(root, a, false);
	*run = (struct uvm_run){ a, a + PAGE_SIZE, first & ~PTE_ADDR, first & PTE_ADDR };
	for (;;) {
		uint64_t *e = run->end < hi ? pte(root, run->end, false) : NULL;
		uint64_t npages = (run->end - run->start) / PAGE_SIZE;
		if (!e || !mapped(*e) || ((*e ^ first) & RUN_BITS))
			break;
		if ((first & PTE_KFRAME) && (*e & PTE_ADDR) != run->pa + npages * PAGE_SIZE)
			break;
		run->end += PAGE_SIZE;
	}
	return true;
}

/* Free the tables below entry e at `level` (4 = PML4 entry) and their
 * pages, counting the pages into gone. */
static void free_level(uint64_t e, int level, struct uvm_usage *gone)
{
	uint64_t *t = table(e);

	for (int i = 0; i < 512; i++) {
		if (level > 2 && (t[i] & PTE_P))
			free_level(t[i], level - 1, gone);
		else if (level == 2)
			release(&t[i], gone);         /* a user page (or nothing) */
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

/* Copy every private user page under the table entry e (at `level`) into
 * dst at the same addresses, and map the shared ones there too. va is the
 * address the entry starts at. */
static int clone_level(uint64_t dst, uint64_t e, int level, uint64_t va)
{
	uint64_t *t = table(e);
	int shift = 12 + 9 * (level - 2);

	for (uint64_t i = 0; i < 512; i++) {
		uint64_t a = va + (i << shift);
		if (level > 2) {
			if ((t[i] & PTE_P) && clone_level(dst, t[i], level - 1, a) < 0)
				return -ENOMEM;
			continue;
		}
		if (!mapped(t[i]))
			continue;
		if ((t[i] & PTE_SHARED) || !(t[i] & PTE_ADDR)) {
			/* shared memory, the vDSO: the same frame; a page with
			 * no frame yet: the same promise of zeros */
			uint64_t *d = pte(dst, a, true);
			if (!d)
				return -ENOMEM;
			if (!(t[i] & PTE_KFRAME) && (t[i] & PTE_ADDR))
				frame_get(t[i] & PTE_ADDR);
			*d = t[i];
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

void uvm_share(uint64_t root)
{
	frame_get(root);
}

bool uvm_unshare(uint64_t root)
{
	if (frame_refs(root) == 1)
		return false;
	frame_put(root);
	return true;
}

uint64_t uvm_pages_in_use(void)
{
	return pages_in_use;
}
