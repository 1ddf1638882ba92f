/* isprint.c - true for the printable characters, space included (0x20-0x7e). */
#include <ctype.h>

int isprint(int c)
{
	return c >= ' ' && c <= '~';
}
