/*
 * strerror.c - the message for an error number, from ERRNO_LIST
 * (kernel/api/errno.h). An unknown number gets "Unknown error N", built in a
 * static buffer that the next such call overwrites.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

char *strerror(int errnum)
{
	static char unknown[32];

	switch (errnum) {
	case 0:
		return "Success";
#define ERRNO_CASE(name, value, text) case value: return text;
	ERRNO_LIST(ERRNO_CASE)
#undef ERRNO_CASE
	}
	snprintf(unknown, sizeof(unknown), "Unknown error %d", errnum);
	return unknown;
}
