/*
 * test_stdio.c - libc stdio.h (tl_ names): the snprintf family against the
 * host's, and FILE output captured by host_sys.c's fake write().
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "host_sys.h"

/* tl_snprintf and the host's snprintf give the same text and return value. */
#define SAME(...) do { \
	char got_[256], want_[256]; \
	int rgot_ = tl_snprintf(got_, sizeof(got_), __VA_ARGS__); \
	int rwant_ = snprintf(want_, sizeof(want_), __VA_ARGS__); \
	if (strcmp(got_, want_) != 0 || rgot_ != rwant_) \
		printf("  %s: got \"%s\" (%d), want \"%s\" (%d)\n", #__VA_ARGS__, \
		       got_, rgot_, want_, rwant_); \
	check_report(strcmp(got_, want_) == 0 && rgot_ == rwant_, #__VA_ARGS__, __FILE__, __LINE__); \
} while (0)

static int my_vsnprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = tl_vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

static void test_snprintf(void)
{
	char buf[64], want[64];
	int x = 5;

	SAME("plain");
	SAME("%d %i %d", 0, -42, 2147483647);
	SAME("%d", (int)-2147483647 - 1);
	SAME("%u %u", 0u, 4294967295u);
	SAME("%x %X %o", 0xbeefu, 0xbeefu, 8u);
	SAME("%s|%s", "str", "");
	SAME("%c%c%c", 'a', 'b', 'c');
	SAME("100%%");
	SAME("%lu %ld", ULONG_MAX, LONG_MIN);
	SAME("%llx %lld %llu", 0xfedcba9876543210ull, -1ll, 12345678901234567890ull);
	SAME("%zu %zx", (size_t)-1, (size_t)4096);
	SAME("%hd %hu %hhd %hhu %hhx", (short)-3, (unsigned short)65535, (signed char)-1,
	     (unsigned char)255, (unsigned char)0x1ff);
	SAME("[%5d] [%-5d] [%05d]", 42, 42, 42);
	SAME("[%05d] [%5d]", -42, -42);
	SAME("[%8x] [%08x] [%-8X]", 0xabcu, 0xabcu, 0xabcu);
	SAME("[%10s] [%-10s] [%.2s] [%*s]", "hi", "hi", "hello", 4, "x");
	SAME("[%3c] [%-3c]", 'z', 'z');
	SAME("[%018llu]", 1ull);

	/* %p is always 0x and 16 digits (lib/fmt.h), unlike glibc's. */
	CHECK_EQ(tl_snprintf(buf, sizeof(buf), "%p", (void *)0x1234), 18);
	CHECK_STR(buf, "0x0000000000001234");
	tl_snprintf(buf, sizeof(buf), "[%20p|%-20p]", (void *)&x, (void *)0xffff);
	snprintf(want, sizeof(want), "[  0x%016llx|0x000000000000ffff  ]",
		 (unsigned long long)(uintptr_t)&x);
	CHECK_STR(buf, want);

	/* Truncation: at most n-1 characters and a NUL; the return value is the full length. */
	memset(buf, 'x', sizeof(buf));
	CHECK_EQ(tl_snprintf(buf, 6, "%s-%d", "abc", 12345), 9);
	CHECK_STR(buf, "abc-1");
	memset(buf, 'x', sizeof(buf));
	CHECK_EQ(tl_snprintf(buf, 1, "abc"), 3);
	CHECK_EQ(buf[0], '\0');
	memset(buf, 'x', sizeof(buf));
	CHECK_EQ(tl_snprintf(buf, 0, "abc"), 3);
	CHECK_EQ(buf[0], 'x');                     /* n == 0: nothing stored */
	CHECK_EQ(tl_snprintf(NULL, 0, "%d", 123456), 6);
	CHECK_EQ(tl_snprintf(buf, 4, "abc"), 3);  /* exactly fits */
	CHECK_STR(buf, "abc");

	CHECK_EQ(my_vsnprintf(buf, sizeof(buf), "%s=%lu", "k", 7ul), 3);
	CHECK_STR(buf, "k=7");
	CHECK_EQ(my_vsnprintf(buf, 3, "%d", -1000), 5);
	CHECK_STR(buf, "-1");

	CHECK_EQ(tl_sprintf(buf, "%s %03d", "n", 7), 5);
	CHECK_STR(buf, "n 007");
	CHECK_EQ(tl_sprintf(buf, ""), 0);
	CHECK_STR(buf, "");
}

/* stdout is line-buffered: nothing until a newline, fflush() or exit. */
static void test_stdout(void)
{
	sys_capture_reset();
	CHECK_EQ(tl_printf("hello %s", "world"), 11);
	CHECK_EQ(sys_out[1].writes, 0);
	CHECK_EQ(tl_printf(", %d\n", 42), 5);
	CHECK_EQ(sys_out[1].writes, 1);
	CHECK_STR(sys_out[1].data, "hello world, 42\n");

	CHECK_EQ(tl_putchar('a'), 'a');
	CHECK_EQ(tl_fputc('b', tl_stdout), 'b');
	CHECK_EQ(tl_putc(0x163, tl_stdout), 0x63);  /* c goes out as an unsigned char */
	CHECK_EQ(tl_fputs("def", tl_stdout), 0);
	CHECK_EQ(tl_fwrite("ghij", 2, 2, tl_stdout), 2);
	CHECK_EQ(tl_fwrite("x", 0, 5, tl_stdout), 0);
	CHECK_EQ(sys_out[1].writes, 1);
	CHECK_EQ(tl_fflush(tl_stdout), 0);
	CHECK_EQ(sys_out[1].writes, 2);
	CHECK_STR(sys_out[1].data, "hello world, 42\nabcdefghij");
	CHECK_EQ(tl_fflush(tl_stdout), 0);  /* nothing left: no write */
	CHECK_EQ(sys_out[1].writes, 2);

	sys_capture_reset();
	CHECK(tl_puts("line") >= 0);
	CHECK_STR(sys_out[1].data, "line\n");
	CHECK_EQ(sys_out[1].writes, 1);

	/* Text with a newline in the middle goes out whole, at the end of the call. */
	sys_capture_reset();
	tl_printf("a\nb");
	CHECK_STR(sys_out[1].data, "a\nb");
	tl_fflush(NULL);

	/* More than the buffer holds: it goes out in full buffers, then the rest at fflush. */
	char big[3000];

	memset(big, 'q', sizeof(big));
	sys_capture_reset();
	CHECK_EQ(tl_fwrite(big, 1, sizeof(big), tl_stdout), sizeof(big));
	CHECK_EQ(sys_out[1].len, 2048);
	tl_fflush(NULL);
	CHECK_EQ(sys_out[1].len, 3000);
	CHECK(memcmp(sys_out[1].data, big, 3000) == 0);

	/* A long printf line. */
	sys_capture_reset();
	CHECK_EQ(tl_printf("%2000d|\n", 1), 2002);
	CHECK_EQ(sys_out[1].len, 2002);
	CHECK(sys_out[1].data[0] == ' ' && memcmp(sys_out[1].data + 1999, "1|\n", 3) == 0);

	/* __stdio_flush() (what exit() calls) empties stdout. */
	sys_capture_reset();
	tl_printf("pending");
	tl___stdio_flush();
	CHECK_STR(sys_out[1].data, "pending");
}

/* stderr is unbuffered, and one printf is one write(). */
static void test_stderr(void)
{
	sys_capture_reset();
	CHECK_EQ(tl_fprintf(tl_stderr, "%s: %d", "err", 5), 6);
	CHECK_EQ(sys_out[2].writes, 1);
	CHECK_STR(sys_out[2].data, "err: 5");
	CHECK_EQ(tl_fputs("!", tl_stderr), 0);
	CHECK_EQ(tl_fputc('?', tl_stderr), '?');
	CHECK_STR(sys_out[2].data, "err: 5!?");
	CHECK_EQ(sys_out[2].writes, 3);

	/* Longer than vfprintf's gathering buffer: still all of it, in order. */
	sys_capture_reset();
	CHECK_EQ(tl_fprintf(tl_stderr, "%600s|", "end"), 601);
	CHECK_EQ(sys_out[2].len, 601);
	CHECK(memcmp(sys_out[2].data + 597, "end|", 4) == 0);

	sys_capture_reset();
	tl_errno = ENOENT;
	tl_perror("open");
	CHECK_STR(sys_out[2].data, "open: No such file or directory\n");
	CHECK_EQ(sys_out[2].writes, 1);
	sys_capture_reset();
	tl_errno = 9999;
	tl_perror(NULL);
	tl_perror("");
	CHECK_STR(sys_out[2].data, "Unknown error 9999\nUnknown error 9999\n");
}

static void test_dprintf(void)
{
	sys_capture_reset();
	CHECK_EQ(tl_dprintf(5, "fd %d, %s\n", 5, "direct"), 13);
	CHECK_STR(sys_out[5].data, "fd 5, direct\n");
	CHECK_EQ(sys_out[5].writes, 1);
	CHECK_EQ(tl_dprintf(5, "%s", ""), 0);
	CHECK_EQ(sys_out[5].writes, 1);  /* nothing to write, no write() */
	CHECK_EQ(tl_dprintf(5, "%1000d", 7), 1000);
	CHECK_EQ(sys_out[5].len, 13 + 1000);
	CHECK_EQ(tl_dprintf(42, "bad fd"), -1);
}

/* Short writes are retried; failed ones make the call return an error. */
static void test_write_errors(void)
{
	sys_capture_reset();
	sys_write_chunk = 3;
	CHECK_EQ(tl_printf("0123456789\n"), 11);
	CHECK_STR(sys_out[1].data, "0123456789\n");
	CHECK_EQ(sys_out[1].writes, 4);
	CHECK_EQ(tl_fprintf(tl_stderr, "abcdefg"), 7);
	CHECK_STR(sys_out[2].data, "abcdefg");

	sys_capture_reset();
	CHECK_EQ(tl_ferror(tl_stdout), 0);
	sys_write_fail = true;
	CHECK_EQ(tl_printf("lost\n"), -1);
	CHECK_EQ(tl_puts("lost"), EOF);
	CHECK_EQ(tl_fputc('x', tl_stderr), EOF);
	CHECK_EQ(tl_fputs("x", tl_stderr), EOF);
	CHECK_EQ(tl_fprintf(tl_stderr, "x"), -1);
	CHECK_EQ(tl_dprintf(1, "x"), -1);
	CHECK_EQ(tl_fwrite("xyz\n", 1, 4, tl_stdout), 0);
	tl_printf("held");
	CHECK_EQ(tl_fflush(tl_stdout), EOF);
	CHECK_EQ(tl_fflush(NULL), 0);  /* the failed bytes were dropped */
	CHECK(tl_ferror(tl_stdout) && tl_ferror(tl_stderr));
	tl_clearerr(tl_stdout);
	tl_clearerr(tl_stderr);
	CHECK(!tl_ferror(tl_stdout) && !tl_ferror(tl_stderr));

	/* It works again once write() does. */
	sys_capture_reset();
	CHECK_EQ(tl_printf("back\n"), 5);
	CHECK_STR(sys_out[1].data, "back\n");
	sys_capture_reset();
}

int main(void)
{
	test_snprintf();
	test_stdout();
	test_stderr();
	test_dprintf();
	test_write_errors();
	return check_done();
}
