/*
 * cpio.h - reading the initrd: a cpio archive in the "newc" format (host-tested).
 *
 * The host makes it with `cpio -o -H newc`. Each entry is a 110-byte ASCII
 * header ("070701" and 13 fields of 8 hex digits), the NUL-terminated name
 * (header + name padded to a multiple of 4), then the data (padded to a
 * multiple of 4). An entry named "TRAILER!!!" ends the archive. Padding is
 * counted from the start of the archive, not from its address in memory.
 *
 * Nothing here copies: names and data point into the archive. The parser
 * looks only inside [archive, archive+size) and never trusts a field before
 * checking it, so a truncated or hostile archive is rejected, not read out
 * of bounds.
 */
#ifndef LIB_CPIO_H
#define LIB_CPIO_H

#include <stddef.h>
#include <stdint.h>

#define CPIO_MAGIC "070701"
#define CPIO_HDR_SIZE 110

/* File type bits of cpio_entry.mode (the st_mode values cpio stores). */
#define CPIO_S_IFMT 0170000
#define CPIO_S_IFDIR 0040000
#define CPIO_S_IFREG 0100000
#define CPIO_S_IFLNK 0120000

enum cpio_err {
	CPIO_ETRUNC = -1, /* header, name or data runs past the end of the archive */
	CPIO_EMAGIC = -2, /* header does not start with "070701" */
	CPIO_EHEX = -3,   /* a header field is not 8 hex digits */
	CPIO_ENAME = -4,  /* namesize 0, or the name's only NUL is not its last byte */
};

/* One archive member. name and data point into the archive. */
struct cpio_entry {
	const char *name;  /* as stored, e.g. "./bin/init"; NUL-terminated */
	size_t namelen;    /* without the NUL; the name holds no other NUL */
	const void *data;
	size_t size;       /* bytes of data */
	uint32_t mode;     /* st_mode bits as in the archive (CPIO_S_IF*) */
};

/*
 * Read the entry at *pos (start with *pos = 0). Return 1, fill *e and move
 * *pos to the next entry; return 0 at the end of the archive (the TRAILER!!!
 * entry, or *pos == size when the trailer is missing), leaving *pos alone;
 * return a negative enum cpio_err for a malformed entry, leaving *pos alone.
 * Padding cut off by the end of the archive is not an error. Hard links:
 * newc stores the data once, with the last link; earlier links have size 0.
 */
int cpio_next(const void *archive, size_t size, size_t *pos, struct cpio_entry *e);

/*
 * Look up path, ignoring leading "/" and "./" in both it and the archive's
 * names ("/bin/init" matches "./bin/init"; "/" matches "."). Return 1 and
 * fill *e (when e is not NULL) for the first match, 0 when there is none,
 * or a negative enum cpio_err when the archive is malformed before a match.
 */
int cpio_find(const void *archive, size_t size, const char *path, struct cpio_entry *e);

/* A short English description of a cpio_next() or cpio_find() result. */
const char *cpio_strerror(int err);

#endif
