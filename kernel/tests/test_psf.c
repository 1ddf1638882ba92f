/* test_psf.c - lib/psf.c on the real console font and on hostile input. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lib/psf.h"

#ifndef PSF_FONT_PATH
#define PSF_FONT_PATH "/tmp/Lat15-VGA16.psf"
#endif

/*
 * Every parse runs on a heap copy of exactly the given size, so ASan flags
 * any read past the end of the "file".
 */
static int parse_exact(const void *data, size_t size, struct psf_font *f)
{
	uint8_t *copy = malloc(size ? size : 1);
	int r;

	memcpy(copy, data, size);
	r = psf_parse(copy, size, f);
	if (r == 0) {
		/* Every glyph the map hands out lies inside the copy. */
		bool inside = f->nglyphs > 0;

		for (int c = 0; c < 256; c++) {
			const uint8_t *g = psf_glyph(f, (unsigned char)c);

			inside &= f->map[c] < f->nglyphs;
			inside &= g >= copy && g + f->bytes_per_glyph <= copy + size;
		}
		if (!inside)  /* reported only when broken: this runs thousands of times */
			check_report(0, "glyphs inside the file", __FILE__, __LINE__);
		/* Point glyphs back at the caller's bytes before the copy goes. */
		f->glyphs = (const uint8_t *)data + (f->glyphs - copy);
	}
	free(copy);
	return r;
}

static bool blank(const struct psf_font *f, unsigned char c)
{
	const uint8_t *g = psf_glyph(f, c);

	for (uint32_t i = 0; i < f->bytes_per_glyph; i++)
		if (g[i])
			return false;
	return true;
}

static uint8_t *read_file(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc(n > 0 ? (size_t)n : 1);
	if (n <= 0 || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		free(buf);
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	*size = (size_t)n;
	return buf;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

/* A PSF2 header at p. */
static void psf2_header(uint8_t *p, uint32_t hdrsize, uint32_t flags, uint32_t n,
			uint32_t charsize, uint32_t h, uint32_t w)
{
	static const uint8_t magic[4] = { 0x72, 0xb5, 0x4a, 0x86 };

	memcpy(p, magic, 4);
	put32(p + 4, 0);
	put32(p + 8, hdrsize);
	put32(p + 12, flags);
	put32(p + 16, n);
	put32(p + 20, charsize);
	put32(p + 24, h);
	put32(p + 28, w);
}

static void test_real_font(void)
{
	struct psf_font f;
	size_t size = 0;
	uint8_t *data = read_file(PSF_FONT_PATH, &size);

	CHECK(data != NULL);
	if (!data) {
		printf("  cannot read %s\n", PSF_FONT_PATH);
		return;
	}
	CHECK_EQ(parse_exact(data, size, &f), 0);
	CHECK_EQ(f.width, 8);
	CHECK_EQ(f.height, 16);
	CHECK_EQ(f.bytes_per_row, 1);
	CHECK_EQ(f.bytes_per_glyph, 16);
	CHECK(f.nglyphs == 256 || f.nglyphs == 512);
	CHECK(!blank(&f, 'A'));
	CHECK(!blank(&f, 'B'));
	CHECK(memcmp(psf_glyph(&f, 'A'), psf_glyph(&f, 'B'), 16) != 0);
	CHECK(blank(&f, ' '));
	/* Latin-1 comes from the Unicode table: e-acute is its own, non-blank glyph. */
	CHECK(!blank(&f, 0xe9));
	CHECK(f.map[0xe9] != f.map['e']);
	CHECK(f.map['0'] != f.map['O']);

	/* Every truncation of the real file is refused or parsed safely. */
	size_t need = 4 + (size_t)f.nglyphs * 16;
	int bad = 0;

	for (size_t n = 0; n < size; n++) {
		struct psf_font t;
		int r = parse_exact(data, n, &t);

		if (r != (n < need ? -1 : 0))
			bad++;
	}
	CHECK_EQ(bad, 0);
	free(data);
}

static void test_malformed(void)
{
	struct psf_font f;
	uint8_t buf[4096 + 64];

	memset(buf, 0, sizeof(buf));

	/* Nothing at all, and truncated headers. */
	CHECK_EQ(parse_exact(buf, 0, &f), -1);
	CHECK_EQ(psf_parse(NULL, 0, &f), -1);
	buf[0] = 0x36;
	buf[1] = 0x04;
	buf[3] = 16;
	CHECK_EQ(parse_exact(buf, 1, &f), -1);
	CHECK_EQ(parse_exact(buf, 3, &f), -1);
	psf2_header(buf, 32, 0, 1, 1, 1, 8);
	CHECK_EQ(parse_exact(buf, 31, &f), -1);
	CHECK_EQ(parse_exact(buf, 4, &f), -1);
	CHECK_EQ(parse_exact(buf, 33, &f), 0);  /* the same, complete */

	/* Wrong magic. */
	memset(buf, 0, sizeof(buf));
	buf[0] = 0x36;
	buf[1] = 0x05;
	buf[3] = 16;
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 32, 0, 1, 1, 1, 8);
	buf[3] = 0x87;
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	CHECK_EQ(parse_exact("hello, world", 12, &f), -1);

	/* PSF1 glyphs past the end: 256 * 16 needs 4100 bytes. */
	memset(buf, 0, sizeof(buf));
	buf[0] = 0x36;
	buf[1] = 0x04;
	buf[3] = 16;
	CHECK_EQ(parse_exact(buf, 4099, &f), -1);
	CHECK_EQ(parse_exact(buf, 4100, &f), 0);
	buf[2] = 0x01;  /* 512 glyphs now */
	CHECK_EQ(parse_exact(buf, 4100, &f), -1);
	buf[2] = 0x08;  /* an unknown mode bit */
	CHECK_EQ(parse_exact(buf, 4100, &f), -1);
	buf[2] = 0;
	buf[3] = 0;     /* zero-height glyphs */
	CHECK_EQ(parse_exact(buf, 4100, &f), -1);

	/* PSF2 glyphs past the end. */
	psf2_header(buf, 32, 0, 10, 16, 16, 8);
	CHECK_EQ(parse_exact(buf, 32 + 159, &f), -1);
	CHECK_EQ(parse_exact(buf, 32 + 160, &f), 0);
	CHECK_EQ(f.nglyphs, 10);

	/* PSF2 headersize past the end, or too small to be a header. */
	psf2_header(buf, 1000, 0, 1, 16, 16, 8);
	CHECK_EQ(parse_exact(buf, 64, &f), -1);
	psf2_header(buf, 0xffffffff, 0, 1, 16, 16, 8);
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 16, 0, 1, 16, 16, 8);
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);

	/* PSF2 sizes that wrap around in 32-bit arithmetic. */
	psf2_header(buf, 32, 0, 1, 4, 0x40000001, 32);      /* h * 4 = 2^32 + 4 */
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 32, 0, 1, 0, 0x80000000, 16);      /* h * 2 = 2^32 */
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 32, 0, 1, 0, 16, 0xffffffff);      /* w + 7 wraps */
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 32, 0, 1, 0xffffffff, 0xffffffff, 0xffffffff);
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 32, 0, 0x10000001, 16, 16, 8);     /* n * 16 = 2^32 + 16 */
	CHECK_EQ(parse_exact(buf, 32 + 16, &f), -1);
	psf2_header(buf, 32, 0, 0xffffffff, 0xffffffff, 0xffffffff, 8);
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 0xffffffe0, 0, 2, 16, 16, 8);      /* hdrsize + glyphs wraps */
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);

	/* Other bad PSF2 headers: charsize not height*row, empty glyphs, a new version. */
	psf2_header(buf, 32, 0, 1, 17, 16, 8);
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 32, 0, 0, 16, 16, 8);
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 32, 0, 1, 0, 0, 8);
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 32, 0, 1, 0, 16, 0);
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
	psf2_header(buf, 32, 0, 1, 16, 16, 8);
	put32(buf + 4, 1);
	CHECK_EQ(parse_exact(buf, sizeof(buf), &f), -1);
}

/* A Unicode table cut short anywhere: parsed up to the cut, never past it. */
static void test_table_off_the_end(void)
{
	struct psf_font f;
	uint8_t buf[4 + 256 + 64];
	size_t at = 4 + 256;

	/* PSF1, one-byte glyphs, table: 'A' 0xFFFF 'B' then half an entry. */
	memset(buf, 0, sizeof(buf));
	buf[0] = 0x36;
	buf[1] = 0x04;
	buf[2] = 0x02;
	buf[3] = 1;
	put16(buf + at, 'A');
	put16(buf + at + 2, 0xffff);
	put16(buf + at + 4, 'B');
	buf[at + 6] = 0xff;
	CHECK_EQ(parse_exact(buf, at + 7, &f), 0);
	CHECK_EQ(f.map['A'], 0);
	CHECK_EQ(f.map['B'], 1);
	CHECK_EQ(f.map['C'], 'C');
	for (size_t n = at; n <= at + 7; n++)
		CHECK_EQ(parse_exact(buf, n, &f), 0);
	/* A sequence that never ends. */
	put16(buf + at + 4, 0xfffe);
	put16(buf + at + 6, 'C');
	CHECK_EQ(parse_exact(buf, at + 8, &f), 0);
	CHECK_EQ(f.map['C'], 'C');

	/* PSF2: 'a' 0xFF, then a two-byte lead with its second byte cut off. */
	uint8_t p2[32 + 4 + 8];

	psf2_header(p2, 32, 1, 4, 1, 1, 8);
	memset(p2 + 32, 0x55, 4);
	p2[36] = 'a';
	p2[37] = 0xff;
	p2[38] = 0xc3;
	CHECK_EQ(parse_exact(p2, 39, &f), 0);
	CHECK_EQ(f.map['a'], 0);
	CHECK_EQ(f.map[0xe9], '?' < 4 ? '?' : 0);
	for (size_t n = 36; n <= 39; n++)
		CHECK_EQ(parse_exact(p2, n, &f), 0);
	/* No separators at all, and garbage bytes. */
	memset(p2 + 36, 0xc3, 8);
	CHECK_EQ(parse_exact(p2, sizeof(p2), &f), 0);
	memset(p2 + 36, 0xfe, 8);
	CHECK_EQ(parse_exact(p2, sizeof(p2), &f), 0);
	/* More separators than glyphs: the extra entries are ignored. */
	memset(p2 + 36, 0xff, 6);
	p2[42] = 'z';
	p2[43] = 0xff;
	CHECK_EQ(parse_exact(p2, sizeof(p2), &f), 0);
	CHECK_EQ(f.map['z'], 0);
}

static void test_synthetic_psf1(void)
{
	struct psf_font f;
	/* 256 one-byte glyphs (glyph i is the byte i), then a 2-byte-per-entry table. */
	uint8_t buf[4 + 256 + 2 * 300];
	uint8_t *t = buf + 4 + 256;
	size_t n = 0;

	buf[0] = 0x36;
	buf[1] = 0x04;
	buf[2] = 0x02;
	buf[3] = 1;
	for (int i = 0; i < 256; i++)
		buf[4 + i] = (uint8_t)i;
#define ENT(v) (put16(t + 2 * n, (v)), n++)
	ENT('A'); ENT(0xffff);                                  /* glyph 0: A */
	ENT(0xe9); ENT(0xfffe); ENT('B'); ENT(0x301); ENT(0xffff); /* 1: e-acute (+ a sequence) */
	ENT(0x263a); ENT(0xffff);                               /* 2: beyond Latin-1 */
	ENT('?'); ENT(0x00ff); ENT(0xffff);                     /* 3: '?' and y-diaeresis */
	ENT('A'); ENT(0xffff);                                  /* 4: A again: first wins */
	for (int g = 5; g < 256; g++)
		ENT(0xffff);
#undef ENT

	CHECK_EQ(parse_exact(buf, 4 + 256 + 2 * n, &f), 0);
	CHECK_EQ(f.nglyphs, 256);
	CHECK_EQ(f.width, 8);
	CHECK_EQ(f.height, 1);
	CHECK_EQ(f.bytes_per_row, 1);
	CHECK_EQ(f.bytes_per_glyph, 1);
	CHECK_EQ(f.map['A'], 0);
	CHECK_EQ(f.map[0xe9], 1);
	CHECK_EQ(f.map['B'], 'B');  /* only in a sequence: unmentioned */
	CHECK_EQ(f.map['?'], 3);
	CHECK_EQ(f.map[0xff], 3);
	CHECK_EQ(f.map['Z'], 'Z');
	CHECK_EQ(f.map[0], 0);
	CHECK_EQ(*psf_glyph(&f, 'A'), 0);
	CHECK_EQ(*psf_glyph(&f, 0xe9), 1);
	CHECK_EQ(*psf_glyph(&f, 'x'), 'x');

	/* Same bytes without the table flag: the identity map. */
	buf[2] = 0;
	CHECK_EQ(parse_exact(buf, 4 + 256 + 2 * n, &f), 0);
	CHECK_EQ(f.map['A'], 'A');
	CHECK_EQ(f.map[0xe9], 0xe9);
	/* 0x04 (sequences) implies a table too. */
	buf[2] = 0x04;
	CHECK_EQ(parse_exact(buf, 4 + 256 + 2 * n, &f), 0);
	CHECK_EQ(f.map['A'], 0);

	/* At an odd address: fields are read byte by byte. */
	uint8_t *odd = malloc(sizeof(buf) + 1);

	buf[2] = 0x02;
	memcpy(odd + 1, buf, 4 + 256 + 2 * n);
	CHECK_EQ(psf_parse(odd + 1, 4 + 256 + 2 * n, &f), 0);
	CHECK_EQ(f.map[0xe9], 1);
	CHECK(f.glyphs == odd + 5);
	free(odd);

	/* 512 glyphs. */
	uint8_t *big = calloc(1, 4 + 512 * 2);

	big[0] = 0x36;
	big[1] = 0x04;
	big[2] = 0x01;
	big[3] = 2;
	CHECK_EQ(parse_exact(big, 4 + 512 * 2, &f), 0);
	CHECK_EQ(f.nglyphs, 512);
	CHECK_EQ(f.height, 2);
	CHECK_EQ(f.bytes_per_glyph, 2);
	free(big);
}

static void test_synthetic_psf2(void)
{
	struct psf_font f;
	/* 4 glyphs of 10x3 pixels: 2 bytes a row, 6 a glyph; an 8-byte gap after the header. */
	uint8_t buf[40 + 4 * 6 + 64];
	size_t n = 40 + 4 * 6;
	static const uint8_t table[] = {
		'a', 0xff,                                      /* glyph 0 */
		0xc3, 0xa9, 0xfe, 'b', 0xcc, 0x81, 0xff,        /* 1: e-acute; b only in a sequence */
		'?', 0xe2, 0x82, 0xac, 0xff,                    /* 2: '?', and the euro sign */
		0xc1, 0x81, 0xc3, 0xbf, 0x80, 0xff,             /* 3: overlong 'A' (refused), y-diaeresis */
	};

	memset(buf, 0xee, sizeof(buf));
	psf2_header(buf, 40, 1, 4, 6, 3, 10);
	for (int g = 0; g < 4; g++)
		memset(buf + 40 + 6 * g, g + 1, 6);
	memcpy(buf + n, table, sizeof(table));
	n += sizeof(table);

	CHECK_EQ(parse_exact(buf, n, &f), 0);
	CHECK_EQ(f.nglyphs, 4);
	CHECK_EQ(f.width, 10);
	CHECK_EQ(f.height, 3);
	CHECK_EQ(f.bytes_per_row, 2);
	CHECK_EQ(f.bytes_per_glyph, 6);
	CHECK(f.glyphs == buf + 40);
	CHECK_EQ(f.map['a'], 0);
	CHECK_EQ(f.map[0xe9], 1);
	CHECK_EQ(f.map['?'], 2);
	CHECK_EQ(f.map[0xff], 3);
	CHECK_EQ(f.map['b'], 2);   /* unmentioned, no glyph 98: the '?' glyph */
	CHECK_EQ(f.map['A'], 2);   /* the overlong form did not count */
	CHECK_EQ(f.map[0x80], 2);
	CHECK_EQ(f.map[1], 1);     /* unmentioned, glyph 1 exists */
	CHECK_EQ(f.map[3], 3);
	CHECK_EQ(psf_glyph(&f, 'a')[0], 1);
	CHECK_EQ(psf_glyph(&f, 0xff)[5], 4);
	CHECK_EQ(psf_glyph(&f, 'Q')[0], 3);

	/* Without the table flag, and no '?' glyph to fall back on: glyph 0. */
	put32(buf + 12, 0);
	CHECK_EQ(parse_exact(buf, n, &f), 0);
	CHECK_EQ(f.map[2], 2);
	CHECK_EQ(f.map['a'], 0);
	CHECK_EQ(f.map['?'], 0);

	/* Enough glyphs for '?' to exist at its own index. */
	uint8_t *big = calloc(1, 32 + 100);

	psf2_header(big, 32, 0, 100, 1, 1, 1);
	CHECK_EQ(parse_exact(big, 32 + 100, &f), 0);
	CHECK_EQ(f.map['z'], '?');  /* no glyph 122 */
	CHECK_EQ(f.map['a'], 'a');
	CHECK_EQ(f.map['?'], '?');
	CHECK_EQ(f.map['0'], '0');
	CHECK_EQ(f.bytes_per_row, 1);
	free(big);
}

/* Random damage to small valid fonts: anything goes, except crashing. */
static void test_fuzz(void)
{
	uint8_t p2[32 + 4 * 6 + 16], p1[4 + 256 + 48], buf[sizeof(p1)];
	struct psf_font f;
	int ok = 0;

	psf2_header(p2, 32, 1, 4, 6, 3, 10);
	for (size_t i = 32; i < sizeof(p2); i++)
		p2[i] = (uint8_t)(i * 37);
	p1[0] = 0x36;
	p1[1] = 0x04;
	p1[2] = 0x02;
	p1[3] = 1;
	for (size_t i = 4; i < sizeof(p1); i++)
		p1[i] = (uint8_t)(i * 37);
	srand(1);
	for (int iter = 0; iter < 20000; iter++) {
		const uint8_t *base = iter & 1 ? p1 : p2;
		size_t size = iter & 1 ? sizeof(p1) : sizeof(p2);

		memcpy(buf, base, size);
		for (int k = rand() % 4; k >= 0; k--)
			buf[rand() % size] = (uint8_t)rand();
		if (rand() % 2)
			size = (size_t)rand() % (size + 1);
		ok += parse_exact(buf, size, &f) == 0;
	}
	CHECK(ok > 1000);
}

int main(void)
{
	test_real_font();
	test_malformed();
	test_table_off_the_end();
	test_synthetic_psf1();
	test_synthetic_psf2();
	test_fuzz();
	return check_done();
}
