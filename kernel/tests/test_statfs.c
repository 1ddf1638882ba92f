/*
 * test_statfs.c - host tests for fs/statfs.c: what statfs(2) says of a
 * ramfs, from a frame budget.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "fs/statfs.h"
#include "api/mount.h"

int main(void)
{
	struct ramfs fs;
	struct statfs st;
	struct frame_budget b = { .total = 32768, .free = 20000, .reserve = 512 };

	memset(&fs, 0, sizeof(fs));
	fs.dev = 3;
	fs.nnodes = 10;

	/* A tmpfs: the budget less the reserve, in pages. */
	memset(&st, 0x5a, sizeof(st));
	ramfs_statfs(&fs, 0, &b, &st);
	CHECK_EQ(st.f_type, TMPFS_MAGIC);
	CHECK_EQ(st.f_bsize, 4096);
	CHECK_EQ(st.f_frsize, 4096);
	CHECK_EQ(st.f_blocks, 32768 - 512);
	CHECK_EQ(st.f_bfree, 20000 - 512);
	CHECK_EQ(st.f_bavail, st.f_bfree);
	CHECK_EQ(st.f_files, st.f_blocks);
	CHECK_EQ(st.f_ffree, 20000 - 512);         /* capped by the free blocks */
	CHECK_EQ(st.f_namelen, 255);
	CHECK_EQ(st.f_fsid.val[0], 3);
	CHECK_EQ(st.f_fsid.val[1], 0);
	CHECK_EQ(st.f_flags, ST_VALID);
	CHECK_EQ(st.f_spare[0] | st.f_spare[1] | st.f_spare[2] | st.f_spare[3], 0);

	/* Plenty free: the free nodes are the node budget less the nodes used. */
	b.free = b.total;
	ramfs_statfs(&fs, 0, &b, &st);
	CHECK_EQ(st.f_ffree, 32768 - 512 - 10);

	/* Mount flags show as ST_RDONLY and ST_NOEXEC. */
	fs.flags = MS_RDONLY | MS_NOEXEC;
	ramfs_statfs(&fs, 0, &b, &st);
	CHECK_EQ(st.f_flags, ST_VALID | ST_RDONLY | ST_NOEXEC);

	/* Less free than the reserve (the kernel's own): nothing free, no wrap-around. */
	b.free = 100;
	fs.flags = 0;
	ramfs_statfs(&fs, 0, &b, &st);
	CHECK_EQ(st.f_bfree, 0);
	CHECK_EQ(st.f_bavail, 0);
	CHECK_EQ(st.f_ffree, 0);
	b.total = 100;
	ramfs_statfs(&fs, 0, &b, &st);
	CHECK_EQ(st.f_blocks, 0);
	CHECK_EQ(st.f_files, 0);

	/* The pipes' file system: its magic, no space of its own. */
	fs.dev = 2;
	ramfs_statfs(&fs, PIPEFS_MAGIC, &b, &st);
	CHECK_EQ(st.f_type, PIPEFS_MAGIC);
	CHECK_EQ(st.f_bsize, 4096);
	CHECK_EQ(st.f_blocks, 0);
	CHECK_EQ(st.f_files, 0);
	CHECK_EQ(st.f_fsid.val[0], 2);
	return check_done();
}
