/* isalnum.c - true for letters and digits. */
#include <ctype.h>

int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}
