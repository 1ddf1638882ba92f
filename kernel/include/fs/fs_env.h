/*
 * fs_env.h - what the filesystem code needs from its surroundings: memory
 * and byte functions. In the kernel they come from kernel.h. In host tests
 * (-DHOST_TEST) they come from the C library, except kmalloc/kzalloc/kfree:
 * the test program defines those itself (over malloc), so it can make
 * allocations fail on purpose.
 *
 * Regular files keep their bytes in pages of RAMFS_PAGE bytes (fs/ramfs.c's
 * page cache), taken and dropped through the fpage_* hooks: in the kernel
 * each page is a physical frame seen through the direct map (frame_alloc
 * gives it zeroed with one reference, the cache's; frame_put drops that),
 * so a process that maps the frame (frame_get) keeps it alive after the
 * cache lets go. Host tests define the hooks over aligned allocations.
 */
#ifndef FS_FS_ENV_H
#define FS_FS_ENV_H

#include <stdbool.h>
#include <stdint.h>

#ifdef HOST_TEST
#include <stddef.h>
#include <string.h>
#include <time.h>

/*
 * The host's <time.h> already has struct timespec (the same layout as
 * api/abi.h's), and api/abi.h must not define it again: mark it as seen.
 * So in host tests this header comes before anything that includes api/abi.h.
 */
#define API_ABI_H

void *kmalloc(size_t n);
void *kzalloc(size_t n);
void kfree(void *p);

void *fpage_alloc(void);             /* a zeroed, RAMFS_PAGE-aligned page; NULL when none */
void fpage_put(void *page);          /* drop the cache's reference */
bool fpage_shared(const void *page); /* does someone besides the cache hold it (a mapping)? */
#else
#include "kernel.h"

extern uint64_t file_pages;  /* pages the caches hold (fs/vfs.c): /proc/meminfo's Cached and Shmem */

static inline void *fpage_alloc(void)
{
	uint64_t pa = frame_alloc();

	if (!pa)
		return NULL;
	file_pages++;
	return phys_to_virt(pa);
}

static inline void fpage_put(void *page)
{
	file_pages--;
	frame_put(virt_to_phys(page));
}

static inline bool fpage_shared(const void *page) { return frame_refs(virt_to_phys(page)) > 1; }
#endif

#endif
