/*
 * seqbuf.c - appending text to a bounded buffer (see fs/seqbuf.h).
 */
#include <stdarg.h>

#include "fs/seqbuf.h"
#include "lib/fmt.h"

/* fmt's sink: append n bytes. */
static void sink(void *ctx, const char *p, size_t n)
{
	seq_write(ctx, p, n);
}

void seq_write(struct seqbuf *s, const void *p, size_t n)
{
	const char *c = p;

	for (size_t i = 0; i < n; i++, s->len++)
		if (s->len < s->size)
			s->buf[s->len] = c[i];
}

void seq_puts(struct seqbuf *s, const char *str)
{
	while (*str)
		seq_putc(s, *str++);
}

void seq_putc(struct seqbuf *s, char c)
{
	seq_write(s, &c, 1);
}

void seq_printf(struct seqbuf *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fmt_vformat(sink, s, fmt, ap);
	va_end(ap);
}

void seq_pad(struct seqbuf *s, size_t col)
{
	while (s->len < col)
		seq_putc(s, ' ');
}

void seq_escape(struct seqbuf *s, const char *str, const char *esc)
{
	for (; *str; str++) {
		bool special = *str == '\\';

		for (const char *e = esc; *e && !special; e++)
			special = *e == *str;
		if (special)
			seq_printf(s, "\\%03o", (unsigned char)*str);
		else
			seq_putc(s, *str);
	}
}
