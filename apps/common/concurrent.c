/*
 * concurrent.c - whether this program shares the machine with other suites
 * (concurrent.h).
 */
#include <stdlib.h>

#include "concurrent.h"

int concurrent_run(void)
{
	const char *v = getenv(CONCURRENT_ENV);

	return v && v[0] && !(v[0] == '0' && !v[1]);
}
