/* tap.c - TAP lines for the in-guest suites (tap.h). */
#include <stdarg.h>
#include <stdio.h>

#include "tap.h"

int tap_passed, tap_failed;
static int test_no;

void tap(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", ok ? "" : "not ", ++test_no);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	ok ? tap_passed++ : tap_failed++;
}
