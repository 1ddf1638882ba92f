/* test_cmdline.c - lib/cmdline.c. */
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "lib/cmdline.h"

static void test_bare_and_values(void)
{
	const char *cl = "quiet root=/dev/sda1 console=ttyS0,115200 debug";
	char v[64];

	CHECK(cmdline_has(cl, "quiet"));
	CHECK(cmdline_has(cl, "root"));
	CHECK(cmdline_has(cl, "debug"));
	CHECK(!cmdline_has(cl, "Quiet"));   /* case-sensitive */
	CHECK(!cmdline_has(cl, "/dev/sda1")); /* a value is not a key */
	CHECK(!cmdline_has(cl, "ttyS0"));

	CHECK_EQ(cmdline_get(cl, "root", v, sizeof(v)), 9);
	CHECK_STR(v, "/dev/sda1");
	CHECK_EQ(cmdline_get(cl, "console", v, sizeof(v)), 12);
	CHECK_STR(v, "ttyS0,115200");

	/* A bare key has the empty value. */
	strcpy(v, "junk");
	CHECK_EQ(cmdline_get(cl, "quiet", v, sizeof(v)), 0);
	CHECK_STR(v, "");
	CHECK_EQ(cmdline_get(cl, "debug", v, sizeof(v)), 0);
	CHECK_STR(v, "");

	/* A value may itself hold '='. */
	CHECK_EQ(cmdline_get("opt=a=b", "opt", v, sizeof(v)), 3);
	CHECK_STR(v, "a=b");
	CHECK(!cmdline_has("opt=a=b", "a"));
}

static void test_empty_value(void)
{
	char v[16];

	strcpy(v, "junk");
	CHECK(cmdline_has("a= b=2", "a"));
	CHECK_EQ(cmdline_get("a= b=2", "a", v, sizeof(v)), 0);
	CHECK_STR(v, "");
	CHECK_EQ(cmdline_get("a= b=2", "b", v, sizeof(v)), 1);
	CHECK_STR(v, "2");
	CHECK_EQ(cmdline_get("a=\"\" b", "a", v, sizeof(v)), 0);
	CHECK_STR(v, "");
	CHECK(cmdline_has("a=\"\" b", "b"));
	CHECK_EQ(cmdline_get("x=", "x", v, sizeof(v)), 0);
}

static void test_quotes(void)
{
	const char *cl = "init=/bin/sh msg=\"hello big world\" after=1";
	char v[64];

	CHECK_EQ(cmdline_get(cl, "msg", v, sizeof(v)), 15);
	CHECK_STR(v, "hello big world");
	CHECK_EQ(cmdline_get(cl, "after", v, sizeof(v)), 1);
	CHECK_STR(v, "1");
	CHECK(!cmdline_has(cl, "big"));
	CHECK(!cmdline_has(cl, "world\""));

	/* Quotes hide tabs and newlines too, and may sit mid-value. */
	CHECK_EQ(cmdline_get("k=\"a\tb\nc\" z", "k", v, sizeof(v)), 5);
	CHECK_STR(v, "a\tb\nc");
	CHECK_EQ(cmdline_get("k=pre\" \"post z", "k", v, sizeof(v)), 8);
	CHECK_STR(v, "pre post");

	/* An unterminated quote runs to the end of the string. */
	CHECK_EQ(cmdline_get("a=1 k=\"open value x=2", "k", v, sizeof(v)), 14);
	CHECK_STR(v, "open value x=2");
	CHECK(!cmdline_has("a=1 k=\"open value x=2", "x"));
	CHECK(cmdline_has("a=1 k=\"open value x=2", "a"));
	CHECK_EQ(cmdline_get("k=\"", "k", v, sizeof(v)), 0);
	CHECK_STR(v, "");
}

static void test_repeat_and_prefix(void)
{
	const char *cl = "log=1 test log=2 tests=1 log=3";
	char v[16];

	CHECK_EQ(cmdline_get(cl, "log", v, sizeof(v)), 1);
	CHECK_STR(v, "3");
	CHECK(cmdline_has(cl, "test"));
	CHECK(cmdline_has(cl, "tests"));
	CHECK_EQ(cmdline_get(cl, "test", v, sizeof(v)), 0);  /* not tests's "1" */
	CHECK_EQ(cmdline_get(cl, "tests", v, sizeof(v)), 1);
	CHECK_STR(v, "1");

	/* A key that is only a prefix of a word is absent. */
	CHECK(!cmdline_has("tests=1", "test"));
	CHECK_EQ(cmdline_get("tests=1", "test", v, sizeof(v)), -1);
	CHECK(!cmdline_has("test", "tests"));
	CHECK(!cmdline_has("tes", "test"));

	/* Last wins even when the last is bare. */
	CHECK_EQ(cmdline_get("x=long x", "x", v, sizeof(v)), 0);
	CHECK_EQ(cmdline_get("x x=\"a b\"", "x", v, sizeof(v)), 3);
	CHECK_STR(v, "a b");
}

static void test_separators(void)
{
	const char *cl = "\t a=1\tb=2\nc=3 \n\n d \t\n";
	char v[16];

	CHECK_EQ(cmdline_get(cl, "a", v, sizeof(v)), 1);
	CHECK_STR(v, "1");
	CHECK_EQ(cmdline_get(cl, "b", v, sizeof(v)), 1);
	CHECK_STR(v, "2");
	CHECK_EQ(cmdline_get(cl, "c", v, sizeof(v)), 1);
	CHECK_STR(v, "3");
	CHECK(cmdline_has(cl, "d"));
	CHECK(!cmdline_has(cl, ""));

	/* /boot/cmdline usually ends in a newline, which is not part of the value. */
	CHECK_EQ(cmdline_get("root=/dev/vda\n", "root", v, sizeof(v)), 8);
	CHECK_STR(v, "/dev/vda");
}

static void test_truncation(void)
{
	const char *cl = "name=abcdefghij";
	char v[8];

	memset(v, 'x', sizeof(v));
	CHECK_EQ(cmdline_get(cl, "name", v, 4), 10);
	CHECK_STR(v, "abc");
	CHECK_EQ(v[4], 'x');

	CHECK_EQ(cmdline_get(cl, "name", v, 1), 10);
	CHECK_STR(v, "");

	memset(v, 'x', sizeof(v));
	CHECK_EQ(cmdline_get(cl, "name", v, 0), 10);
	CHECK_EQ(v[0], 'x');
	CHECK_EQ(cmdline_get(cl, "name", NULL, 0), 10);

	/* Exact fit, and a quoted value cut in the middle. */
	CHECK_EQ(cmdline_get("k=1234567", "k", v, sizeof(v)), 7);
	CHECK_STR(v, "1234567");
	CHECK_EQ(cmdline_get("k=\"12 34 56 78\"", "k", v, sizeof(v)), 11);
	CHECK_STR(v, "12 34 5");
}

static void test_absent_and_empty(void)
{
	char v[8];

	strcpy(v, "junk");
	CHECK_EQ(cmdline_get("a=1 b", "c", v, sizeof(v)), -1);
	CHECK_STR(v, "");
	CHECK_EQ(cmdline_get("", "a", v, sizeof(v)), -1);
	CHECK_EQ(cmdline_get("   \t\n", "a", v, sizeof(v)), -1);
	CHECK(!cmdline_has("", "a"));
	CHECK(!cmdline_has("  ", "a"));
	CHECK(!cmdline_has(NULL, "a"));
	CHECK_EQ(cmdline_get(NULL, "a", v, sizeof(v)), -1);
	CHECK_EQ(cmdline_get(NULL, "a", NULL, 0), -1);
	CHECK(!cmdline_has("a=1", NULL));
	CHECK(!cmdline_has("=1", ""));
	CHECK_EQ(cmdline_get("a=1", "", v, sizeof(v)), -1);
	/* Keys never hold '=' or separators, so such a key is never found. */
	CHECK(!cmdline_has("a=1", "a=1"));
	CHECK(!cmdline_has("a b", "a b"));
}

/* `--` ends the kernel's words; the rest are init's arguments. */
static void test_init_args(void)
{
	const char *cl = "init=/bin/init test -- /bin/sh -c \"echo a  b\" test x=1 --";
	char buf[64], *argv[8];

	CHECK(cmdline_has(cl, "test"));
	CHECK(!cmdline_has(cl, "x"));                  /* init's, not the kernel's */
	CHECK(!cmdline_has("a -- test", "test"));
	CHECK(cmdline_has("a -- test", "a"));
	CHECK(!cmdline_has("a -- b", "--"));
	CHECK_EQ(cmdline_get("k=1 -- k=2", "k", buf, sizeof(buf)), 1);
	CHECK_STR(buf, "1");
	CHECK(cmdline_has("a --x b", "b"));            /* only a bare -- counts */
	CHECK(cmdline_has("a k=\"x -- y\" b", "b"));   /* ... outside quotes */

	CHECK_EQ(cmdline_args(cl, buf, sizeof(buf), argv, 8), 6);
	CHECK_STR(argv[0], "/bin/sh");
	CHECK_STR(argv[1], "-c");
	CHECK_STR(argv[2], "echo a  b");
	CHECK_STR(argv[3], "test");
	CHECK_STR(argv[4], "x=1");
	CHECK_STR(argv[5], "--");                      /* only the first -- is special */

	CHECK_EQ(cmdline_args("init=/bin/init", buf, sizeof(buf), argv, 8), 0);
	CHECK_EQ(cmdline_args("init=/bin/init --", buf, sizeof(buf), argv, 8), 0);
	CHECK_EQ(cmdline_args("init=/bin/init -- \t\n", buf, sizeof(buf), argv, 8), 0);
	CHECK_EQ(cmdline_args(NULL, buf, sizeof(buf), argv, 8), 0);
	CHECK_EQ(cmdline_args("-- \"\" b\n", buf, sizeof(buf), argv, 8), 2);
	CHECK_STR(argv[0], "");
	CHECK_STR(argv[1], "b");

	/* Too many words, or too many bytes: -1, never a cut argument. */
	CHECK_EQ(cmdline_args("-- a b c", buf, sizeof(buf), argv, 2), -1);
	CHECK_EQ(cmdline_args("-- a b", buf, sizeof(buf), argv, 2), 2);
	CHECK_EQ(cmdline_args("-- abc de", buf, 7, argv, 8), 2);   /* "abc\0de\0" fits exactly */
	CHECK_EQ(cmdline_args("-- abc def", buf, 7, argv, 8), -1);
	CHECK_EQ(cmdline_args("-- a", buf, 0, argv, 8), -1);
}

int main(void)
{
	test_bare_and_values();
	test_empty_value();
	test_quotes();
	test_repeat_and_prefix();
	test_separators();
	test_truncation();
	test_absent_and_empty();
	test_init_args();
	return check_done();
}
