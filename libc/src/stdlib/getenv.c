/* getenv.c - the value of name in environ ("name=value"); NULL when absent. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *getenv(const char *name)
{
	size_t n = strlen(name);
	char **e;

	if (!environ || n == 0 || strchr(name, '='))
		return NULL;
	for (e = environ; *e; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}
