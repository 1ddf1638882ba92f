/*
 * stdio.h - formatted and buffered output (no input yet).
 *
 * stdout is line-buffered, stderr unbuffered; exit() flushes stdout.
 * The formats are those of kernel/include/lib/fmt.h: no floating point.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

typedef struct FILE FILE;

extern FILE *stdin, *stdout, *stderr;

#define __printf_like(f, a) __attribute__((__format__(__printf__, f, a)))

int printf(const char *restrict fmt, ...) __printf_like(1, 2);
int fprintf(FILE *restrict f, const char *restrict fmt, ...) __printf_like(2, 3);
int dprintf(int fd, const char *restrict fmt, ...) __printf_like(2, 3);
int sprintf(char *restrict buf, const char *restrict fmt, ...) __printf_like(2, 3);
int snprintf(char *restrict buf, size_t n, const char *restrict fmt, ...) __printf_like(3, 4);
int vprintf(const char *restrict fmt, va_list ap) __printf_like(1, 0);
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap) __printf_like(2, 0);
int vdprintf(int fd, const char *restrict fmt, va_list ap) __printf_like(2, 0);
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap) __printf_like(2, 0);
int vsnprintf(char *restrict buf, size_t n, const char *restrict fmt, va_list ap)
	__printf_like(3, 0);

int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *restrict s, FILE *restrict f);
int puts(const char *s);
size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f);
int fflush(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
void perror(const char *s);

/* rename(old, new): a system call (libc/src/unistd/files.c). */
int rename(const char *old, const char *new);
int renameat(int olddirfd, const char *old, int newdirfd, const char *new);
int renameat2(int olddirfd, const char *old, int newdirfd, const char *new, unsigned flags);

#endif
