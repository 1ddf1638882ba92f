/* isgraph.c - true for the printable characters but space (0x21-0x7e). */
#include <ctype.h>

int isgraph(int c)
{
	return c > ' ' && c <= '~';
}
