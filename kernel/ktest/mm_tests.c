/* mm_tests.c - frames, heap, and guarded stacks. */
#include "arch/trap.h"
#include "ktest.h"
#include "mm/pmm.h"

#define NFRAMES 2048

static uint64_t frames[NFRAMES];

/* True when [pa, pa+4096) overlaps something the loader handed over. */
static bool reserved(uint64_t pa)
{
	const uint64_t r[][2] = {
		{ boot->kernel_phys, boot->kernel_size },
		{ boot->initrd_base, boot->initrd_size },
		{ virt_to_phys(boot), PAGE_SIZE },
		{ boot->mem_map, boot->mem_map_count * sizeof(struct bi_mem_region) },
	};
	for (size_t i = 0; i < 4; i++)
		if (r[i][1] && pa < r[i][0] + r[i][1] && r[i][0] < pa + PAGE_SIZE)
			return true;
	return false;
}

/* True when the frame lies wholly inside one usable region. */
static bool usable(uint64_t pa)
{
	const struct bi_mem_region *m = phys_to_virt(boot->mem_map);

	for (uint64_t i = 0; i < boot->mem_map_count; i++)
		if (m[i].type == BI_MEM_USABLE && pa >= m[i].base && pa + PAGE_SIZE <= m[i].base + m[i].length)
			return true;
	return false;
}

void test_frames_alloc_free(void)
{
	uint64_t before = frames_free_count();

	for (int i = 0; i < NFRAMES; i++) {
		frames[i] = frame_alloc();
		KT_CHECK(frames[i] != 0 && frames[i] % PAGE_SIZE == 0);
		uint64_t *p = phys_to_virt(frames[i]);
		KT_CHECK(p[0] == 0 && p[511] == 0);          /* handed out zeroed */
		p[0] = frames[i];                             /* and writable */
	}
	KT_CHECK(frames_free_count() == before - NFRAMES);
	for (int i = 0; i < NFRAMES; i++)                 /* all distinct: no frame given twice */
		KT_CHECK(*(uint64_t *)phys_to_virt(frames[i]) == frames[i]);
	for (int i = 0; i < NFRAMES; i++)
		frame_free(frames[i]);
	KT_CHECK(frames_free_count() == before);
}

void test_frames_never_reserved(void)
{
	for (int i = 0; i < NFRAMES; i++) {
		frames[i] = frame_alloc();
		KT_CHECK(frames[i] >= PMM_LOW_RESERVED);
		KT_CHECK(usable(frames[i]) && !reserved(frames[i]));
	}
	for (int i = 0; i < NFRAMES; i++)
		frame_free(frames[i]);
}

/* A small LCG: the same pseudo-random sequence on every run. */
static uint64_t rng = 12345;
static uint32_t rnd(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return rng >> 33;
}

#define LIVE 256

static struct {
	uint8_t *p;
	size_t n;
	uint8_t tag;
} live[LIVE];

/* One round of random kmalloc/kfree with every byte checked; false on corruption. */
static bool heap_round(int iterations)
{
	for (int it = 0; it < iterations; it++) {
		int s = rnd() % LIVE;
		if (live[s].p) {
			for (size_t i = 0; i < live[s].n; i++)
				if (live[s].p[i] != (uint8_t)(live[s].tag + i))
					return false;
			kfree(live[s].p);
			live[s].p = NULL;
		} else {
			size_t n = 1 + rnd() % (rnd() % 8 ? 512 : 9000);
			live[s].p = kmalloc(n);
			if (!live[s].p || ((uint64_t)live[s].p & 15))
				return false;
			live[s].n = n;
			live[s].tag = rnd();
			for (size_t i = 0; i < n; i++)
				live[s].p[i] = live[s].tag + i;
		}
	}
	for (int s = 0; s < LIVE; s++) {
		kfree(live[s].p);
		live[s].p = NULL;
	}
	return true;
}

void test_heap_stress(void)
{
	KT_CHECK(heap_round(20000));
	uint64_t after_first = frames_free_count();
	/* The same workload again must be served from what the first round freed. */
	rng = 12345;
	KT_CHECK(heap_round(20000));
	KT_CHECK(frames_free_count() == after_first);
	KT_CHECK(kmalloc(1ULL << 50) == NULL);
}

void test_heap_large(void)
{
	uint64_t before = frames_free_count();
	uint8_t *p = kmalloc(1 << 20);

	KT_CHECK(p != NULL);
	memset(p, 0xab, 1 << 20);
	KT_CHECK(frames_free_count() < before - 255);
	kfree(p);
	KT_CHECK(frames_free_count() == before);
}

void test_stack_guard_page(void)
{
	uint64_t top = kstack_alloc(2);
	uint64_t guard = top - 3 * PAGE_SIZE;
	uint64_t before = last_fixup.count;

	KT_CHECK(vmm_translate(top - 1) != ~0ULL);
	KT_CHECK(vmm_translate(top - 2 * PAGE_SIZE) != ~0ULL);
	KT_CHECK(vmm_translate(guard) == ~0ULL);
	KT_CHECK(vmm_flags(top - 1) & PTE_NX);
	/* Running off the bottom of the stack faults instead of scribbling. */
	__asm__ volatile("1: movq $1, (%0)\n2:\n" EX_TABLE(1b, 2b) : : "r"(guard + PAGE_SIZE - 8) : "memory");
	KT_CHECK(last_fixup.count == before + 1 && last_fixup.vector == 14);
	KT_CHECK(last_fixup.cr2 == guard + PAGE_SIZE - 8);
}
