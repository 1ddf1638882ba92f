/*
 * statfs.c - statfs(2)'s numbers for a ramfs (see fs/statfs.h).
 */
#include "fs/statfs.h"
#include "api/mount.h"

#define BLOCK 4096

void ramfs_statfs(const struct ramfs *fs, uint32_t magic, const struct frame_budget *b, struct statfs *st)
{
	memset(st, 0, sizeof(*st));
	st->f_bsize = st->f_frsize = BLOCK;
	st->f_namelen = RAMFS_NAME_MAX;
	st->f_fsid.val[0] = (int32_t)fs->dev;
	st->f_flags = ST_VALID | (fs->flags & (MS_RDONLY | MS_NOEXEC));  /* ST_RDONLY, ST_NOEXEC */
	if (magic) {
		st->f_type = magic;
		return;
	}
	st->f_type = TMPFS_MAGIC;
	st->f_blocks = b->total > b->reserve ? b->total - b->reserve : 0;
	st->f_bfree = st->f_bavail = b->free > b->reserve ? b->free - b->reserve : 0;
	st->f_files = st->f_blocks;
	st->f_ffree = st->f_files > fs->nnodes ? st->f_files - fs->nnodes : 0;
	if (st->f_ffree > st->f_bfree)
		st->f_ffree = st->f_bfree;           /* a new node needs a free block */
}
