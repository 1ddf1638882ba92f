/* toupper.c - a-z to A-Z; anything else unchanged. */
#include <ctype.h>

int toupper(int c)
{
	return islower(c) ? c - 'a' + 'A' : c;
}
