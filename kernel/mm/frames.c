/*
 * frames.c - the kernel's physical frame allocator: pmm.c's bookkeeping over
 * the boot memory map, with the bitmap placed in free RAM and everything the
 * loader handed over (kernel, initrd, boot_info, memory map) kept out.
 *
 * Each frame in use also has a reference count (beside the bitmap, one
 * 16-bit counter per frame, kept by mm/frame_refs.c): frame_alloc() starts
 * it at 1, frame_get() adds a user (a page entry in another address space
 * after fork), frame_put() drops one and frees the frame with the last.
 * Misuse (a count that would wrap, a put or get on a free frame) panics.
 */
#include "kernel.h"
#include "mm/frame_refs.h"
#include "mm/pmm.h"

static struct pmm pmm;
static uint64_t total;
static uint16_t *refs;                   /* per frame below top; 0 for free frames */

void frames_init(const struct boot_info *bi)
{
	const struct bi_mem_region *map = phys_to_virt(bi->mem_map);
	size_t n = bi->mem_map_count;
	struct pmm_range res[5] = {
		{ bi->kernel_phys, bi->kernel_size },
		{ bi->initrd_base, bi->initrd_size },
		{ virt_to_phys(bi), PAGE_SIZE },          /* boot_info + cmdline */
		{ bi->mem_map, n * sizeof(*map) },
	};
	size_t nres = 4;
	uint64_t top = pmm_usable_top(map, n);
	uint64_t bytes = pmm_bitmap_bytes(top), nref = top / PAGE_SIZE * sizeof(*refs);
	uint64_t bm = pmm_find_space(map, n, res, nres, bytes + nref);

	if (!bm)
		panic("frames: no room for a %lu-byte frame bitmap", bytes + nref);
	res[nres++] = (struct pmm_range){ bm, bytes + nref };
	pmm_init(&pmm, phys_to_virt(bm), top, map, n, res, nres);
	refs = phys_to_virt(bm + bytes);
	memset(refs, 0, nref);
	total = pmm.nfree;
	kprintf("frames: %lu MiB free in %lu frames below 0x%lx; bitmap %lu KiB at 0x%lx\n",
		pmm.nfree * PAGE_SIZE >> 20, pmm.nfree, top, bytes >> 10, bm);
}

void page_zero(void *page)
{
	uint64_t n = PAGE_SIZE / 8;

	__asm__ volatile("rep stosq" : "+D"(page), "+c"(n) : "a"(0ULL) : "memory");
}

void page_copy(void *dst, const void *src)
{
	uint64_t n = PAGE_SIZE / 8;

	__asm__ volatile("rep movsq" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

uint64_t frame_alloc_raw(void)
{
	return fref_alloc(&pmm, refs);
}

uint64_t frame_alloc(void)
{
	uint64_t pa = frame_alloc_raw();

	if (pa)
		page_zero(phys_to_virt(pa));
	return pa;
}

uint64_t frame_alloc_contig(uint64_t count)
{
	return pmm_alloc_contig(&pmm, count, PAGE_SIZE);
}

void frame_free(uint64_t pa)
{
	if (fref_free(&pmm, refs, pa) < 0)
		panic("frame_free: bad or double free of 0x%lx", pa);
}

void frame_get(uint64_t pa)
{
	int r = fref_get(&pmm, refs, pa);

	if (r < 0)
		panic("frame_get: 0x%lx: %s (%u references)", pa, fref_error(r), frame_refs(pa));
}

bool frame_put(uint64_t pa)
{
	int r = fref_put(&pmm, refs, pa);

	if (r < 0)
		panic("frame_put: 0x%lx: %s", pa, fref_error(r));
	return r > 0;
}

unsigned frame_refs(uint64_t pa) { return fref_count(&pmm, refs, pa); }

uint64_t frames_free_count(void) { return pmm.nfree; }
uint64_t frames_total(void) { return total; }
