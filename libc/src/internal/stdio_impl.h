/* stdio_impl.h - what a FILE is, and the helpers the stdio files share. */
#ifndef LIBC_STDIO_IMPL_H
#define LIBC_STDIO_IMPL_H

#include <stddef.h>
#include <stdio.h>

enum { BUF_FULL, BUF_LINE, BUF_NONE };

struct FILE {
	int fd;
	int mode;      /* BUF_*: flush when full, also at each '\n', or write at once */
	int error;     /* a write failed (sticks) */
	char *buf;     /* NULL when unbuffered */
	size_t size;   /* capacity of buf */
	size_t len;    /* bytes waiting in buf */
};

/* Write n bytes to fd, retrying short writes; the count written (< n after an error). */
size_t __write_all(int fd, const void *p, size_t n);

/* Put n bytes out through f as its mode says; 0, or EOF when a write failed. */
int __fwritex(const void *p, size_t n, FILE *f);

#endif
