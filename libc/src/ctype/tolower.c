/* tolower.c - A-Z to a-z; anything else unchanged. */
#include <ctype.h>

int tolower(int c)
{
	return isupper(c) ? c - 'A' + 'a' : c;
}
