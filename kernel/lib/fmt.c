/*
 * fmt.c - printf-style formatting into a sink (see lib/fmt.h).
 *
 * Beyond the header's list, integer conversions also honour a precision
 * (minimum digit count, as in C), which makes the '0' flag ignored for them.
 * A conversion this file does not know is copied out verbatim, from the '%'
 * up to and including the offending character.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/fmt.h"

/* Widths and precisions saturate here instead of overflowing an int. */
#define FMT_MAX_WIDTH 0x7fffff

enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

struct out {
	fmt_sink sink;
	void *ctx;
	size_t count;
};

struct spec {
	bool left;   /* '-' */
	bool zero;   /* '0' */
	int width;
	int prec;    /* -1 when absent */
	int len;     /* LEN_* */
};

static void emit(struct out *o, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (o->sink)
		o->sink(o->ctx, s, n);
	o->count += n;
}

/* Emit n copies of c. */
static void pad(struct out *o, char c, int n)
{
	static const char spaces[] = "                ";
	static const char zeros[] = "0000000000000000";
	const char *src = c == '0' ? zeros : spaces;

	while (n > 0) {
		int k = n < 16 ? n : 16;

		emit(o, src, (size_t)k);
		n -= k;
	}
}

/* Length of s, but never looking at more than max bytes. */
static size_t strnlen_(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/* Emit s (n bytes) padded to the spec's width with spaces. */
static void put_padded(struct out *o, const struct spec *sp, const char *s, size_t n)
{
	int fill = (size_t)sp->width > n ? sp->width - (int)n : 0;

	if (!sp->left)
		pad(o, ' ', fill);
	emit(o, s, n);
	if (sp->left)
		pad(o, ' ', fill);
}

/* Emit prefix (sign or 0x) and the digits of v in base, laid out per spec. */
static void put_num(struct out *o, const struct spec *sp, const char *prefix,
		    uintmax_t v, unsigned base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[sizeof(uintmax_t) * 3];  /* octal needs 22 for 64 bits */
	int nd = 0, plen = (int)strnlen_(prefix, 2), zeros, fill;

	while (v) {
		buf[sizeof(buf) - 1 - nd++] = digits[v % base];
		v /= base;
	}
	if (nd == 0 && sp->prec != 0)
		buf[sizeof(buf) - 1 - nd++] = '0';

	zeros = sp->prec > nd ? sp->prec - nd : 0;
	fill = sp->width - plen - zeros - nd;
	if (fill < 0)
		fill = 0;
	if (sp->zero && !sp->left && sp->prec < 0) {
		zeros += fill;
		fill = 0;
	}
	if (!sp->left)
		pad(o, ' ', fill);
	emit(o, prefix, (size_t)plen);
	pad(o, '0', zeros);
	emit(o, buf + sizeof(buf) - nd, (size_t)nd);
	if (sp->left)
		pad(o, ' ', fill);
}

/* Fetch a signed integer argument of the spec's length. */
static intmax_t arg_signed(va_list *ap, int len)
{
	switch (len) {
	case LEN_HH: return (signed char)va_arg(*ap, int);
	case LEN_H:  return (short)va_arg(*ap, int);
	case LEN_L:  return va_arg(*ap, long);
	case LEN_LL: return va_arg(*ap, long long);
	case LEN_Z:  return (ptrdiff_t)va_arg(*ap, size_t);  /* the signed size_t */
	case LEN_T:  return va_arg(*ap, ptrdiff_t);
	case LEN_J:  return va_arg(*ap, intmax_t);
	default:     return va_arg(*ap, int);
	}
}

/* Fetch an unsigned integer argument of the spec's length. */
static uintmax_t arg_unsigned(va_list *ap, int len)
{
	switch (len) {
	case LEN_HH: return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:  return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:  return va_arg(*ap, unsigned long);
	case LEN_LL: return va_arg(*ap, unsigned long long);
	case LEN_Z:  return va_arg(*ap, size_t);
	case LEN_T:  return (size_t)va_arg(*ap, ptrdiff_t);
	case LEN_J:  return va_arg(*ap, uintmax_t);
	default:     return va_arg(*ap, unsigned int);
	}
}

/* Parse a decimal number at *p, saturating at FMT_MAX_WIDTH. */
static int parse_num(const char **p)
{
	int n = 0;

	while (**p >= '0' && **p <= '9') {
		n = n * 10 + (**p - '0');
		if (n > FMT_MAX_WIDTH)
			n = FMT_MAX_WIDTH;
		(*p)++;
	}
	return n;
}

/* Parse the flags, width, precision and length after a '%'; advance *p past them. */
static void parse_spec(const char **p, struct spec *sp, va_list *ap)
{
	const char *s = *p;

	sp->left = sp->zero = false;
	sp->width = 0;
	sp->prec = -1;
	sp->len = LEN_NONE;

	for (;; s++) {
		if (*s == '-')
			sp->left = true;
		else if (*s == '0')
			sp->zero = true;
		else
			break;
	}
	if (*s == '*') {
		int w = va_arg(*ap, int);

		s++;
		if (w < 0) {  /* a negative '*' width means '-' */
			sp->left = true;
			w = w < -FMT_MAX_WIDTH ? FMT_MAX_WIDTH : -w;
		}
		sp->width = w > FMT_MAX_WIDTH ? FMT_MAX_WIDTH : w;
	} else {
		sp->width = parse_num(&s);
	}
	if (*s == '.') {
		s++;
		if (*s == '*') {
			int pr = va_arg(*ap, int);

			s++;
			sp->prec = pr < 0 ? -1 : pr > FMT_MAX_WIDTH ? FMT_MAX_WIDTH : pr;
		} else {
			sp->prec = parse_num(&s);
		}
	}
	switch (*s) {
	case 'h':
		s++;
		sp->len = LEN_H;
		if (*s == 'h') {
			s++;
			sp->len = LEN_HH;
		}
		break;
	case 'l':
		s++;
		sp->len = LEN_L;
		if (*s == 'l') {
			s++;
			sp->len = LEN_LL;
		}
		break;
	case 'z': s++; sp->len = LEN_Z; break;
	case 't': s++; sp->len = LEN_T; break;
	case 'j': s++; sp->len = LEN_J; break;
	}
	*p = s;
}

/* Do one conversion (c) with its parsed spec; false when c is not known. */
static bool convert(struct out *o, const struct spec *sp, char c, va_list *ap)
{
	switch (c) {
	case 'd':
	case 'i': {
		intmax_t v = arg_signed(ap, sp->len);
		/* Negate in unsigned arithmetic so INTMAX_MIN does not overflow. */
		uintmax_t u = v < 0 ? (uintmax_t)0 - (uintmax_t)v : (uintmax_t)v;

		put_num(o, sp, v < 0 ? "-" : "", u, 10, false);
		return true;
	}
	case 'u':
		put_num(o, sp, "", arg_unsigned(ap, sp->len), 10, false);
		return true;
	case 'x':
	case 'X':
		put_num(o, sp, "", arg_unsigned(ap, sp->len), 16, c == 'X');
		return true;
	case 'o':
		put_num(o, sp, "", arg_unsigned(ap, sp->len), 8, false);
		return true;
	case 'p': {
		struct spec ps = *sp;

		ps.prec = 16;  /* always all 16 digits */
		put_num(o, &ps, "0x", (uintptr_t)va_arg(*ap, void *), 16, false);
		return true;
	}
	case 's': {
		const char *s = va_arg(*ap, const char *);

		if (!s)
			s = "(null)";
		put_padded(o, sp, s, strnlen_(s, sp->prec < 0 ? SIZE_MAX : (size_t)sp->prec));
		return true;
	}
	case 'c': {
		char ch = (char)va_arg(*ap, int);

		put_padded(o, sp, &ch, 1);
		return true;
	}
	case '%':
		emit(o, "%", 1);
		return true;
	default:
		return false;
	}
}

int fmt_vformat(fmt_sink sink, void *ctx, const char *fmt, va_list ap)
{
	struct out o = { sink, ctx, 0 };
	struct spec sp;
	va_list args;
	const char *p = fmt;

	/* A va_list parameter may be an array type: copy it to take its address. */
	va_copy(args, ap);
	while (*p) {
		const char *start = p;

		while (*p && *p != '%')
			p++;
		emit(&o, start, (size_t)(p - start));
		if (!*p)
			break;

		start = p++;
		parse_spec(&p, &sp, &args);
		if (*p && convert(&o, &sp, *p, &args)) {
			p++;
		} else {
			/* Unknown (or cut short): print what was there as it stands. */
			if (*p)
				p++;
			emit(&o, start, (size_t)(p - start));
		}
	}
	va_end(args);
	return o.count > INT32_MAX ? INT32_MAX : (int)o.count;
}

struct strbuf {
	char *buf;
	size_t size;
	size_t len;  /* characters produced so far, stored or not */
};

/* Sink for fmt_vsnprintf: keep what fits, leaving room for the NUL. */
static void strbuf_sink(void *ctx, const char *s, size_t n)
{
	struct strbuf *b = ctx;

	for (size_t i = 0; i < n; i++, b->len++)
		if (b->len + 1 < b->size)
			b->buf[b->len] = s[i];
}

int fmt_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	struct strbuf b = { buf, n, 0 };
	int r = fmt_vformat(strbuf_sink, &b, fmt, ap);

	if (n > 0)
		buf[b.len < n ? b.len : n - 1] = '\0';
	return r;
}

int fmt_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = fmt_vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}
