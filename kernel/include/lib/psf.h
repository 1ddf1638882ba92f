/*
 * psf.h - PC Screen Font (PSF1 and PSF2) parsing for the framebuffer console
 * (host-tested). The font file is Lat15-VGA16 (console-setup-linux), embedded at build
 * time; its Unicode table tells which glyph draws which character.
 */
#ifndef LIB_PSF_H
#define LIB_PSF_H

#include <stddef.h>
#include <stdint.h>

struct psf_font {
	const uint8_t *glyphs;    /* first glyph's bitmap, inside the file */
	uint32_t nglyphs;
	uint32_t bytes_per_glyph; /* height * bytes_per_row */
	uint32_t width;           /* pixels */
	uint32_t height;          /* pixels */
	uint32_t bytes_per_row;   /* (width + 7) / 8; the leftmost pixel is bit 7 of byte 0 */
	uint16_t map[256];        /* Latin-1 code point -> glyph index */
};

/*
 * Parse a PSF1 or PSF2 font held in [data, data+size). Fill *f and return 0;
 * return -1 when the header is wrong or the glyphs would run past the end.
 * Code points that the Unicode table does not mention (or all of them, when
 * the font has no table) map to the glyph of the same index when it exists,
 * else to the glyph for '?'.
 */
int psf_parse(const void *data, size_t size, struct psf_font *f);

/* The bitmap for Latin-1 code point c. */
const uint8_t *psf_glyph(const struct psf_font *f, unsigned char c);

#endif
