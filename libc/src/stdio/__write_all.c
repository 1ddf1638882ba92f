/* __write_all.c - write(), retried until all is written or it fails (see internal/stdio_impl.h). */
#include <unistd.h>

#include "../internal/stdio_impl.h"

size_t __write_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	size_t done = 0;

	while (done < n) {
		ssize_t r = write(fd, s + done, n - done);

		if (r <= 0)
			break;  /* an error; 0 would only repeat */
		done += (size_t)r;
	}
	return done;
}
