/*
 * vfprintf.c - formatted output to f (formats: lib/fmt.h); the number of
 * bytes produced, or -1 when a write failed.
 */
#include <stdarg.h>

#include "lib/fmt.h"
#include "../internal/stdio_impl.h"

struct sink_ctx {
	FILE *f;
	int error;
};

static void file_sink(void *ctx, const char *s, size_t n)
{
	struct sink_ctx *c = ctx;

	if (__fwritex(s, n, c->f))
		c->error = 1;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct sink_ctx c = { f, 0 };
	char tmp[256];
	int n;

	if (f->mode != BUF_NONE) {
		n = fmt_vformat(file_sink, &c, fmt, ap);
		return c.error ? -1 : n;
	}
	/* Gather an unbuffered stream's output so a short message takes one write(). */
	f->mode = BUF_FULL;
	f->buf = tmp;
	f->size = sizeof(tmp);
	f->len = 0;
	n = fmt_vformat(file_sink, &c, fmt, ap);
	if (fflush(f))
		c.error = 1;
	f->mode = BUF_NONE;
	f->buf = NULL;
	f->size = 0;
	return c.error ? -1 : n;
}
