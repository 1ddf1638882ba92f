/*
 * vmm.c - the kernel's own page tables, replacing the loader's.
 *
 *   0xffff800000000000  direct map of physical memory, RW NX (2 MiB or 1 GiB pages)
 *   0xffffe00000000000  kernel stacks, each with an unmapped guard page below
 *   0xffffffff80000000  kernel image: text R X, rodata R NX, data+bss RW NX
 *
 * Every upper-half PML4 slot gets its PDPT here and never changes after, so
 * address spaces made later can share the kernel half by copying 256 entries.
 */
#include "arch/cpu.h"
#include "kernel.h"
#include "mm/pmm.h"

#define KSTACK_BASE 0xffffe00000000000ULL

extern const char __kernel_start[], __text_end[], __rodata_end[], __kernel_end[];

static uint64_t *pml4;                 /* direct-map address */
static uint64_t kernel_phys;
static uint64_t kstack_next = KSTACK_BASE;

/* The table under entry e, made (zeroed, with rights tflags) when missing and create is set. */
static uint64_t *next_table(uint64_t *e, bool create, uint64_t tflags)
{
	if (!(*e & PTE_P)) {
		uint64_t pa;
		if (!create || !(pa = frame_alloc()))
			return NULL;
		*e = pa | PTE_P | tflags;      /* leaf entries decide the real rights */
	}
	return phys_to_virt(*e & PTE_ADDR);
}

uint64_t *pt_walk(uint64_t *root, uint64_t va, int level, bool create, uint64_t tflags)
{
	uint64_t *t = root;

	for (int l = 4; l > level; l--) {
		uint64_t *e = &t[(va >> (12 + 9 * (l - 1))) & 511];
		if ((*e & PTE_P) && (*e & PTE_PS))
			return NULL;               /* a large page is in the way */
		if (!(t = next_table(e, create, tflags)))
			return NULL;
	}
	return &t[(va >> (12 + 9 * (level - 1))) & 511];
}

/* Entry for va at `level` in the kernel's tables, or NULL. */
static uint64_t *walk(uint64_t va, int level, bool create)
{
	return pt_walk(pml4, va, level, create, PTE_W);
}

uint64_t *vmm_kernel_root(void)
{
	return pml4;
}

int vmm_map(uint64_t va, uint64_t pa, uint64_t flags)
{
	uint64_t *pte = walk(va, 1, true);

	if (!pte)
		return -1;
	*pte = (pa & PTE_ADDR) | flags | PTE_P;
	invlpg(va);
	return 0;
}

uint64_t vmm_translate(uint64_t va)
{
	uint64_t *t = pml4;

	if (!t)
		return ~0ULL;                 /* before vmm_init (an early panic) */

	for (int l = 4; l >= 1; l--) {
		int shift = 12 + 9 * (l - 1);
		uint64_t e = t[(va >> shift) & 511];
		if (!(e & PTE_P))
			return ~0ULL;
		if (l == 1 || (e & PTE_PS))
			return (e & PTE_ADDR & ~((1ULL << shift) - 1)) | (va & ((1ULL << shift) - 1));
		t = phys_to_virt(e & PTE_ADDR);
	}
	return ~0ULL;
}

/* Map the direct map over [0, top) with the largest pages the CPU has. */
static void map_direct(uint64_t top)
{
	uint64_t big = cpu.pdpe1gb ? 1ULL << 30 : 1ULL << 21;
	int level = cpu.pdpe1gb ? 3 : 2;

	for (uint64_t pa = 0; pa < top; pa += big) {
		uint64_t *e = walk(DIRECT_MAP_BASE + pa, level, true);
		if (!e)
			panic("vmm: out of memory building the direct map");
		*e = pa | PTE_P | PTE_W | PTE_PS | PTE_G | (cpu.nx ? PTE_NX : 0);
	}
}

/* Map kernel image pages [from, to) with the given rights. */
static void map_image(const char *from, const char *to, uint64_t flags)
{
	for (uint64_t va = (uint64_t)from; va < (uint64_t)to; va += PAGE_SIZE)
		if (vmm_map(va, kernel_phys + (va - KERNEL_VBASE), flags | PTE_G) < 0)
			panic("vmm: out of memory mapping the kernel");
}

void vmm_init(const struct boot_info *bi)
{
	const struct bi_mem_region *map = phys_to_virt(bi->mem_map);
	uint64_t top = 4ULL << 30, nx = cpu.nx ? PTE_NX : 0;

	/* Cover all RAM-like memory, the low 4 GiB (LAPIC, IOAPIC) and the framebuffer. */
	for (uint64_t i = 0; i < bi->mem_map_count; i++)
		if (map[i].type != BI_MEM_MMIO && map[i].base + map[i].length > top)
			top = map[i].base + map[i].length;
	if (bi->fb.base && bi->fb.base + bi->fb.size > top)
		top = bi->fb.base + bi->fb.size;
	top = (top + (1ULL << 30) - 1) & ~((1ULL << 30) - 1);

	kernel_phys = bi->kernel_phys;
	uint64_t root = frame_alloc();
	if (!root)
		panic("vmm: out of memory for the PML4");
	pml4 = phys_to_virt(root);
	for (int i = 256; i < 512; i++)
		if (!next_table(&pml4[i], true, PTE_W))
			panic("vmm: out of memory for kernel PDPTs");

	map_direct(top);
	map_image(__kernel_start, __text_end, 0);                /* R X */
	map_image(__text_end, __rodata_end, nx);                 /* R   */
	map_image(__rodata_end, __kernel_end, PTE_W | nx);       /* R W */
	write_cr3(virt_to_phys(pml4));
	kprintf("vmm: own page tables: direct map of %lu GiB (%s pages), text RX, rodata R, data RW%s\n",
		top >> 30, cpu.pdpe1gb ? "1 GiB" : "2 MiB", nx ? " NX" : "");
}

/* Freed stacks, kept mapped for reuse: each holds its size and the next one
 * in its lowest words (a stack never shrinks below its own bottom). */
struct free_kstack {
	struct free_kstack *next;
	size_t pages;
};
static struct free_kstack *free_kstacks;

uint64_t kstack_try_alloc(size_t pages)
{
	for (struct free_kstack **pp = &free_kstacks; *pp; pp = &(*pp)->next) {
		struct free_kstack *f = *pp;
		if (f->pages == pages) {
			*pp = f->next;
			return (uint64_t)f + pages * PAGE_SIZE;
		}
	}

	uint64_t base = kstack_next + PAGE_SIZE;     /* the page at kstack_next is the guard */

	for (size_t i = 0; i < pages; i++) {
		uint64_t pa = frame_alloc();
		if (!pa || vmm_map(base + i * PAGE_SIZE, pa, PTE_W | (cpu.nx ? PTE_NX : 0) | PTE_G) < 0) {
			if (pa)
				frame_free(pa);
			while (i-- > 0) {                    /* give back what we got */
				uint64_t va = base + i * PAGE_SIZE;
				frame_free(vmm_translate(va));
				*walk(va, 1, false) = 0;
				invlpg(va);
			}
			return 0;
		}
	}
	kstack_next = base + pages * PAGE_SIZE;
	return kstack_next;
}

uint64_t kstack_alloc(size_t pages)
{
	uint64_t top = kstack_try_alloc(pages);

	if (!top)
		panic("kstack_alloc: out of memory");
	return top;
}

void kstack_free(uint64_t top, size_t pages)
{
	struct free_kstack *f = (struct free_kstack *)(top - pages * PAGE_SIZE);

	f->pages = pages;
	f->next = free_kstacks;
	free_kstacks = f;
}

uint64_t vmm_flags(uint64_t va)
{
	uint64_t *t = pml4;

	if (!t)
		return 0;                 /* before vmm_init (an early panic) */

	for (int l = 4; l >= 1; l--) {
		uint64_t e = t[(va >> (12 + 9 * (l - 1))) & 511];
		if (!(e & PTE_P))
			return 0;
		if (l == 1 || (e & PTE_PS))
			return e & ~PTE_ADDR;
		t = phys_to_virt(e & PTE_ADDR);
	}
	return 0;
}
