/* test_fmt.c - lib/fmt.c against the host's snprintf. */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "lib/fmt.h"

/* Record one comparison, naming the format when the two disagree. */
static void same_(const char *what, int line, const char *got, int rgot,
		  const char *want, int rwant)
{
	int ok = strcmp(got, want) == 0 && rgot == rwant;

	if (!ok)
		printf("  %s: got \"%s\" (%d), want \"%s\" (%d)\n", what, got, rgot, want, rwant);
	check_report(ok, what, __FILE__, line);
}

/* fmt_snprintf and snprintf must produce the same text and return value. */
#define SAME(...) do { \
	char got_[512], want_[512]; \
	int rgot_ = fmt_snprintf(got_, sizeof(got_), __VA_ARGS__); \
	int rwant_ = snprintf(want_, sizeof(want_), __VA_ARGS__); \
	same_(#__VA_ARGS__, __LINE__, got_, rgot_, want_, rwant_); \
} while (0)

/* No format attribute here: lets the tests pass formats the compiler would reject. */
static int raw(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = fmt_vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

/* The host's side of raw(). */
static int host(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

/* SAME, for arguments wider than the length modifier says (they get cut down). */
#define SAME_RAW(...) do { \
	char got_[512], want_[512]; \
	int rgot_ = raw(got_, sizeof(got_), __VA_ARGS__); \
	int rwant_ = host(want_, sizeof(want_), __VA_ARGS__); \
	same_(#__VA_ARGS__, __LINE__, got_, rgot_, want_, rwant_); \
} while (0)

struct collect {
	char buf[256];
	size_t len;
	int calls;
};

static void collect_sink(void *ctx, const char *s, size_t n)
{
	struct collect *c = ctx;

	memcpy(c->buf + c->len, s, n);
	c->len += n;
	c->buf[c->len] = '\0';
	c->calls++;
}

static int vformat(struct collect *c, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = fmt_vformat(collect_sink, c, fmt, ap);
	va_end(ap);
	return r;
}

static void test_ints(void)
{
	static const int ints[] = { 0, 1, -1, 7, -42, 12345, -99999, INT_MAX, INT_MIN };
	static const char *const ifmts[] = {
		"%d", "%i", "%5d", "%-5d|", "%05d", "%-05d|", "%1d", "%20d", "%-20d|",
		"%020d", "%.0d", "%.3d", "%8.3d", "%-8.3d|", "%08.3d",
	};
	static const unsigned uints[] = { 0, 1, 9, 10, 255, 256, 0xdeadbeef, UINT_MAX };
	static const char *const ufmts[] = {
		"%u", "%x", "%X", "%o", "%8x", "%-8x|", "%08x", "%08X", "%012o",
		"%-12o|", "%1x", "%.0x", "%.5o", "%10.4x",
	};

	for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
		for (size_t j = 0; j < sizeof(ifmts) / sizeof(ifmts[0]); j++) {
			char got[64], want[64], what[64];
			int rg = raw(got, sizeof(got), ifmts[j], ints[i]);
			int rw = snprintf(want, sizeof(want), ifmts[j], ints[i]);

			snprintf(what, sizeof(what), "\"%s\" with %d", ifmts[j], ints[i]);
			same_(what, __LINE__, got, rg, want, rw);
		}
	for (size_t i = 0; i < sizeof(uints) / sizeof(uints[0]); i++)
		for (size_t j = 0; j < sizeof(ufmts) / sizeof(ufmts[0]); j++) {
			char got[64], want[64], what[64];
			int rg = raw(got, sizeof(got), ufmts[j], uints[i]);
			int rw = snprintf(want, sizeof(want), ufmts[j], uints[i]);

			snprintf(what, sizeof(what), "\"%s\" with %u", ufmts[j], uints[i]);
			same_(what, __LINE__, got, rg, want, rw);
		}

	SAME("%x %o", 0, 0);
	SAME("%d %i %u", INT_MIN, INT_MIN, (unsigned)INT_MIN);
	SAME("[%d]", -0);
}

static void test_lengths(void)
{
	SAME_RAW("%hhd %hhd %hhd %hhu %hhx", 127, 128, -129, 300, -1);
	SAME_RAW("%hd %hd %hu %hx %ho", 32767, 40000, 70000, -1, -1);
	SAME("%ld %lu %lx %lo", LONG_MIN, ULONG_MAX, ULONG_MAX, ULONG_MAX);
	SAME("%lld %lld %llu %llx %llX %llo", LLONG_MIN, LLONG_MAX, ULLONG_MAX,
	     ULLONG_MAX, 0xabcdef0123456789ULL, ULLONG_MAX);
	SAME("%lli %-25lld|%025lld", -1LL, LLONG_MIN, LLONG_MIN);
	SAME("%zu %zx %zd", SIZE_MAX, (size_t)0x1234, (size_t)-5);
	SAME("%td %tu %tx", PTRDIFF_MIN, (ptrdiff_t)77, (ptrdiff_t)-1);
	SAME("%jd %ju %jx", INTMAX_MIN, UINTMAX_MAX, UINTMAX_MAX);
	SAME("%hhd|%hd|%d|%ld|%lld", (signed char)-5, (short)-300, -70000, -5000000000L, -1LL);
}

static void test_strings_chars(void)
{
	const char *n = NULL;
	char got[64];
	char unterminated[3] = { 'a', 'b', 'c' };  /* no NUL: %.3s must not read past it */

	SAME("%s", "hello");
	SAME("[%10s]", "hi");
	SAME("[%-10s]", "hi");
	SAME("[%1s]", "hello");
	SAME("[%.2s]", "hello");
	SAME("[%.0s]", "hello");
	SAME("[%.10s]", "hello");
	SAME("[%8.3s]", "hello");
	SAME("[%-8.3s]", "hello");
	SAME("[%*s]", 6, "ab");
	SAME("[%*s]", -6, "ab");
	SAME("[%-*s]", 6, "ab");
	SAME("[%.*s]", 3, "abcdef");
	SAME("[%.*s]", -1, "abcdef");
	SAME("[%*.*s]", 7, 2, "abcdef");
	SAME("[%s]", "");
	SAME("[%5s]", "");
	SAME("[%.3s]", unterminated);
	SAME("%c%c%c", 'a', 'b', 'c');
	SAME("[%3c][%-3c]", 'x', 'y');
	SAME("[%*c]", 4, 'z');
	SAME("%%");
	SAME("100%% sure %d%%", 5);
	SAME("no conversions at all");
	SAME("%s=%d, %s=%x", "a", 1, "b", 255);

	/* NULL %s: "(null)", the host printf agreeing or not. */
	CHECK_EQ(fmt_snprintf(got, sizeof(got), "%s", n), 6);
	CHECK_STR(got, "(null)");
	CHECK_EQ(fmt_snprintf(got, sizeof(got), "[%8s]", n), 10);
	CHECK_STR(got, "[  (null)]");
	CHECK_EQ(fmt_snprintf(got, sizeof(got), "[%-8s]", n), 10);
	CHECK_STR(got, "[(null)  ]");

	/* %c of NUL still counts one character. */
	memset(got, 'x', sizeof(got));
	CHECK_EQ(fmt_snprintf(got, sizeof(got), "a%cb", 0), 3);
	CHECK(memcmp(got, "a\0b\0", 4) == 0);
}

static void test_width_star(void)
{
	SAME("[%*d]", 5, 42);
	SAME("[%*d]", -5, 42);
	SAME("[%-*d]", -5, 42);
	SAME("[%0*d]", 5, -42);
	SAME("[%*x]", 0, 0xff);
	SAME("[%*d|%*d]", 3, 1, 4, 2);
	SAME("[%*u]", 12, 3000000000u);
}

static void test_pointer(void)
{
	char got[64], want[64];
	int x;
	void *p = &x;

	CHECK_EQ(fmt_snprintf(got, sizeof(got), "%p", p), 18);
	snprintf(want, sizeof(want), "0x%016lx", (unsigned long)(uintptr_t)p);
	CHECK_STR(got, want);
	CHECK_EQ(fmt_snprintf(got, sizeof(got), "%p", (void *)0), 18);
	CHECK_STR(got, "0x0000000000000000");
	CHECK_EQ(fmt_snprintf(got, sizeof(got), "%p", (void *)0xffffffff80001abcULL), 18);
	CHECK_STR(got, "0xffffffff80001abc");
	CHECK_EQ(fmt_snprintf(got, sizeof(got), "[%20p]", (void *)0xABCULL), 22);
	CHECK_STR(got, "[  0x0000000000000abc]");
	CHECK_EQ(fmt_snprintf(got, sizeof(got), "[%-20p]", (void *)0xABCULL), 22);
	CHECK_STR(got, "[0x0000000000000abc  ]");
}

static void test_unknown(void)
{
	char got[64];

	CHECK_EQ(raw(got, sizeof(got), "a%qb"), 4);
	CHECK_STR(got, "a%qb");
	CHECK_EQ(raw(got, sizeof(got), "%-5y|%d", 9), 6);
	CHECK_STR(got, "%-5y|9");
	CHECK_EQ(raw(got, sizeof(got), "[%lly]%d", 7), 7);
	CHECK_STR(got, "[%lly]7");
	CHECK_EQ(raw(got, sizeof(got), "%n%d", 3), 3);
	CHECK_STR(got, "%n3");
	CHECK_EQ(raw(got, sizeof(got), "%f"), 2);
	CHECK_STR(got, "%f");
	/* A '%' (or a half-finished spec) at the very end. */
	CHECK_EQ(raw(got, sizeof(got), "abc%"), 4);
	CHECK_STR(got, "abc%");
	CHECK_EQ(raw(got, sizeof(got), "abc%08l"), 7);
	CHECK_STR(got, "abc%08l");
	/* Absurd widths saturate rather than overflow; only the count is kept. */
	CHECK(raw(NULL, 0, "%99999999999999999999d", 1) > 0);
}

static void test_truncation(void)
{
	char buf[16];

	/* n = 0: nothing written, not even a NUL; buf may be NULL. */
	memset(buf, 'x', sizeof(buf));
	CHECK_EQ(fmt_snprintf(buf, 0, "hello %d", 42), 8);
	CHECK_EQ(buf[0], 'x');
	CHECK_EQ(fmt_snprintf(NULL, 0, "hello %d", 42), 8);

	/* n = 1: only the NUL. */
	memset(buf, 'x', sizeof(buf));
	CHECK_EQ(fmt_snprintf(buf, 1, "hello"), 5);
	CHECK_EQ(buf[0], '\0');
	CHECK_EQ(buf[1], 'x');

	/* Exact fit: 5 characters + NUL in 6 bytes. */
	memset(buf, 'x', sizeof(buf));
	CHECK_EQ(fmt_snprintf(buf, 6, "%s", "hello"), 5);
	CHECK_STR(buf, "hello");
	CHECK_EQ(buf[6], 'x');

	/* One short: the last character is dropped. */
	memset(buf, 'x', sizeof(buf));
	CHECK_EQ(fmt_snprintf(buf, 5, "%s", "hello"), 5);
	CHECK_STR(buf, "hell");
	CHECK_EQ(buf[5], 'x');

	/* Truncation in the middle of padding and numbers. */
	memset(buf, 'x', sizeof(buf));
	CHECK_EQ(fmt_snprintf(buf, 8, "[%10d]", -12345), 12);
	CHECK_STR(buf, "[    -1");
	CHECK_EQ(buf[8], 'x');
	CHECK_EQ(fmt_snprintf(buf, sizeof(buf), "%40s", "x"), 40);
	CHECK_EQ(strlen(buf), 15);

	/* The host agrees on every prefix length. */
	for (size_t n = 0; n <= 14; n++) {
		char got[16], want[16], what[32];

		memset(got, 'x', sizeof(got));
		memset(want, 'x', sizeof(want));
		int rg = fmt_snprintf(got, n, "%s-%05d-%x", "ab", -42, 0xbeef);
		int rw = snprintf(want, n, "%s-%05d-%x", "ab", -42, 0xbeef);

		snprintf(what, sizeof(what), "prefix n=%zu", n);
		check_report(rg == rw && memcmp(got, want, sizeof(got)) == 0, what, __FILE__, __LINE__);
	}
}

static void test_vformat(void)
{
	struct collect c = { .len = 0 };
	int r = vformat(&c, "abc %d %s %5x|%-3c|", -7, "str", 0x1f, 'q');

	CHECK_EQ(r, 21);
	CHECK_EQ(c.len, 21);
	CHECK_STR(c.buf, "abc -7 str    1f|q  |");
	CHECK(c.calls > 1);

	memset(&c, 0, sizeof(c));
	CHECK_EQ(vformat(&c, ""), 0);
	CHECK_EQ(c.len, 0);
	CHECK_EQ(c.calls, 0);

	/* Long padding arrives in pieces but adds up. */
	memset(&c, 0, sizeof(c));
	CHECK_EQ(vformat(&c, "%100d", 1), 100);
	CHECK_EQ(c.len, 100);
	CHECK_EQ(c.buf[98], ' ');
	CHECK_EQ(c.buf[99], '1');
}

int main(void)
{
	test_ints();
	test_lengths();
	test_strings_chars();
	test_width_star();
	test_pointer();
	test_unknown();
	test_truncation();
	test_vformat();
	return check_done();
}
