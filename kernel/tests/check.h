/*
 * check.h - a tiny TAP-style harness for host unit tests (run by ctest).
 *
 *   CHECK(cond)          record one check, print `not ok` with the line on failure
 *   CHECK_EQ(a, b)       the same for two integers, printing both values
 *   CHECK_STR(a, b)      the same for two C strings
 *   return check_done(); at the end of main: prints `N passed, N failed`,
 *                        returns non-zero when anything failed
 */
#ifndef TESTS_CHECK_H
#define TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_pass, check_fail;

static inline void check_report(int ok, const char *what, const char *file, int line)
{
	if (ok) {
		check_pass++;
	} else {
		check_fail++;
		printf("not ok - %s (%s:%d)\n", what, file, line);
	}
}

#define CHECK(c) check_report(!!(c), #c, __FILE__, __LINE__)

#define CHECK_EQ(a, b) do { \
	long long check_a_ = (long long)(a), check_b_ = (long long)(b); \
	if (check_a_ != check_b_) \
		printf("  %s = %lld (0x%llx), expected %lld (0x%llx)\n", #a, \
		       check_a_, (unsigned long long)check_a_, check_b_, (unsigned long long)check_b_); \
	check_report(check_a_ == check_b_, #a " == " #b, __FILE__, __LINE__); \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *check_a_ = (a), *check_b_ = (b); \
	int check_ok_ = check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0; \
	if (!check_ok_) \
		printf("  %s = \"%s\", expected \"%s\"\n", #a, \
		       check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)"); \
	check_report(check_ok_, #a " == " #b, __FILE__, __LINE__); \
} while (0)

static inline int check_done(void)
{
	printf("%d passed, %d failed\n", check_pass, check_fail);
	return check_fail != 0;
}

#endif
