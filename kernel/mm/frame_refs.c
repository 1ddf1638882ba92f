/*
 * frame_refs.c - per-frame reference counts over pmm.c (see mm/frame_refs.h).
 */
#include "mm/frame_refs.h"

/* Why pa's count cannot change: FREF_BAD (not a frame p tracks),
 * FREF_NONE (free, or in use without a count), or 0 when it can. */
static int countable(const struct pmm *p, const uint16_t *refs, uint64_t pa)
{
	if (pa % PAGE_SIZE != 0 || pa / PAGE_SIZE >= p->nframes)
		return FREF_BAD;
	return pmm_is_used(p, pa) && refs[pa / PAGE_SIZE] ? 0 : FREF_NONE;
}

uint64_t fref_alloc(struct pmm *p, uint16_t *refs)
{
	uint64_t pa = pmm_alloc(p);

	if (pa)
		refs[pa / PAGE_SIZE] = 1;
	return pa;
}

int fref_get(const struct pmm *p, uint16_t *refs, uint64_t pa)
{
	int err = countable(p, refs, pa);
	uint16_t *r;

	if (err < 0)
		return err;
	r = &refs[pa / PAGE_SIZE];
	if (*r == FREF_MAX)
		return FREF_FULL;
	++*r;
	return 0;
}

int fref_put(struct pmm *p, uint16_t *refs, uint64_t pa)
{
	int err = countable(p, refs, pa);
	uint16_t *r;

	if (err < 0)
		return err;
	r = &refs[pa / PAGE_SIZE];
	if (--*r > 0)
		return 0;
	pmm_free(p, pa);                         /* in use and tracked: cannot fail */
	return 1;
}

int fref_free(struct pmm *p, uint16_t *refs, uint64_t pa)
{
	if (!pmm_free(p, pa))
		return FREF_BAD;
	refs[pa / PAGE_SIZE] = 0;
	return 0;
}

unsigned fref_count(const struct pmm *p, const uint16_t *refs, uint64_t pa)
{
	return pa / PAGE_SIZE < p->nframes ? refs[pa / PAGE_SIZE] : 0;
}

const char *fref_error(int err)
{
	switch (err) {
	case FREF_NONE: return "no reference held";
	case FREF_FULL: return "reference count full";
	case FREF_BAD:  return "not a frame in use";
	default:        return "?";
	}
}
