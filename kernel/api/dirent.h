/*
 * dirent.h - the records getdents64(2) fills, shared by the kernel and libc
 * (Linux's layout and DT_* values).
 *
 * A buffer holds records back to back. Each starts 8-byte aligned; d_reclen
 * is the whole record (header, name, NUL, padding) rounded up to 8. d_off is
 * an opaque cookie: seeking the directory to it resumes after this record.
 */
#ifndef API_DIRENT_H
#define API_DIRENT_H

#include <stddef.h>
#include <stdint.h>

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK     10
#define DT_SOCK    12

/* d_type from an st_mode, and back. */
#define IFTODT(mode) (((mode) & 0170000) >> 12)
#define DTTOIF(type) ((type) << 12)

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];           /* NUL-terminated */
};

/* Bytes of the record for a name of len bytes (without its NUL). */
#define DIRENT64_RECLEN(len) \
	((__builtin_offsetof(struct linux_dirent64, d_name) + (len) + 1 + 7) & ~(size_t)7)

#endif
