/* isalpha.c - true for A-Z and a-z. */
#include <ctype.h>

int isalpha(int c)
{
	return isupper(c) || islower(c);
}
