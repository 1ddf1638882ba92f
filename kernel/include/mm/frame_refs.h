/*
 * frame_refs.h - a reference count for each frame pmm.c hands out, in a
 * uint16_t array beside its bitmap (host-tested: the caller gives the
 * storage, as it gives pmm.c its bitmap).
 *
 * A frame from fref_alloc() has one reference; each page entry (or other
 * user) that shares it takes one more with fref_get(), and fref_put()
 * frees it with the last. A count is 0 exactly when nobody holds the frame
 * by reference (free frames, and frames taken without a count, such as
 * pmm_alloc_contig()'s). Misuse is reported, never hidden: the kernel
 * turns every error into a panic (mm/frames.c).
 */
#ifndef MM_FRAME_REFS_H
#define MM_FRAME_REFS_H

#include <stdint.h>

#include "mm/pmm.h"

#define FREF_MAX UINT16_MAX              /* a count never goes past this */

/* What went wrong (negative), as fref_get/put/free report it. */
enum {
	FREF_NONE = -1,                  /* no reference held: a free frame (a double put), or one taken without a count */
	FREF_FULL = -2,                  /* the count is at FREF_MAX: one more would wrap to 0 */
	FREF_BAD  = -3,                  /* not a frame pmm.c tracks (or, for fref_free, a double free) */
};

/* A frame from p with one reference, or 0 when none is left. */
uint64_t fref_alloc(struct pmm *p, uint16_t *refs);
/* One more reference to the frame at pa. 0, FREF_NONE, FREF_FULL or FREF_BAD. */
int fref_get(const struct pmm *p, uint16_t *refs, uint64_t pa);
/* Drop one reference: 1 when that was the last (the frame is free again),
 * 0 when others remain, or FREF_NONE / FREF_BAD. */
int fref_put(struct pmm *p, uint16_t *refs, uint64_t pa);
/* Free the frame now, whatever its count (page tables, contiguous runs). 0 or FREF_BAD. */
int fref_free(struct pmm *p, uint16_t *refs, uint64_t pa);
/* The frame's count (0 for a free frame, or one past pmm's bitmap). */
unsigned fref_count(const struct pmm *p, const uint16_t *refs, uint64_t pa);
/* A word for an error above, for the kernel's panic line. */
const char *fref_error(int err);

#endif
