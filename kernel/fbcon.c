/*
 * fbcon.c - a text console on the GOP framebuffer: fixed cells, a cursor,
 * newline, tab, backspace, and scrolling by moving the pixels up one row.
 */
#include "kernel.h"
#include "lib/psf.h"

extern const uint8_t font_psf[], font_psf_end[];

static struct {
	uint8_t *fb;            /* framebuffer through the direct map */
	uint32_t pitch, width, height;
	uint32_t cols, rows, x, y;
	uint32_t fg, bg;
	struct psf_font font;
	bool on;
} con;

bool fbcon_active(void) { return con.on; }

static uint32_t rgb(const struct bi_framebuffer *fb, uint8_t r, uint8_t g, uint8_t b)
{
	return (uint32_t)r << fb->red_shift | (uint32_t)g << fb->green_shift | (uint32_t)b << fb->blue_shift;
}

static void fill_rows(uint32_t py, uint32_t nrows)
{
	for (uint32_t r = py; r < py + nrows; r++) {
		uint32_t *line = (uint32_t *)(con.fb + (uint64_t)r * con.pitch);
		for (uint32_t i = 0; i < con.width; i++)
			line[i] = con.bg;
	}
}

bool fbcon_init(const struct bi_framebuffer *fb)
{
	if (!fb->base || fb->bpp != 32)
		return false;
	if (psf_parse(font_psf, font_psf_end - font_psf, &con.font) != 0)
		return false;
	con.fb = phys_to_virt(fb->base);
	con.pitch = fb->pitch;
	con.width = fb->width;
	con.height = fb->height;
	con.cols = fb->width / con.font.width;
	con.rows = fb->height / con.font.height;
	con.fg = rgb(fb, 0xd0, 0xd0, 0xd0);
	con.bg = rgb(fb, 0x10, 0x10, 0x30);
	con.x = con.y = 0;
	fill_rows(0, con.height);
	con.on = con.cols > 0 && con.rows > 0;
	return con.on;
}

static void draw(uint32_t cx, uint32_t cy, unsigned char c)
{
	const struct psf_font *f = &con.font;
	const uint8_t *g = psf_glyph(f, c);

	for (uint32_t y = 0; y < f->height; y++) {
		uint32_t *px = (uint32_t *)(con.fb + (uint64_t)(cy * f->height + y) * con.pitch) + cx * f->width;
		const uint8_t *row = g + y * f->bytes_per_row;
		for (uint32_t x = 0; x < f->width; x++)
			px[x] = (row[x / 8] & (0x80 >> (x % 8))) ? con.fg : con.bg;
	}
}

static void newline(void)
{
	con.x = 0;
	if (++con.y < con.rows)
		return;
	/* Scroll: move every text row up by one, clear the last. */
	uint32_t h = con.font.height;
	memmove(con.fb, con.fb + (uint64_t)h * con.pitch, (uint64_t)(con.rows - 1) * h * con.pitch);
	fill_rows((con.rows - 1) * h, h);
	con.y = con.rows - 1;
}

void fbcon_write(const char *s, size_t n)
{
	if (!con.on)
		return;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '\n') {
			newline();
		} else if (c == '\r') {
			con.x = 0;
		} else if (c == '\t') {
			do
				fbcon_write(" ", 1);
			while (con.x % 8);
		} else if (c == '\b') {
			if (con.x > 0)
				con.x--;
		} else {
			draw(con.x, con.y, c);
			if (++con.x == con.cols)
				newline();
		}
	}
}
