/*
 * heap.c - kmalloc/kfree.
 *
 * Small requests come from nine size classes (32..8192 bytes including a
 * 16-byte header), carved from whole frames (two for the 8192 class, so
 * that a PATH_MAX buffer is a free-list pop, not a frame search) reached
 * through the direct map and kept on per-class free lists. Larger ones
 * take contiguous frames and give them back on kfree. The header's magic
 * catches double frees and stray pointers.
 */
#include "kernel.h"
#include "mm/pmm.h"

#define MAGIC_USED  0x75736564u /* "used" */
#define MAGIC_FREE  0x66726565u /* "free" */
#define MAGIC_LARGE 0x6c617267u /* "larg" */
#define NCLASS 9                /* 32 .. 8192 bytes: a PATH_MAX buffer fits the last */

struct hdr {                    /* 16 bytes: payloads stay 16-byte aligned */
	uint32_t magic;
	uint32_t cls;           /* size class index, small blocks */
	uint64_t npages;        /* frames, large blocks */
};

struct free_block {
	struct hdr h;
	struct free_block *next;
};

static struct free_block *free_list[NCLASS];

static size_t class_size(int c) { return 32u << c; }

/* Cut a fresh frame into blocks of class c; false when out of memory. */
static bool refill(int c)
{
	size_t sz = class_size(c), span = sz > PAGE_SIZE ? sz : PAGE_SIZE;
	uint64_t pa = sz > PAGE_SIZE ? frame_alloc_contig(sz / PAGE_SIZE) : frame_alloc();

	if (!pa)
		return false;
	for (size_t off = 0; off + sz <= span; off += sz) {
		struct free_block *b = (struct free_block *)((char *)phys_to_virt(pa) + off);
		b->h = (struct hdr){ MAGIC_FREE, c, 0 };
		b->next = free_list[c];
		free_list[c] = b;
	}
	return true;
}

void *kmalloc(size_t n)
{
	size_t need = n + sizeof(struct hdr);
	struct hdr *h;

	if (n > (1ULL << 40))
		return NULL;            /* absurd: and keeps `need` from wrapping */
	for (int c = 0; c < NCLASS; c++) {
		if (need > class_size(c))
			continue;
		if (!free_list[c] && !refill(c))
			return NULL;
		struct free_block *b = free_list[c];
		free_list[c] = b->next;
		b->h.magic = MAGIC_USED;
		return &b->h + 1;
	}
	uint64_t pages = (need + PAGE_SIZE - 1) / PAGE_SIZE;
	uint64_t pa = frame_alloc_contig(pages);
	if (!pa)
		return NULL;
	h = phys_to_virt(pa);
	*h = (struct hdr){ MAGIC_LARGE, 0, pages };
	return h + 1;
}

void *kzalloc(size_t n)
{
	void *p = kmalloc(n);

	if (p)
		memset(p, 0, n);
	return p;
}

void kfree(void *p)
{
	struct hdr *h = (struct hdr *)p - 1;

	if (!p)
		return;
	switch (h->magic) {
	case MAGIC_USED: {
		struct free_block *b = (struct free_block *)h;
		if (h->cls >= NCLASS)
			panic("kfree: corrupt header at %p", p);
		h->magic = MAGIC_FREE;
		b->next = free_list[h->cls];
		free_list[h->cls] = b;
		break;
	}
	case MAGIC_LARGE: {
		uint64_t pa = virt_to_phys(h);
		h->magic = MAGIC_FREE;  /* a second kfree now panics as a double free */
		for (uint64_t i = 0; i < h->npages; i++)
			frame_free(pa + i * PAGE_SIZE);
		break;
	}
	case MAGIC_FREE:
		panic("kfree: double free of %p", p);
	default:
		panic("kfree: %p was not allocated by kmalloc", p);
	}
}
