/* iscntrl.c - true for the control characters (0x00-0x1f and 0x7f). */
#include <ctype.h>

int iscntrl(int c)
{
	return (c >= 0 && c < ' ') || c == 0x7f;
}
