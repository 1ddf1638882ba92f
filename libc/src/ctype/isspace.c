/* isspace.c - true for space, \t, \n, \v, \f and \r. */
#include <ctype.h>

int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}
