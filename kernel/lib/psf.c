/*
 * psf.c - PC Screen Font parsing (see lib/psf.h).
 *
 * Every read is checked against the end of the file, and header fields are
 * read a byte at a time, so a hostile or truncated file (at any alignment)
 * can at worst be refused. The Unicode table is optional and read only as
 * far as it goes: a table cut short just leaves later glyphs unmapped.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/psf.h"

#define PSF1_HDRSIZE 4
#define PSF1_MODE512 0x01
#define PSF1_MODEHASTAB 0x02
#define PSF1_MODESEQ 0x04
#define PSF1_SEPARATOR 0xffff
#define PSF1_STARTSEQ 0xfffe

#define PSF2_HDRSIZE 32
#define PSF2_HAS_UNICODE_TABLE 0x01
#define PSF2_MAXVERSION 0
#define PSF2_SEPARATOR 0xff
#define PSF2_STARTSEQ 0xfe

/* Little-endian reads; the caller has checked the bytes are in the file. */
static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Which of the 256 code points the table has mentioned so far: a bitmap. */
struct seen {
	uint64_t bits[4];
};

static bool seen_has(const struct seen *s, uint32_t cp)
{
	return s->bits[cp / 64] >> (cp % 64) & 1;
}

/* Record that glyph g draws code point cp; the first mention wins. */
static void note(struct psf_font *f, struct seen *set, uint32_t cp, uint32_t g)
{
	if (cp < 256 && g < f->nglyphs && g <= UINT16_MAX && !seen_has(set, cp)) {
		f->map[cp] = (uint16_t)g;
		set->bits[cp / 64] |= (uint64_t)1 << (cp % 64);
	}
}

/* Read a PSF1 table (UCS-2 LE entries) from [p, end). */
static void psf1_table(struct psf_font *f, struct seen *set, const uint8_t *p, const uint8_t *end)
{
	uint32_t g = 0;
	bool seq = false;

	for (; end - p >= 2 && g < f->nglyphs; p += 2) {
		uint16_t u = le16(p);

		if (u == PSF1_SEPARATOR) {
			g++;
			seq = false;
		} else if (u == PSF1_STARTSEQ) {
			seq = true;
		} else if (!seq) {
			note(f, set, u, g);
		}
	}
}

/*
 * Read a PSF2 table (UTF-8) from [p, end). Only code points below 256 matter,
 * so only one- and two-byte forms are decoded; any other byte that is not a
 * separator is skipped on its own.
 */
static void psf2_table(struct psf_font *f, struct seen *set, const uint8_t *p, const uint8_t *end)
{
	uint32_t g = 0;
	bool seq = false;

	while (p < end && g < f->nglyphs) {
		uint8_t b = *p++;

		if (b == PSF2_SEPARATOR) {
			g++;
			seq = false;
		} else if (b == PSF2_STARTSEQ) {
			seq = true;
		} else if (seq) {
			continue;
		} else if (b < 0x80) {
			note(f, set, b, g);
		} else if ((b & 0xe0) == 0xc0 && p < end && (*p & 0xc0) == 0x80) {
			uint32_t cp = (uint32_t)(b & 0x1f) << 6 | (*p++ & 0x3f);

			if (cp >= 0x80)  /* refuse overlong forms */
				note(f, set, cp, g);
		}
	}
}

/* Fill in code points the table did not mention: same index, else '?'. */
static void fill_map(struct psf_font *f, const struct seen *set)
{
	uint16_t q;

	if (seen_has(set, '?'))
		q = f->map['?'];
	else
		q = '?' < f->nglyphs ? '?' : 0;
	for (uint32_t c = 0; c < 256; c++)
		if (!seen_has(set, c))
			f->map[c] = c < f->nglyphs ? (uint16_t)c : q;
}

/* Check that n glyphs of sz bytes fit in [off, size); glyph data may not be empty. */
static bool glyphs_fit(size_t off, uint32_t n, uint32_t sz, size_t size)
{
	uint64_t bytes = (uint64_t)n * sz;  /* both < 2^32: cannot wrap */

	return n > 0 && sz > 0 && off <= size && bytes <= size - off;
}

int psf_parse(const void *data, size_t size, struct psf_font *f)
{
	const uint8_t *d = data, *end, *table = NULL;
	struct seen set = { { 0 } };
	bool psf1 = false;
	uint32_t n, sz, w, h, bpr;
	size_t off;

	if (!d || !f)
		return -1;
	end = d + size;

	if (size >= PSF1_HDRSIZE && d[0] == 0x36 && d[1] == 0x04) {
		uint8_t mode = d[2];

		psf1 = true;
		if (mode & ~(PSF1_MODE512 | PSF1_MODEHASTAB | PSF1_MODESEQ))
			return -1;
		n = mode & PSF1_MODE512 ? 512 : 256;
		sz = h = d[3];
		w = 8;
		bpr = 1;
		off = PSF1_HDRSIZE;
		if (!glyphs_fit(off, n, sz, size))
			return -1;
		if (mode & (PSF1_MODEHASTAB | PSF1_MODESEQ))
			table = d + off + (size_t)n * sz;
	} else if (size >= PSF2_HDRSIZE && d[0] == 0x72 && d[1] == 0xb5 &&
		   d[2] == 0x4a && d[3] == 0x86) {
		uint32_t version = le32(d + 4), hdrsize = le32(d + 8), flags = le32(d + 12);

		n = le32(d + 16);
		sz = le32(d + 20);
		h = le32(d + 24);
		w = le32(d + 28);
		if (version > PSF2_MAXVERSION || hdrsize < PSF2_HDRSIZE)
			return -1;
		if (w == 0 || h == 0)
			return -1;
		bpr = w / 8 + (w % 8 != 0);  /* (w + 7) / 8 without wrapping */
		if ((uint64_t)h * bpr != sz)  /* < 2^61: cannot wrap */
			return -1;
		off = hdrsize;
		if (!glyphs_fit(off, n, sz, size))
			return -1;
		if (flags & PSF2_HAS_UNICODE_TABLE)
			table = d + off + (size_t)n * sz;
	} else {
		return -1;
	}

	f->glyphs = d + off;
	f->nglyphs = n;
	f->bytes_per_glyph = sz;
	f->width = w;
	f->height = h;
	f->bytes_per_row = bpr;
	if (table && psf1)
		psf1_table(f, &set, table, end);
	else if (table)
		psf2_table(f, &set, table, end);
	fill_map(f, &set);
	return 0;
}

const uint8_t *psf_glyph(const struct psf_font *f, unsigned char c)
{
	return f->glyphs + (size_t)f->map[c] * f->bytes_per_glyph;
}
