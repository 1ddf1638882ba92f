/* __fwritex.c - output through a FILE's buffer as its mode says (see internal/stdio_impl.h). */
#include <string.h>

#include "../internal/stdio_impl.h"

int __fwritex(const void *p, size_t n, FILE *f)
{
	const char *s = p;
	size_t done = 0;

	if (f->mode == BUF_NONE) {
		if (__write_all(f->fd, s, n) < n) {
			f->error = 1;
			return EOF;
		}
		return 0;
	}
	while (done < n) {
		size_t k = f->size - f->len;

		if (k > n - done)
			k = n - done;
		memcpy(f->buf + f->len, s + done, k);
		f->len += k;
		done += k;
		if (f->len == f->size && fflush(f))
			return EOF;
	}
	if (f->mode == BUF_LINE && memchr(s, '\n', n))
		return fflush(f);
	return 0;
}
