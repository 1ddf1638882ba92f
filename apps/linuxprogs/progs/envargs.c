/*
 * envargs - argv and the environment as the runner gives them (fixed), then
 * setenv, unsetenv and putenv; the LP_ variables are printed sorted, so the
 * order in which a kernel lays out envp does not matter; and the
 * auxiliary vector's page size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

extern char **environ;

static int bystr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void show_env(const char *when)
{
	char *lp[64];
	int i, n = 0, total = 0;

	for (i = 0; environ[i]; i++, total++)
		if (strncmp(environ[i], "LP_", 3) == 0 && n < 64)
			lp[n++] = environ[i];
	qsort(lp, n, sizeof(lp[0]), bystr);
	printf("%s: %d variables, LP_ ones:", when, total);
	for (i = 0; i < n; i++)
		printf(" [%s]", lp[i]);
	printf("\n");
}

static void show(const char *name)
{
	const char *v = getenv(name);
	printf("getenv(%s) = %s%s%s\n", name, v ? "\"" : "", v ? v : "NULL", v ? "\"" : "");
}

int main(int argc, char **argv)
{
	static char put[] = "LP_PUT=from putenv";
	int i;

	printf("argc %d\n", argc);
	for (i = 0; i < argc; i++)
		printf("argv[%d] = [%s] (%zu bytes)\n", i, argv[i], strlen(argv[i]));
	printf("argv[argc] is %s\n", argv[argc] ? "not NULL" : "NULL");
	show_env("start");
	show("LP_GREETING");
	show("LP_EMPTY");
	show("LP_MISSING");
	show("TZ");
	setenv("LP_NEW", "fresh", 0);
	setenv("LP_GREETING", "replaced", 0);     /* not overwritten */
	show("LP_GREETING");
	setenv("LP_GREETING", "replaced", 1);
	unsetenv("LP_EMPTY");
	putenv(put);
	show_env("after setenv, unsetenv, putenv");
	show("LP_GREETING");
	show("LP_EMPTY");
	printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
	return 0;
}
