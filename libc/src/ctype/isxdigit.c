/* isxdigit.c - true for 0-9, A-F and a-f. */
#include <ctype.h>

int isxdigit(int c)
{
	return isdigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}
