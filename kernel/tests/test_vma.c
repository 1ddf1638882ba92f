/*
 * test_vma.c - host tests for mm/vma.c, the region list: insert and its
 * merges, remove and set_flags with their cuts, the look-ups, the usage
 * counts, the free-area search with the stack's guard gap, copy and
 * clear, and node allocation failing part way (the list must then be as
 * it was, and no node leak).
 */
#include <stdint.h>
#include <stdlib.h>

#include "api/errno.h"
#include "check.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "mm/vma.h"

#define P 0x1000ULL
#define RW (PTE_W | PTE_NX)
#define RO PTE_NX
#define STK (PTE_W | PTE_NX | PTE_STACK | VMA_GROWSDOWN)

/* Node storage for vma.c: malloc, counted, and made to fail on the Nth
 * call from when fail_in is set (1: the very next one). */
static int live, fail_in;

struct vma *vma_node_new(void)
{
	if (fail_in > 0 && --fail_in == 0)
		return NULL;
	live++;
	return malloc(sizeof(struct vma));
}

void vma_node_free(struct vma *v)
{
	live--;
	free(v);
}

/* Does the list read start, end, flags, ... for n regions? Prints it when not. */
static int is(const struct vma *h, int n, const uint64_t *want)
{
	int i = 0, ok = 1;
	const struct vma *v;

	for (v = h; v && i < n; v = v->next, i++)
		if (v->start != want[3 * i] || v->end != want[3 * i + 1] || v->flags != want[3 * i + 2])
			ok = 0;
	if (v || i != n)
		ok = 0;
	if (!ok)
		for (v = h; v; v = v->next)
			printf("  [0x%llx, 0x%llx) flags 0x%llx\n", (unsigned long long)v->start,
			       (unsigned long long)v->end, (unsigned long long)v->flags);
	return ok;
}
#define IS(h, ...) is(h, (int)(sizeof((uint64_t[]){ __VA_ARGS__ }) / sizeof(uint64_t) / 3), \
		      (uint64_t[]){ __VA_ARGS__ })
#define EMPTY(h) CHECK((h) == NULL)

static void test_insert(void)
{
	struct vma *h = NULL;

	CHECK_EQ(vma_insert(&h, 10 * P, 12 * P, RW), 0);
	CHECK(IS(h, 10 * P, 12 * P, RW));
	CHECK_EQ(vma_insert(&h, 12 * P, 13 * P, RW), 0);         /* merges below */
	CHECK(IS(h, 10 * P, 13 * P, RW));
	CHECK_EQ(vma_insert(&h, 8 * P, 10 * P, RW), 0);          /* merges above */
	CHECK(IS(h, 8 * P, 13 * P, RW));
	CHECK_EQ(live, 1);
	CHECK_EQ(vma_insert(&h, 13 * P, 14 * P, RO), 0);         /* touches, other flags: its own */
	CHECK_EQ(vma_insert(&h, 4 * P, 8 * P, RW | PTE_SHARED), 0);
	CHECK(IS(h, 4 * P, 8 * P, RW | PTE_SHARED, 8 * P, 13 * P, RW, 13 * P, 14 * P, RO));
	CHECK_EQ(vma_insert(&h, 20 * P, 22 * P, RO), 0);         /* a hole between */
	CHECK_EQ(vma_insert(&h, 16 * P, 18 * P, RO), 0);
	CHECK(IS(h, 4 * P, 8 * P, RW | PTE_SHARED, 8 * P, 13 * P, RW, 13 * P, 14 * P, RO,
		 16 * P, 18 * P, RO, 20 * P, 22 * P, RO));
	CHECK_EQ(vma_insert(&h, 14 * P, 16 * P, RO), 0);         /* both sides: three become one */
	CHECK(IS(h, 4 * P, 8 * P, RW | PTE_SHARED, 8 * P, 13 * P, RW, 13 * P, 18 * P, RO, 20 * P, 22 * P, RO));
	CHECK_EQ(live, 4);
	CHECK_EQ(vma_insert(&h, 18 * P, 20 * P, RO), 0);
	CHECK(IS(h, 4 * P, 8 * P, RW | PTE_SHARED, 8 * P, 13 * P, RW, 13 * P, 22 * P, RO));
	CHECK_EQ(live, 3);
	CHECK_EQ(vma_insert(&h, 1 * P, 2 * P, RW), 0);           /* a new head */
	CHECK_EQ(vma_insert(&h, 30 * P, 31 * P, RW), 0);         /* a new tail */
	CHECK(IS(h, 1 * P, 2 * P, RW, 4 * P, 8 * P, RW | PTE_SHARED, 8 * P, 13 * P, RW,
		 13 * P, 22 * P, RO, 30 * P, 31 * P, RW));

	fail_in = 1;                                              /* a new node fails: nothing changes */
	CHECK_EQ(vma_insert(&h, 40 * P, 41 * P, RW), -ENOMEM);
	CHECK_EQ(vma_insert(&h, 31 * P, 32 * P, RW), 0);         /* a merge needs no node */
	fail_in = 0;
	CHECK(IS(h, 1 * P, 2 * P, RW, 4 * P, 8 * P, RW | PTE_SHARED, 8 * P, 13 * P, RW,
		 13 * P, 22 * P, RO, 30 * P, 32 * P, RW));
	vma_clear(&h);
	EMPTY(h);
	CHECK_EQ(live, 0);
}

static void test_lookup(void)
{
	struct vma *h = NULL;

	vma_insert(&h, 4 * P, 8 * P, RW);
	vma_insert(&h, 10 * P, 12 * P, RO);
	vma_insert(&h, 12 * P, 13 * P, RW);
	struct vma *a = h, *b = h->next, *c = b->next;

	CHECK(vma_find(h, 0) == a);
	CHECK(vma_find(h, 7 * P + 5) == a);
	CHECK(vma_find(h, 8 * P) == b);                           /* end is not inside */
	CHECK(vma_find(h, 12 * P) == c);
	CHECK(vma_find(h, 13 * P) == NULL);
	CHECK(vma_find(NULL, 0) == NULL);
	CHECK(vma_at(h, 4 * P) == a);
	CHECK(vma_at(h, 3 * P) == NULL);
	CHECK(vma_at(h, 8 * P) == NULL);                          /* the hole */
	CHECK(vma_at(h, 9 * P + 7) == NULL);
	CHECK(vma_at(h, 10 * P) == b);
	CHECK(vma_at(h, 12 * P + P - 1) == c);
	CHECK(vma_at(h, 13 * P) == NULL);
	CHECK(vma_prev(h, a) == NULL);
	CHECK(vma_prev(h, b) == a);
	CHECK(vma_prev(h, c) == b);
	CHECK(vma_range_free(h, 0, 4 * P));
	CHECK(!vma_range_free(h, 0, 4 * P + 1));
	CHECK(vma_range_free(h, 8 * P, 10 * P));
	CHECK(!vma_range_free(h, 8 * P, 11 * P));
	CHECK(!vma_range_free(h, 7 * P, 9 * P));
	CHECK(!vma_range_free(h, 11 * P, 12 * P));
	CHECK(vma_range_free(h, 13 * P, 100 * P));
	CHECK(vma_range_free(NULL, 0, ~0ULL));
	vma_clear(&h);
}

static void test_usage(void)
{
	struct vma *h = NULL;
	struct vm_usage u;

	vma_insert(&h, 4 * P, 8 * P, RW);                        /* data */
	vma_insert(&h, 8 * P, 10 * P, RO);                       /* not writable: not data */
	vma_insert(&h, 10 * P, 12 * P, RW | PTE_SHARED);         /* shared: not data */
	vma_insert(&h, 20 * P, 24 * P, STK);                     /* the stack: not data */
	vma_insert(&h, 30 * P, 31 * P, PTE_W);                   /* data (no NX) */
	u = vma_usage(h, 0, ~0ULL);
	CHECK_EQ(u.pages, 13);
	CHECK_EQ(u.data, 5);
	u = vma_usage(h, 6 * P, 11 * P);                         /* clipped at both ends */
	CHECK_EQ(u.pages, 5);
	CHECK_EQ(u.data, 2);
	u = vma_usage(h, 12 * P, 20 * P);                        /* only a hole */
	CHECK_EQ(u.pages, 0);
	CHECK_EQ(u.data, 0);
	u = vma_usage(NULL, 0, ~0ULL);
	CHECK_EQ(u.pages, 0);
	CHECK(vma_is_data(RW) && vma_is_data(PTE_W) && !vma_is_data(RO) && !vma_is_data(STK) &&
	      !vma_is_data(RW | PTE_SHARED) && !vma_is_data(PTE_PROTNONE));
	vma_clear(&h);
}

static void test_remove(void)
{
	struct vma *h = NULL;
	struct vm_usage g = { 99, 99 };

	vma_insert(&h, 4 * P, 16 * P, RW);
	CHECK_EQ(vma_remove(&h, 4 * P, 16 * P, &g), 0);          /* whole */
	EMPTY(h);
	CHECK_EQ(g.pages, 12);
	CHECK_EQ(g.data, 12);
	CHECK_EQ(live, 0);

	vma_insert(&h, 4 * P, 16 * P, RW);
	CHECK_EQ(vma_remove(&h, 6 * P, 9 * P, &g), 0);           /* a middle part: split in two */
	CHECK(IS(h, 4 * P, 6 * P, RW, 9 * P, 16 * P, RW));
	CHECK_EQ(g.pages, 3);
	CHECK_EQ(g.data, 3);
	CHECK_EQ(live, 2);
	CHECK_EQ(vma_remove(&h, 4 * P, 5 * P, &g), 0);           /* the bottom */
	CHECK_EQ(vma_remove(&h, 15 * P, 16 * P, &g), 0);         /* the top */
	CHECK(IS(h, 5 * P, 6 * P, RW, 9 * P, 15 * P, RW));
	CHECK_EQ(g.pages, 1);

	vma_insert(&h, 20 * P, 22 * P, RO);
	vma_insert(&h, 22 * P, 25 * P, STK);
	vma_insert(&h, 30 * P, 32 * P, RW);
	/* Straddling several: cut at both ends, the ones inside go whole, holes count nothing. */
	CHECK_EQ(vma_remove(&h, 10 * P, 31 * P, &g), 0);
	CHECK(IS(h, 5 * P, 6 * P, RW, 9 * P, 10 * P, RW, 31 * P, 32 * P, RW));
	CHECK_EQ(g.pages, 5 + 2 + 3 + 1);
	CHECK_EQ(g.data, 5 + 1);
	CHECK_EQ(live, 3);
	CHECK_EQ(vma_remove(&h, 40 * P, 50 * P, &g), 0);         /* nothing there */
	CHECK_EQ(g.pages, 0);
	CHECK_EQ(g.data, 0);
	g = (struct vm_usage){ 7, 7 };
	CHECK_EQ(vma_remove(&h, 9 * P, 9 * P, &g), 0);           /* empty range */
	CHECK_EQ(g.pages, 0);
	CHECK(IS(h, 5 * P, 6 * P, RW, 9 * P, 10 * P, RW, 31 * P, 32 * P, RW));
	CHECK_EQ(vma_remove(&h, 0, ~0ULL & ~(P - 1), NULL), 0);  /* everything, no usage asked */
	EMPTY(h);
	CHECK_EQ(live, 0);
}

static void test_remove_nomem(void)
{
	struct vma *h = NULL;
	struct vm_usage g;

	vma_insert(&h, 4 * P, 16 * P, RW);
	vma_insert(&h, 20 * P, 30 * P, RO);
	fail_in = 1;                                              /* the only cut fails */
	CHECK_EQ(vma_remove(&h, 6 * P, 9 * P, &g), -ENOMEM);
	CHECK(IS(h, 4 * P, 16 * P, RW, 20 * P, 30 * P, RO));
	fail_in = 2;                                              /* the second cut fails: the first is undone */
	CHECK_EQ(vma_remove(&h, 6 * P, 9 * P, &g), -ENOMEM);
	CHECK(IS(h, 4 * P, 16 * P, RW, 20 * P, 30 * P, RO));
	CHECK_EQ(live, 2);
	fail_in = 2;                                              /* the same across two regions */
	CHECK_EQ(vma_remove(&h, 10 * P, 25 * P, &g), -ENOMEM);
	CHECK(IS(h, 4 * P, 16 * P, RW, 20 * P, 30 * P, RO));
	CHECK_EQ(live, 2);
	fail_in = 1;                                              /* no cut needed: no node asked for */
	CHECK_EQ(vma_remove(&h, 20 * P, 30 * P, &g), 0);
	CHECK(IS(h, 4 * P, 16 * P, RW));
	fail_in = 0;
	vma_clear(&h);
	CHECK_EQ(live, 0);
}

static void test_set_flags(void)
{
	struct vma *h = NULL;

	vma_insert(&h, 4 * P, 16 * P, RW);
	CHECK_EQ(vma_set_flags(&h, 6 * P, 9 * P, RO), 0);         /* the middle: three regions */
	CHECK(IS(h, 4 * P, 6 * P, RW, 6 * P, 9 * P, RO, 9 * P, 16 * P, RW));
	CHECK_EQ(live, 3);
	CHECK_EQ(vma_set_flags(&h, 6 * P, 9 * P, RW), 0);         /* and back: one again */
	CHECK(IS(h, 4 * P, 16 * P, RW));
	CHECK_EQ(live, 1);
	CHECK_EQ(vma_set_flags(&h, 4 * P, 16 * P, RO), 0);        /* whole */
	CHECK(IS(h, 4 * P, 16 * P, RO));
	CHECK_EQ(vma_set_flags(&h, 4 * P, 5 * P, RW), 0);         /* the bottom */
	CHECK_EQ(vma_set_flags(&h, 15 * P, 16 * P, RW), 0);       /* the top */
	CHECK(IS(h, 4 * P, 5 * P, RW, 5 * P, 15 * P, RO, 15 * P, 16 * P, RW));
	CHECK_EQ(vma_set_flags(&h, 5 * P, 15 * P, RW), 0);        /* merges with both neighbours */
	CHECK(IS(h, 4 * P, 16 * P, RW));
	CHECK_EQ(live, 1);

	/* A neighbour that only touches merges too; one with other flags does not. */
	vma_insert(&h, 16 * P, 20 * P, RO);
	CHECK_EQ(vma_set_flags(&h, 16 * P, 18 * P, RW), 0);
	CHECK(IS(h, 4 * P, 18 * P, RW, 18 * P, 20 * P, RO));
	CHECK_EQ(vma_set_flags(&h, 10 * P, 18 * P, RO), 0);
	CHECK(IS(h, 4 * P, 10 * P, RW, 10 * P, 20 * P, RO));
	CHECK_EQ(live, 2);

	/* Out of nodes: the list is as it was, whichever cut failed. */
	fail_in = 1;
	CHECK_EQ(vma_set_flags(&h, 5 * P, 6 * P, RO | PTE_W | PTE_SHARED), -ENOMEM);
	CHECK(IS(h, 4 * P, 10 * P, RW, 10 * P, 20 * P, RO));
	fail_in = 2;
	CHECK_EQ(vma_set_flags(&h, 5 * P, 6 * P, PTE_PROTNONE), -ENOMEM);
	CHECK(IS(h, 4 * P, 10 * P, RW, 10 * P, 20 * P, RO));
	CHECK_EQ(live, 2);
	fail_in = 1;                                              /* whole region: no cut, no node */
	CHECK_EQ(vma_set_flags(&h, 10 * P, 20 * P, PTE_PROTNONE), 0);
	CHECK(IS(h, 4 * P, 10 * P, RW, 10 * P, 20 * P, PTE_PROTNONE));
	fail_in = 1;                                              /* the same flags: nothing to cut */
	CHECK_EQ(vma_set_flags(&h, 5 * P, 6 * P, RW), 0);
	CHECK(IS(h, 4 * P, 10 * P, RW, 10 * P, 20 * P, PTE_PROTNONE));
	fail_in = 0;
	vma_clear(&h);
	CHECK_EQ(live, 0);
}

static void test_free_area(void)
{
	const uint64_t gap = 16 * P;
	struct vma *h = NULL;

	CHECK_EQ(vma_free_area(NULL, 4 * P, 100 * P, 200 * P, gap), 196 * P);  /* empty: top-down */
	CHECK_EQ(vma_free_area(NULL, 100 * P, 100 * P, 200 * P, gap), 100 * P); /* exactly fits */
	CHECK_EQ(vma_free_area(NULL, 101 * P, 100 * P, 200 * P, gap), 0);       /* does not */

	vma_insert(&h, 190 * P, 200 * P, RW);                    /* the top is taken */
	vma_insert(&h, 150 * P, 185 * P, RW);                    /* a 5-page hole below it */
	CHECK_EQ(vma_free_area(h, 5 * P, 100 * P, 200 * P, gap), 185 * P);
	CHECK_EQ(vma_free_area(h, 6 * P, 100 * P, 200 * P, gap), 144 * P);      /* too small: lower */
	CHECK_EQ(vma_free_area(h, 50 * P, 100 * P, 200 * P, gap), 100 * P);
	CHECK_EQ(vma_free_area(h, 51 * P, 100 * P, 200 * P, gap), 0);
	CHECK_EQ(vma_free_area(h, 5 * P, 100 * P, 188 * P, gap), 145 * P);      /* the hole is clipped at top */
	CHECK_EQ(vma_free_area(h, 5 * P, 160 * P, 200 * P, gap), 185 * P);
	CHECK_EQ(vma_free_area(h, 6 * P, 160 * P, 200 * P, gap), 0);            /* low holds */
	vma_clear(&h);

	/* The guard gap below a stack: nothing within gap bytes under it. */
	vma_insert(&h, 180 * P, 200 * P, STK);
	CHECK_EQ(vma_free_area(h, 4 * P, 100 * P, 200 * P, gap), (180 - 16 - 4) * P);
	CHECK_EQ(vma_free_area(h, 64 * P, 100 * P, 200 * P, gap), 100 * P);
	CHECK_EQ(vma_free_area(h, 65 * P, 100 * P, 200 * P, gap), 0);
	vma_insert(&h, 150 * P, 155 * P, RW);                    /* a region below the gap */
	CHECK_EQ(vma_free_area(h, 9 * P, 100 * P, 200 * P, gap), 155 * P);      /* [155, 164) */
	CHECK_EQ(vma_free_area(h, 10 * P, 100 * P, 200 * P, gap), 140 * P);
	/* A stack above top but nearer than the gap still keeps it. */
	CHECK_EQ(vma_free_area(h, 4 * P, 100 * P, 170 * P, gap), 160 * P);
	/* One farther above top than the gap: top itself is the limit. */
	vma_clear(&h);
	vma_insert(&h, 180 * P, 200 * P, STK);
	CHECK_EQ(vma_free_area(h, 4 * P, 100 * P, 150 * P, gap), 146 * P);
	CHECK_EQ(vma_free_area(h, 4 * P, 100 * P, 164 * P, gap), 160 * P);
	CHECK_EQ(vma_free_area(h, 4 * P, 100 * P, 170 * P, gap), 160 * P);
	/* A region other than the stack keeps no gap. */
	vma_clear(&h);
	vma_insert(&h, 180 * P, 200 * P, RW);
	CHECK_EQ(vma_free_area(h, 4 * P, 100 * P, 200 * P, gap), 176 * P);
	/* Regions wholly below low, and one that straddles it. */
	vma_insert(&h, 10 * P, 20 * P, RW);
	vma_insert(&h, 90 * P, 110 * P, RW);
	CHECK_EQ(vma_free_area(h, 70 * P, 100 * P, 200 * P, gap), 110 * P);
	CHECK_EQ(vma_free_area(h, 71 * P, 100 * P, 200 * P, gap), 0);
	vma_clear(&h);
	CHECK_EQ(live, 0);
}

static void test_copy_clear(void)
{
	struct vma *h = NULL, *c = (struct vma *)1;

	CHECK_EQ(vma_copy(&c, NULL), 0);                          /* an empty list */
	EMPTY(c);
	vma_insert(&h, 4 * P, 8 * P, RW);
	vma_insert(&h, 10 * P, 12 * P, RO);
	vma_insert(&h, 20 * P, 24 * P, STK);
	CHECK_EQ(vma_copy(&c, h), 0);
	CHECK(IS(c, 4 * P, 8 * P, RW, 10 * P, 12 * P, RO, 20 * P, 24 * P, STK));
	CHECK(c != h && c->next != h->next);                      /* nodes of its own */
	CHECK_EQ(live, 6);
	CHECK_EQ(vma_remove(&c, 4 * P, 30 * P, NULL), 0);        /* the copy changes alone */
	CHECK(IS(h, 4 * P, 8 * P, RW, 10 * P, 12 * P, RO, 20 * P, 24 * P, STK));
	fail_in = 3;                                              /* the third node fails */
	CHECK_EQ(vma_copy(&c, h), -ENOMEM);
	EMPTY(c);
	CHECK_EQ(live, 3);                                        /* the two it had are freed */
	fail_in = 0;
	vma_clear(&h);
	EMPTY(h);
	vma_clear(&h);                                            /* clearing an empty list */
	CHECK_EQ(live, 0);
}

/* vm_move's target: a VMA_APART region merges with nothing, and taking it
 * back whole, or giving it its real flags whole, needs no node. */
static void test_apart(void)
{
	struct vma *h = NULL;

	vma_insert(&h, 4 * P, 8 * P, RW);
	vma_insert(&h, 12 * P, 16 * P, RW);
	CHECK_EQ(vma_insert(&h, 8 * P, 12 * P, RW | VMA_APART), 0);
	CHECK(IS(h, 4 * P, 8 * P, RW, 8 * P, 12 * P, RW | VMA_APART, 12 * P, 16 * P, RW));
	fail_in = 1;
	CHECK_EQ(vma_remove(&h, 8 * P, 12 * P, NULL), 0);          /* taken back: no cut */
	CHECK(IS(h, 4 * P, 8 * P, RW, 12 * P, 16 * P, RW));
	fail_in = 0;
	CHECK_EQ(vma_insert(&h, 8 * P, 12 * P, RW | VMA_APART), 0);
	fail_in = 1;
	CHECK_EQ(vma_set_flags(&h, 8 * P, 12 * P, RW), 0);         /* made real: merges both sides */
	CHECK(IS(h, 4 * P, 16 * P, RW));
	fail_in = 0;
	vma_clear(&h);
	CHECK_EQ(live, 0);
}

/* Many random operations against a page-by-page model: the list stays
 * sorted, never overlapping, never two touching regions with the same
 * flags, and reads as the model does. */
#define NPG 64
static uint64_t model[NPG];                                   /* flags + 1 per page; 0: free */

static void check_model(const struct vma *h, int step)
{
	uint64_t seen[NPG] = { 0 };
	int ok = 1;

	for (const struct vma *v = h; v; v = v->next) {
		if (v->start >= v->end || (v->start | v->end) & (P - 1) || v->end > NPG * P)
			ok = 0;
		if (v->next && (v->next->start < v->end ||
				(v->next->start == v->end && v->next->flags == v->flags)))
			ok = 0;                                   /* overlapping, or not merged */
		for (uint64_t a = v->start; a < v->end && a < NPG * P; a += P)
			seen[a / P] = v->flags + 1;
	}
	if (ok && memcmp(seen, model, sizeof(seen)) != 0)
		ok = 0;
	if (!ok)
		printf("  model differs after step %d\n", step);
	CHECK(ok);
}

static void test_random(void)
{
	static const uint64_t fl[] = { RW, RO, STK, PTE_PROTNONE };
	struct vma *h = NULL;
	uint32_t x = 12345;

	for (int step = 0; step < 4000; step++) {
		x = x * 1103515245 + 12345;
		uint64_t a = (x >> 8) % NPG, n = 1 + (x >> 20) % 8, f = fl[(x >> 28) & 3];
		uint64_t b = a + n > NPG ? NPG : a + n;
		int op = (x >> 4) % 3, r, free = 1, one = 1;
		fail_in = ((x >> 16) & 7) == 0 ? 1 + ((x >> 12) & 1) : 0;  /* sometimes out of nodes */
		for (uint64_t i = a; i < b; i++) {
			free &= model[i] == 0;
			one &= model[i] != 0 && model[i] == model[a];
		}
		if (op == 0 && free) {
			r = vma_insert(&h, a * P, b * P, f);
			if (r == 0)
				for (uint64_t i = a; i < b; i++)
					model[i] = f + 1;
		} else if (op == 1) {
			struct vm_usage g, u = vma_usage(h, a * P, b * P);
			r = vma_remove(&h, a * P, b * P, &g);
			if (r == 0) {
				CHECK(g.pages == u.pages && g.data == u.data);
				for (uint64_t i = a; i < b; i++)
					model[i] = 0;
			}
		} else if (op == 2 && one) {
			/* within one region: clip [a, b) to the region holding a */
			struct vma *v = vma_at(h, a * P);
			if (b * P > v->end)
				b = v->end / P;
			r = vma_set_flags(&h, a * P, b * P, f);
			if (r == 0)
				for (uint64_t i = a; i < b; i++)
					model[i] = f + 1;
		} else {
			r = 0;
		}
		CHECK(r == 0 || r == -ENOMEM);
		fail_in = 0;
		check_model(h, step);
	}
	vma_clear(&h);
	CHECK_EQ(live, 0);
}

int main(void)
{
	test_insert();
	test_lookup();
	test_usage();
	test_remove();
	test_remove_nomem();
	test_set_flags();
	test_free_area();
	test_copy_clear();
	test_apart();
	test_random();
	return check_done();
}
