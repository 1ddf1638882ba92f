/*
 * cpio.c - a strict reader for newc cpio archives (see lib/cpio.h).
 *
 * The header is ASCII, so it is read a byte at a time and the archive may sit
 * at any address. Every offset is checked against size by comparing with
 * what is left (size - off) rather than by adding, so no sum can wrap.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/cpio.h"

/*
 * The 13 header fields after the magic, 8 hex digits each: ino mode uid gid
 * nlink mtime filesize devmajor devminor rdevmajor rdevminor namesize check.
 * Only three are used, but all must be hex.
 */
#define CPIO_NFIELDS 13
#define F_MODE 1
#define F_FILESIZE 6
#define F_NAMESIZE 11

/* There is no libc here: true when the n bytes at a and b are equal. */
static bool same(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	while (n-- > 0)
		if (*x++ != *y++)
			return false;
	return true;
}

/* True when the C strings a and b are equal. */
static bool streq(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b)
		a++, b++;
	return *a == *b;
}

/* Parse the 8 hex digits (either case) at p into *out; false on any other byte. */
static bool hex8(const unsigned char *p, uint32_t *out)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++) {
		unsigned c = p[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		v = v << 4 | d;
	}
	*out = v;
	return true;
}

/* Round off (<= size) up to a multiple of 4, but not past size: padding may be cut off at the end. */
static size_t pad4(size_t off, size_t size)
{
	size_t pad = (4 - (off & 3)) & 3;

	return pad > size - off ? size : off + pad;
}

/* Skip leading "/" and "./" (and a lone "."), so "./bin/init" and "/bin/init" are one path. */
static const char *skip_root(const char *p)
{
	for (;;) {
		if (p[0] == '/')
			p++;
		else if (p[0] == '.' && (p[1] == '/' || p[1] == '\0'))
			p++;
		else
			return p;
	}
}

int cpio_next(const void *archive, size_t size, size_t *pos, struct cpio_entry *e)
{
	const unsigned char *a = archive;
	const unsigned char *h, *name;
	uint32_t f[CPIO_NFIELDS];
	size_t off = *pos, namesize, filesize, data;

	if (off == size)
		return 0; /* out of bytes without a trailer: allowed */
	if (off > size || size - off < CPIO_HDR_SIZE)
		return CPIO_ETRUNC;
	h = a + off;
	if (!same(h, CPIO_MAGIC, 6))
		return CPIO_EMAGIC;
	for (int i = 0; i < CPIO_NFIELDS; i++)
		if (!hex8(h + 6 + 8 * i, &f[i]))
			return CPIO_EHEX;
	namesize = f[F_NAMESIZE];
	filesize = f[F_FILESIZE];

	/* The name: inside the archive, with exactly one NUL, its last byte. */
	off += CPIO_HDR_SIZE;
	if (namesize == 0)
		return CPIO_ENAME;
	if (namesize > size - off)
		return CPIO_ETRUNC;
	name = a + off;
	for (size_t i = 0; i < namesize; i++)
		if ((name[i] == '\0') != (i == namesize - 1))
			return CPIO_ENAME;

	/* The data, after header + name padded to 4; off + namesize <= size from above. */
	data = pad4(off + namesize, size);
	if (filesize > size - data)
		return CPIO_ETRUNC;

	if (namesize == 11 && same(name, "TRAILER!!!", 11))
		return 0;
	e->name = (const char *)name;
	e->namelen = namesize - 1;
	e->data = a + data;
	e->size = filesize;
	e->mode = f[F_MODE];
	/* At least CPIO_HDR_SIZE + 1 past the old *pos, so callers' loops always advance. */
	*pos = pad4(data + filesize, size);
	return 1;
}

int cpio_find(const void *archive, size_t size, const char *path, struct cpio_entry *e)
{
	struct cpio_entry cur;
	size_t pos = 0;
	int r;

	path = skip_root(path);
	while ((r = cpio_next(archive, size, &pos, &cur)) == 1) {
		/* cur.name has no NUL before namelen, so it is a plain C string. */
		if (streq(skip_root(cur.name), path)) {
			if (e)
				*e = cur;
			return 1;
		}
	}
	return r;
}

const char *cpio_strerror(int err)
{
	switch (err) {
	case 0:           return "not found (end of archive)";
	case 1:           return "ok";
	case CPIO_ETRUNC: return "cpio entry runs past the end of the archive";
	case CPIO_EMAGIC: return "not a newc cpio header (bad magic)";
	case CPIO_EHEX:   return "cpio header field is not 8 hex digits";
	case CPIO_ENAME:  return "cpio name size 0 or name not NUL-terminated";
	default:          return "unknown cpio error";
	}
}
