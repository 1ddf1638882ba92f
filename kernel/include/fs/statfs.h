/*
 * statfs.h - what statfs(2) says of a ramfs (fs/statfs.c, host-tested).
 *
 * Every ramfs, the root and each tmpfs mount, draws on the same frames,
 * so each reports the same budget: the frames the kernel has, less the
 * reserve it keeps for itself (UVM_FRAME_RESERVE), in pages. Free is
 * what file writes may still take (fs/vfs.c's vfs_may_write asks the same
 * reserve). A node costs a block's worth at most, so the node counts are
 * the block counts, less the nodes in use. The pipes' file system says
 * PIPEFS_MAGIC and procfs PROC_SUPER_MAGIC, and neither has space of its
 * own, as Linux's.
 */
#ifndef FS_STATFS_H
#define FS_STATFS_H

#include <stdbool.h>
#include <stdint.h>

#include "fs/ramfs.h"
#include "api/statfs.h"

/* The frame budget, in frames of PAGE_SIZE bytes. */
struct frame_budget {
	uint64_t total, free, reserve;
};

/* Fill *st for fs: a tmpfs when magic is 0, else a file system of that
 * magic with no space (pipes, procfs). */
void ramfs_statfs(const struct ramfs *fs, uint32_t magic, const struct frame_budget *b, struct statfs *st);

#endif
