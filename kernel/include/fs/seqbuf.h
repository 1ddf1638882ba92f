/*
 * seqbuf.h - a bounded text buffer that procfs files are generated into
 * (host-tested).
 *
 * Appends never write past size bytes, but len keeps counting what the
 * whole text needs: when len > size at the end the text did not fit, and
 * the caller generates it again into a buffer of len bytes or more
 * (Linux's seq_file retries the same way). The text is not NUL-terminated.
 */
#ifndef FS_SEQBUF_H
#define FS_SEQBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct seqbuf {
	char *buf;
	size_t size;                 /* what buf holds */
	size_t len;                  /* what the text needs so far (may exceed size) */
};

/* Did everything appended fit? */
static inline bool seq_fits(const struct seqbuf *s) { return s->len <= s->size; }

void seq_write(struct seqbuf *s, const void *p, size_t n);
void seq_puts(struct seqbuf *s, const char *str);
void seq_putc(struct seqbuf *s, char c);
void seq_printf(struct seqbuf *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Spaces until the text is at least col bytes long (Linux's seq_pad). */
void seq_pad(struct seqbuf *s, size_t col);
/* str with every byte of esc (and '\\') written as \ooo, as /proc/mounts writes names. */
void seq_escape(struct seqbuf *s, const char *str, const char *esc);

#endif
