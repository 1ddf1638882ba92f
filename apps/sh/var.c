/*
 * var.c - shell variables. Every variable is exported: the table is
 * environ itself ("NAME=value" strings), so getenv() and execve see it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

static int count, cap;

/* Copy the inherited environment into a table this shell owns. */
void var_init(char **envp)
{
	char **old = envp;

	environ = NULL;
	count = cap = 0;
	for (; old && *old; old++)
		var_set(*old);
}

bool var_name_ok(const char *s, size_t len)
{
	if (len == 0 || isdigit((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return false;
	return true;
}

/* The slot of name (len bytes), or -1. */
static int find(const char *name, size_t len)
{
	for (int i = 0; i < count; i++)
		if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')
			return i;
	return -1;
}

const char *var_get(const char *name, size_t len)
{
	int i = find(name, len);

	return i < 0 ? NULL : environ[i] + len + 1;
}

int var_set(const char *assignment)
{
	const char *eq = strchr(assignment, '=');
	char *copy;
	int i;

	if (!eq || !var_name_ok(assignment, eq - assignment) || !(copy = strdup(assignment)))
		return -1;
	if ((i = find(assignment, eq - assignment)) >= 0) {
		free(environ[i]);
		environ[i] = copy;
		return 0;
	}
	if (count + 1 >= cap) {
		char **t = realloc(environ, (cap ? cap * 2 : 16) * sizeof(char *));
		if (!t) {
			free(copy);
			return -1;
		}
		environ = t;
		cap = cap ? cap * 2 : 16;
	}
	environ[count++] = copy;
	environ[count] = NULL;
	return 0;
}

void var_unset(const char *name)
{
	int i = find(name, strlen(name));

	if (i < 0)
		return;
	free(environ[i]);
	environ[i] = environ[--count];
	environ[count] = NULL;
}
