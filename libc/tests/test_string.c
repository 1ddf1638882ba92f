/* test_string.c - libc string.h and ctype.h (tl_ names) against C's rules and the host's libc. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "host_sys.h"

/* -1, 0 or 1: the sign of a comparison result. */
static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static void test_mem(void)
{
	char a[64], b[64];
	int i;

	for (i = 0; i < 64; i++)
		a[i] = (char)i;

	memset(b, 'x', sizeof(b));
	CHECK(tl_memcpy(b, a, 10) == b);
	CHECK(memcmp(b, a, 10) == 0 && b[10] == 'x');
	CHECK(tl_memcpy(b, a, 0) == b);

	CHECK(tl_memset(b, 'q', 5) == b);
	CHECK(memcmp(b, "qqqqq", 5) == 0 && b[5] == 5);
	tl_memset(b, 0x1ff, 3);  /* c is converted to unsigned char */
	CHECK(b[0] == (char)0xff && b[2] == (char)0xff && b[3] == 'q');

	/* memmove with overlap both ways, against a copy made by hand. */
	memcpy(b, a, 64);
	CHECK(tl_memmove(b + 5, b, 20) == b + 5);
	CHECK(memcmp(b + 5, a, 20) == 0 && memcmp(b, a, 5) == 0);
	memcpy(b, a, 64);
	CHECK(tl_memmove(b, b + 7, 30) == b);
	CHECK(memcmp(b, a + 7, 30) == 0 && memcmp(b + 30, a + 30, 34) == 0);
	memcpy(b, a, 64);
	tl_memmove(b, b, 64);
	CHECK(memcmp(b, a, 64) == 0);

	CHECK_EQ(sign(tl_memcmp("abc", "abd", 3)), -1);
	CHECK_EQ(sign(tl_memcmp("abd", "abc", 3)), 1);
	CHECK_EQ(tl_memcmp("abc", "abd", 2), 0);
	CHECK_EQ(tl_memcmp("", "", 0), 0);
	CHECK(tl_memcmp("\x80", "\x01", 1) > 0);  /* bytes compare unsigned */

	CHECK(tl_memchr(a, 9, 64) == a + 9);
	CHECK(tl_memchr(a, 9, 9) == NULL);
	CHECK(tl_memchr(a, 0x100 + 3, 64) == a + 3);
	CHECK(tl_memchr("\xfe", 0xfe, 1) != NULL);
}

static void test_str_basic(void)
{
	const char *words[] = { "", "a", "ab", "abc", "abd", "b", "\x80", "A", "abcdef" };
	size_t n = sizeof(words) / sizeof(words[0]);
	char buf[32];
	int bad = 0;

	CHECK_EQ(tl_strlen(""), 0);
	CHECK_EQ(tl_strlen("hello"), 5);
	CHECK_EQ(tl_strnlen("hello", 3), 3);
	CHECK_EQ(tl_strnlen("hello", 10), 5);
	CHECK_EQ(tl_strnlen("hello", 0), 0);

	/* strcmp and strncmp agree in sign with the host's on every pair. */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			if (sign(tl_strcmp(words[i], words[j])) != sign(strcmp(words[i], words[j])))
				bad++;
			for (size_t k = 0; k < 5; k++)
				if (sign(tl_strncmp(words[i], words[j], k)) !=
				    sign(strncmp(words[i], words[j], k)))
					bad++;
		}
	CHECK_EQ(bad, 0);

	CHECK(tl_strcpy(buf, "hello") == buf);
	CHECK_STR(buf, "hello");
	CHECK(tl_strcat(buf, ", world") == buf);
	CHECK_STR(buf, "hello, world");
	tl_strcpy(buf, "");
	tl_strcat(buf, "");
	CHECK_STR(buf, "");

	memset(buf, 'x', sizeof(buf));
	CHECK(tl_strncpy(buf, "abc", 6) == buf);
	CHECK(memcmp(buf, "abc\0\0\0x", 7) == 0);  /* padded with NULs to n */
	memset(buf, 'x', sizeof(buf));
	tl_strncpy(buf, "abcdef", 3);
	CHECK(memcmp(buf, "abcx", 4) == 0);        /* no NUL when src is too long */

	tl_strcpy(buf, "ab");
	CHECK(tl_strncat(buf, "cdef", 2) == buf);
	CHECK_STR(buf, "abcd");
	tl_strncat(buf, "xy", 10);
	CHECK_STR(buf, "abcdxy");
	tl_strncat(buf, "zzz", 0);
	CHECK_STR(buf, "abcdxy");
}

static void test_str_search(void)
{
	const char *s = "hello, world";

	CHECK(tl_strchr(s, 'o') == s + 4);
	CHECK(tl_strchr(s, 'z') == NULL);
	CHECK(tl_strchr(s, '\0') == s + 12);
	CHECK(tl_strchr("\xe9t\xe9", 0xe9) != NULL);
	CHECK(tl_strrchr(s, 'o') == s + 8);
	CHECK(tl_strrchr(s, 'h') == s);
	CHECK(tl_strrchr(s, 'z') == NULL);
	CHECK(tl_strrchr(s, '\0') == s + 12);

	CHECK(tl_strstr(s, "world") == s + 7);
	CHECK(tl_strstr(s, "o") == s + 4);
	CHECK(tl_strstr(s, "") == s);
	CHECK(tl_strstr("", "") != NULL);
	CHECK(tl_strstr("", "a") == NULL);
	CHECK(tl_strstr(s, "worlds") == NULL);
	const char *aaab = "aaab";

	CHECK(tl_strstr(aaab, "aab") == aaab + 1);  /* a false start first */
	CHECK(tl_strstr(aaab, "b") == aaab + 3);

	CHECK_EQ(tl_strspn("  \tx y", " \t"), 3);
	CHECK_EQ(tl_strspn("abc", ""), 0);
	CHECK_EQ(tl_strspn("aaa", "a"), 3);
	CHECK_EQ(tl_strcspn("key=value", "=:"), 3);
	CHECK_EQ(tl_strcspn("key", "=:"), 3);
	CHECK_EQ(tl_strcspn("", "x"), 0);
}

static void test_str_alloc(void)
{
	char *p = tl_strdup("copy me");

	CHECK_STR(p, "copy me");
	tl_free(p);
	p = tl_strdup("");
	CHECK_STR(p, "");
	tl_free(p);
	p = tl_strndup("abcdef", 3);
	CHECK_STR(p, "abc");
	tl_free(p);
	p = tl_strndup("ab", 10);
	CHECK_STR(p, "ab");
	tl_free(p);
	CHECK_EQ(tl___malloc_in_use(), 0);
}

static void test_strerror(void)
{
	/* The texts are Linux's, as glibc has them. */
	CHECK_STR(tl_strerror(0), "Success");
	CHECK_STR(tl_strerror(ENOENT), "No such file or directory");
	CHECK_STR(tl_strerror(ERANGE), strerror(ERANGE));
	CHECK_STR(tl_strerror(EINVAL), strerror(EINVAL));
	CHECK_STR(tl_strerror(ENOTSUP), strerror(ENOTSUP));
	CHECK_STR(tl_strerror(1234), "Unknown error 1234");
	CHECK_STR(tl_strerror(-5), "Unknown error -5");
}

/* Every character and EOF: the same class as the host's "C" locale gives. */
static void test_ctype(void)
{
	struct {
		const char *name;
		int (*mine)(int);
		int (*host)(int);
	} fns[] = {
		{ "isalpha", tl_isalpha, isalpha }, { "isdigit", tl_isdigit, isdigit },
		{ "isalnum", tl_isalnum, isalnum }, { "isspace", tl_isspace, isspace },
		{ "isupper", tl_isupper, isupper }, { "islower", tl_islower, islower },
		{ "isxdigit", tl_isxdigit, isxdigit }, { "isprint", tl_isprint, isprint },
		{ "isgraph", tl_isgraph, isgraph }, { "ispunct", tl_ispunct, ispunct },
		{ "iscntrl", tl_iscntrl, iscntrl },
	};

	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		int bad = 0;

		for (int c = -1; c < 256; c++)
			if (!fns[i].mine(c) != !fns[i].host(c)) {
				printf("  %s(%d) disagrees\n", fns[i].name, c);
				bad++;
			}
		check_report(bad == 0, fns[i].name, __FILE__, __LINE__);
	}

	int bad = 0;

	for (int c = -1; c < 256; c++)
		if (tl_toupper(c) != toupper(c) || tl_tolower(c) != tolower(c))
			bad++;
	CHECK_EQ(bad, 0);
	CHECK_EQ(tl_toupper('q'), 'Q');
	CHECK_EQ(tl_tolower('Q'), 'q');
	CHECK_EQ(tl_tolower('1'), '1');
}

int main(void)
{
	test_mem();
	test_str_basic();
	test_str_search();
	test_str_alloc();
	test_strerror();
	test_ctype();
	return check_done();
}
