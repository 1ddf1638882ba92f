/* strcat.c - append src to the string in dst. */
#include <string.h>

char *strcat(char *restrict dst, const char *restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}
