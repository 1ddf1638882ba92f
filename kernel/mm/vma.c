/*
 * vma.c - the region list (see mm/vma.h): a singly linked list sorted by
 * address. Processes here have tens of regions, not thousands, so a list
 * keeps every operation short and plain; Linux's maple tree solves a
 * bigger problem.
 */
#include <stddef.h>

#include "api/errno.h"
#include "mm/vma.h"

struct vma *vma_find(struct vma *head, uint64_t addr)
{
	while (head && head->end <= addr)
		head = head->next;
	return head;
}

struct vma *vma_at(struct vma *head, uint64_t addr)
{
	struct vma *v = vma_find(head, addr);

	return v && v->start <= addr ? v : NULL;
}

struct vma *vma_prev(struct vma *head, const struct vma *v)
{
	struct vma *prev = NULL;

	for (; head && head != v && head->end <= v->start; head = head->next)
		prev = head;
	return prev;
}

bool vma_range_free(struct vma *head, uint64_t start, uint64_t end)
{
	struct vma *v = vma_find(head, start);

	return !v || v->start >= end;
}

struct vm_usage vma_usage(struct vma *head, uint64_t start, uint64_t end)
{
	struct vm_usage u = { 0, 0 };

	for (struct vma *v = vma_find(head, start); v && v->start < end; v = v->next) {
		uint64_t lo = v->start > start ? v->start : start, hi = v->end < end ? v->end : end;
		u.pages += (hi - lo) >> 12;
		if (vma_is_data(v->flags))
			u.data += (hi - lo) >> 12;
	}
	return u;
}

/* The link that points at the first region ending above addr. */
static struct vma **link_for(struct vma **head, uint64_t addr)
{
	while (*head && (*head)->end <= addr)
		head = &(*head)->next;
	return head;
}

/* Join v with the region after it when they touch and agree. */
static void merge_next(struct vma *v)
{
	struct vma *n = v->next;

	if (n && n->start == v->end && n->flags == v->flags) {
		v->end = n->end;
		v->next = n->next;
		vma_node_free(n);
	}
}

/* Merge v with its neighbours where they agree; prev is the one before v (or NULL). */
static void merge_around(struct vma *prev, struct vma *v)
{
	merge_next(v);
	if (prev && prev->next == v)
		merge_next(prev);
}

int vma_insert(struct vma **head, uint64_t start, uint64_t end, uint64_t flags)
{
	struct vma **l = link_for(head, start), *prev = NULL, *v;

	for (struct vma *w = *head; w && w != *l; w = w->next)
		prev = w;
	if (prev && prev->end == start && prev->flags == flags) {
		prev->end = end;                  /* grow the one below */
		merge_next(prev);
		return 0;
	}
	if (*l && (*l)->start == end && (*l)->flags == flags) {
		(*l)->start = start;              /* grow the one above */
		return 0;
	}
	if (!(v = vma_node_new()))
		return -ENOMEM;
	*v = (struct vma){ start, end, flags, *l };
	*l = v;
	return 0;
}

/* Cut v in two at addr (v->start < addr < v->end): the upper half is a new
 * node after v. 0 or -ENOMEM. */
static int split(struct vma *v, uint64_t addr)
{
	struct vma *n = vma_node_new();

	if (!n)
		return -ENOMEM;
	*n = (struct vma){ addr, v->end, v->flags, v->next };
	v->end = addr;
	v->next = n;
	return 0;
}

/* Cut the regions so that start and end fall on region edges. A cut at
 * end that fails after the one at start succeeded is undone. */
static int cut_edges(struct vma **head, uint64_t start, uint64_t end)
{
	struct vma *a = vma_at(*head, start), *b;

	if (a && a->start < start && split(a, start) < 0)
		return -ENOMEM;
	b = vma_at(*head, end);
	if (b && b->start < end && split(b, end) < 0) {
		if (a && a->start < start)
			merge_next(a);            /* undo the first cut */
		return -ENOMEM;
	}
	return 0;
}

int vma_remove(struct vma **head, uint64_t start, uint64_t end, struct vm_usage *gone)
{
	struct vma **l;

	if (gone)
		*gone = (struct vm_usage){ 0, 0 };
	if (start >= end)
		return 0;
	if (cut_edges(head, start, end) < 0)
		return -ENOMEM;
	if (gone)
		*gone = vma_usage(*head, start, end);
	l = link_for(head, start);
	while (*l && (*l)->start < end) {
		struct vma *v = *l;
		*l = v->next;
		vma_node_free(v);
	}
	return 0;
}

int vma_set_flags(struct vma **head, uint64_t start, uint64_t end, uint64_t flags)
{
	struct vma *v = vma_at(*head, start), *prev;

	if (v->flags == flags)
		return 0;                         /* nothing to change: no cut, no node */
	if (cut_edges(head, start, end) < 0)
		return -ENOMEM;
	v = vma_at(*head, start);
	v->flags = flags;
	prev = vma_prev(*head, v);
	merge_around(prev, v);
	return 0;
}

void vma_mark(struct vma **head, struct vma *v, uint64_t bit)
{
	v->flags |= bit;
	merge_around(vma_prev(*head, v), v);
}

uint64_t vma_free_area(struct vma *head, uint64_t len, uint64_t low, uint64_t top, uint64_t gap)
{
	uint64_t best = 0, lo = low;

	/* Each gap between regions, bottom up, clipped to [low, top): the
	 * last one that fits is the highest. */
	for (struct vma *v = head;; v = v->next) {
		uint64_t hi = v ? v->start : top;
		if (v && (v->flags & VMA_GROWSDOWN))
			hi = hi > gap ? hi - gap : 0;     /* keep the stack's guard gap free */
		if (hi > top)
			hi = top;                         /* (a gap below a stack far above top costs nothing) */
		if (hi > lo && hi - lo >= len)
			best = hi - len;
		if (!v || v->end >= top)
			return best;
		if (v->end > lo)
			lo = v->end;
	}
}

int vma_copy(struct vma **dst, const struct vma *src)
{
	struct vma **l = dst;

	*dst = NULL;
	for (; src; src = src->next) {
		if (!(*l = vma_node_new())) {
			vma_clear(dst);
			return -ENOMEM;
		}
		**l = *src;
		(*l)->next = NULL;
		l = &(*l)->next;
	}
	return 0;
}

void vma_clear(struct vma **head)
{
	while (*head) {
		struct vma *v = *head;
		*head = v->next;
		vma_node_free(v);
	}
}
