/*
 * test_stdlib.c - libc stdlib.h (tl_ names): the strtol family (by hand and
 * against the host's), qsort, bsearch, getenv, atexit/exit, abort, assert.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "host_sys.h"

/* tl_strtol(s, &end, base): check the value, errno (0 unless ERANGE/EINVAL) and where it stopped. */
#define STRTOL(s, base, want, want_errno, want_used) do { \
	const char *s_ = (s); \
	char *end_ = NULL; \
	tl_errno = 0; \
	CHECK_EQ(tl_strtol(s_, &end_, (base)), (want)); \
	CHECK_EQ(tl_errno, (want_errno)); \
	CHECK_EQ(end_ - s_, (want_used)); \
} while (0)

static void test_strtol_by_hand(void)
{
	STRTOL("42", 10, 42, 0, 2);
	STRTOL("   -17xyz", 10, -17, 0, 6);
	STRTOL("\t\n\v\f\r +5", 10, 5, 0, 8);
	STRTOL("0", 0, 0, 0, 1);
	STRTOL("0x", 0, 0, 0, 1);           /* "0x" without hex digits: the subject is "0" */
	STRTOL("0xg", 16, 0, 0, 1);
	STRTOL("0x1f", 0, 31, 0, 4);
	STRTOL("0X1F", 16, 31, 0, 4);
	STRTOL("1f", 16, 31, 0, 2);
	STRTOL("-0x10", 0, -16, 0, 5);
	STRTOL("010", 0, 8, 0, 3);
	STRTOL("08", 0, 0, 0, 1);           /* octal: stops at the 8 */
	STRTOL("010", 10, 10, 0, 3);
	STRTOL("0x10", 10, 0, 0, 1);
	STRTOL("z", 36, 35, 0, 1);
	STRTOL("Zz", 36, 35 * 36 + 35, 0, 2);
	STRTOL("1012", 2, 5, 0, 3);
	STRTOL("", 10, 0, 0, 0);            /* no digits: end is the start */
	STRTOL("   ", 10, 0, 0, 0);
	STRTOL("  -", 10, 0, 0, 0);
	STRTOL("+", 0, 0, 0, 0);
	STRTOL(" - 5", 10, 0, 0, 0);
	STRTOL("abc", 10, 0, 0, 0);
#if LONG_MAX > INT_MAX                   /* a 64-bit long; -m32 has 32 */
	STRTOL("9223372036854775807", 10, LONG_MAX, 0, 19);
	STRTOL("9223372036854775808", 10, LONG_MAX, ERANGE, 19);
	STRTOL("-9223372036854775808", 10, LONG_MIN, 0, 20);
	STRTOL("-9223372036854775809", 10, LONG_MIN, ERANGE, 20);
	STRTOL("99999999999999999999999999x", 10, LONG_MAX, ERANGE, 26);
	STRTOL("-0x8000000000000000", 0, LONG_MIN, 0, 19);
	STRTOL("0x8000000000000000", 0, LONG_MAX, ERANGE, 18);
#endif
	STRTOL("10", 1, 0, EINVAL, 0);
	STRTOL("10", 37, 0, EINVAL, 0);
	STRTOL("10", -2, 0, EINVAL, 0);

	/* NULL end pointers are allowed. */
	CHECK_EQ(tl_strtol("123", NULL, 0), 123);

	tl_errno = 0;
	CHECK(tl_strtoul("-1", NULL, 10) == ULONG_MAX && tl_errno == 0);
#if LONG_MAX > INT_MAX
	CHECK(tl_strtoul("18446744073709551615", NULL, 10) == ULONG_MAX && tl_errno == 0);
	CHECK(tl_strtoul("18446744073709551616", NULL, 10) == ULONG_MAX && tl_errno == ERANGE);
#endif
	tl_errno = 0;
	CHECK(tl_strtoul("-18446744073709551616", NULL, 10) == ULONG_MAX && tl_errno == ERANGE);
	tl_errno = 0;
	CHECK(tl_strtoull("-18446744073709551615", NULL, 10) == 1 && tl_errno == 0);
	CHECK(tl_strtoull("0xffffffffffffffff", NULL, 0) == ULLONG_MAX && tl_errno == 0);
	CHECK(tl_strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN && tl_errno == 0);
	CHECK(tl_strtoll("9223372036854775808", NULL, 10) == LLONG_MAX && tl_errno == ERANGE);

	CHECK_EQ(tl_atoi("  -123abc"), -123);
	CHECK_EQ(tl_atoi("x"), 0);
#if LONG_MAX > INT_MAX
	CHECK_EQ(tl_atol("2147483648"), 2147483648L);
#endif
	CHECK_EQ(tl_atoll("-77"), -77);
	CHECK_EQ(tl_abs(-3), 3);
	CHECK_EQ(tl_abs(INT_MAX), INT_MAX);
	CHECK_EQ(tl_labs(-LONG_MAX), LONG_MAX);
	CHECK_EQ(tl_llabs(LLONG_MIN + 1), LLONG_MAX);
}

/* Every string in a list, in bases 0, 2, 8, 10, 16 and 36: the same results as the host's. */
static void test_strto_vs_host(void)
{
	static const char *const inputs[] = {
		"", " ", "0", "-0", "+0", "00", "0x", "0X", "0x0", "-0x", "0x-1", "0b1", "1",
		"-1", "+1", "--1", "+-1", "12345", "  \t+678 ", "0777", "0778", "0xabcdef",
		"0XABCDEFG", "ff", "FF", "zz", "ZZ!", "10_0", "1 2",
		"2147483647", "2147483648", "-2147483648", "-2147483649",
		"4294967295", "4294967296",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "18446744073709551615", "18446744073709551616",
		"-18446744073709551615", "-18446744073709551616",
		"0x7fffffffffffffff", "0x8000000000000000", "-0x8000000000000000",
		"-0x8000000000000001", "0xffffffffffffffff", "0x10000000000000000",
		"01777777777777777777777", "02000000000000000000000",
		"1111111111111111111111111111111111111111111111111111111111111111",
		"11111111111111111111111111111111111111111111111111111111111111111",
		"3w5e11264sgsf", "3w5e11264sgsg", "-3w5e11264sgsg", "zzzzzzzzzzzzzzzzzzzzzzzzzz",
		"999999999999999999999999999999999999999999999999999999999999",
	};
	static const int bases[] = { 0, 2, 8, 10, 16, 36 };
	int bad = 0, cases = 0;

	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
		for (size_t j = 0; j < sizeof(bases) / sizeof(bases[0]); j++) {
			const char *s = inputs[i];
			int b = bases[j];
			char *e1, *e2;
			int err1, err2;

#define SAME_AS_HOST(mine, host) do { \
	tl_errno = 0; \
	errno = 0; \
	__typeof__(host(s, &e2, b)) v1_ = mine(s, &e1, b); \
	err1 = tl_errno; \
	__typeof__(host(s, &e2, b)) v2_ = host(s, &e2, b); \
	err2 = errno; \
	cases++; \
	if (v1_ != v2_ || err1 != err2 || e1 != e2) { \
		bad++; \
		printf("  %s(\"%s\", %d): %lld errno %d used %td, host: %lld errno %d used %td\n", \
		       #host, s, b, (long long)v1_, err1, e1 - s, (long long)v2_, err2, e2 - s); \
	} \
} while (0)
			SAME_AS_HOST(tl_strtol, strtol);
			SAME_AS_HOST(tl_strtoul, strtoul);
			SAME_AS_HOST(tl_strtoll, strtoll);
			SAME_AS_HOST(tl_strtoull, strtoull);
#undef SAME_AS_HOST
		}
	printf("# strto*: %d cases against the host\n", cases);
	CHECK_EQ(bad, 0);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* An element of an odd size, sorted by key only. */
struct rec {
	unsigned char key;
	char tag[6];
};

static int cmp_rec(const void *a, const void *b)
{
	return ((const struct rec *)a)->key - ((const struct rec *)b)->key;
}

static unsigned long long rng = 88172645463325252ULL;

static unsigned long long next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Sort n ints drawn from [0, range) and compare with the host's qsort of the same. */
static int sort_ok(size_t n, unsigned range)
{
	static int a[5000], b[5000];

	for (size_t i = 0; i < n; i++)
		a[i] = b[i] = (int)(next_rand() % range) - (int)(range / 2);
	tl_qsort(a, n, sizeof(int), cmp_int);
	qsort(b, n, sizeof(int), cmp_int);
	return memcmp(a, b, n * sizeof(int)) == 0;
}

static void test_qsort(void)
{
	static const size_t sizes[] = { 0, 1, 2, 3, 4, 5, 7, 8, 16, 31, 100, 1000, 4999, 5000 };
	int bad = 0;

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		/* Values nearly all different, many duplicates, all equal. */
		static const unsigned ranges[] = { 1u << 30, 3, 1 };

		for (size_t r = 0; r < 3; r++)
			if (!sort_ok(sizes[i], ranges[r])) {
				printf("  qsort of %zu values in [0, %u) is wrong\n", sizes[i], ranges[r]);
				bad++;
			}
	}
	CHECK_EQ(bad, 0);

	/* Already sorted and reversed. */
	int up[300], down[300];

	for (int i = 0; i < 300; i++) {
		up[i] = i;
		down[i] = 299 - i;
	}
	tl_qsort(up, 300, sizeof(int), cmp_int);
	tl_qsort(down, 300, sizeof(int), cmp_int);
	CHECK(memcmp(up, down, sizeof(up)) == 0 && up[0] == 0 && up[299] == 299);

	/* 7-byte elements: the tags travel with their keys. */
	struct rec r[200];
	int key_count[256] = { 0 }, bad_rec = 0;

	for (int i = 0; i < 200; i++) {
		r[i].key = (unsigned char)(next_rand() % 50);
		snprintf(r[i].tag, sizeof(r[i].tag), "k%03d", r[i].key);
		key_count[r[i].key]++;
	}
	tl_qsort(r, 200, sizeof(struct rec), cmp_rec);
	for (int i = 0; i < 200; i++) {
		char want[6];

		snprintf(want, sizeof(want), "k%03d", r[i].key);
		if (strcmp(want, r[i].tag) != 0 || (i > 0 && r[i - 1].key > r[i].key))
			bad_rec++;
		key_count[r[i].key]--;
	}
	for (int k = 0; k < 256; k++)
		if (key_count[k] != 0)
			bad_rec++;
	CHECK_EQ(bad_rec, 0);
}

static void test_bsearch(void)
{
	int a[101];
	int bad = 0;

	for (int i = 0; i < 101; i++)
		a[i] = 2 * i;
	/* Every length from 0 to 101, every key present and absent. */
	for (size_t n = 0; n <= 101; n++)
		for (int key = -1; key <= 203; key++) {
			int *p = tl_bsearch(&key, a, n, sizeof(int), cmp_int);
			int present = key >= 0 && key % 2 == 0 && (size_t)(key / 2) < n;

			if (present ? p != &a[key / 2] : p != NULL)
				bad++;
		}
	CHECK_EQ(bad, 0);
}

static void test_getenv(void)
{
	char *env[] = { "HOME=/root", "PATH=/bin:/usr/bin", "EMPTY=", "HOMEDIR=/x", "NOEQ", NULL };

	tl_environ = NULL;
	CHECK(tl_getenv("HOME") == NULL);
	tl_environ = env;
	CHECK_STR(tl_getenv("HOME"), "/root");
	CHECK_STR(tl_getenv("PATH"), "/bin:/usr/bin");
	CHECK_STR(tl_getenv("EMPTY"), "");
	CHECK_STR(tl_getenv("HOMEDIR"), "/x");
	CHECK(tl_getenv("HOM") == NULL);
	CHECK(tl_getenv("NOEQ") == NULL);
	CHECK(tl_getenv("") == NULL);
	CHECK(tl_getenv("HOME=/root") == NULL);
	CHECK(tl_getenv("MISSING") == NULL);
	tl_environ = NULL;
}

static char order[64];

static void handler(char c)
{
	size_t n = strlen(order);

	order[n] = c;
	order[n + 1] = '\0';
}

static void h1(void) { handler('1'); }
static void h2(void) { handler('2'); tl_printf("[h2]"); }
static void h3(void) { handler('3'); }
static void h_adds(void) { handler('a'); tl_atexit(h3); }

static void test_exit(void)
{
	int status;

	sys_capture_reset();
	order[0] = '\0';
	CHECK_EQ(tl_atexit(h1), 0);
	CHECK_EQ(tl_atexit(h2), 0);
	CHECK_EQ(tl_atexit(h3), 0);
	tl_printf("buffered, no newline ");
	CHECK_EQ(sys_out[1].len, 0);
	SYS_CATCH_EXIT(status, tl_exit(7));
	CHECK_EQ(status, 7);
	CHECK_STR(order, "321");  /* last registered first */
	CHECK_STR(sys_out[1].data, "buffered, no newline [h2]");  /* flushed after the handlers */

	/* The handlers ran once: a second exit() runs none. A handler may register another. */
	order[0] = '\0';
	tl_atexit(h_adds);
	SYS_CATCH_EXIT(status, tl_exit(0));
	CHECK_EQ(status, 0);
	CHECK_STR(order, "a3");

	/* Room for at least 32. */
	int n = 0;

	while (n < 100 && tl_atexit(h1) == 0)
		n++;
	CHECK(n >= 32 && n < 100);
	order[0] = '\0';
	SYS_CATCH_EXIT(status, tl_exit(1));
	CHECK_EQ((int)strlen(order), n);

	/* _Exit: no handlers, no flush. */
	sys_capture_reset();
	order[0] = '\0';
	tl_atexit(h1);
	tl_printf("lost");
	SYS_CATCH_EXIT(status, tl__Exit(3));
	CHECK_EQ(status, 3);
	CHECK_STR(order, "");
	CHECK_EQ(sys_out[1].len, 0);
	tl_fflush(tl_stdout);
	SYS_CATCH_EXIT(status, tl_exit(0));  /* empty the table and stdout again */
	sys_capture_reset();
}

static void test_abort_assert(void)
{
	int status;

	sys_capture_reset();
	SYS_CATCH_EXIT(status, tl_abort());
	CHECK_EQ(status, 134);
	CHECK_STR(sys_out[2].data, "abort()\n");

	sys_capture_reset();
	SYS_CATCH_EXIT(status, tl___assert_fail("x == 1", "f.c", 12, "main"));
	CHECK_EQ(status, 134);
	CHECK_STR(sys_out[2].data, "assertion failed: x == 1 (f.c:12, main)\nabort()\n");
	CHECK_EQ(sys_out[2].writes, 2);  /* the message in one write() */
	sys_capture_reset();
}

int main(void)
{
	test_strtol_by_hand();
	test_strto_vs_host();
	test_qsort();
	test_bsearch();
	test_getenv();
	test_exit();
	test_abort_assert();
	return check_done();
}
