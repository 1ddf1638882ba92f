/*
 * fflush.c - write out what f holds; fflush(NULL) flushes every stream.
 * After a failed write the buffered bytes are dropped and f's error set.
 */
#include "../internal/stdio_impl.h"

int fflush(FILE *f)
{
	size_t n;

	if (!f) {
		int r = fflush(stdout);

		if (fflush(stderr))
			r = EOF;
		return r;
	}
	n = f->len;
	f->len = 0;
	if (n > 0 && __write_all(f->fd, f->buf, n) < n) {
		f->error = 1;
		return EOF;
	}
	return 0;
}
