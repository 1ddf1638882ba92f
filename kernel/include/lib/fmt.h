/*
 * fmt.h - printf-style formatting with no I/O of its own (host-tested).
 *
 * Conversions: %d %i %u %x %X %o %p %s %c %% with flags '-', '0', width
 * (number or '*'), precision for %s ('.N' or '.*'), and length modifiers
 * hh h l ll z t j. %p prints 0x followed by 16 hex digits. A NULL %s
 * prints "(null)". Unknown conversions are printed verbatim.
 */
#ifndef LIB_FMT_H
#define LIB_FMT_H

#include <stdarg.h>
#include <stddef.h>

/* Receives formatted output in pieces; s is not NUL-terminated. */
typedef void (*fmt_sink)(void *ctx, const char *s, size_t n);

/* Format into sink; return the number of characters produced. */
int fmt_vformat(fmt_sink sink, void *ctx, const char *fmt, va_list ap);

/* Like C's vsnprintf: always NUL-terminates when n > 0, returns the full length. */
int fmt_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
