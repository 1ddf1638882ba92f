/*
 * test EXPR, or [ EXPR ] (the initrd's /bin/[ is a symbolic link to test) -
 * check files and compare strings and numbers, for scripts: exit 0 when
 * EXPR is true, 1 when false, 2 when it is malformed.
 *
 *   -e F  -f F  -d F  -s F   F exists / is a regular file / a directory / is not empty
 *   -L F  -h F               F is a symbolic link (not followed)
 *   -z S  -n S  S            S is empty / is not empty / is not empty
 *   S1 = S2   S1 != S2       strings
 *   N1 -eq N2  (-ne -lt -le -gt -ge)   integers
 *   ! EXPR                   not
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int bad(const char *why)
{
	fprintf(stderr, "test: %s\n", why);
	exit(2);
}

static long number(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!*s || *end)
		bad("integer expected");
	return n;
}

static int unary(const char *op, const char *arg)
{
	struct stat st;

	if (strcmp(op, "-z") == 0) return !*arg;
	if (strcmp(op, "-n") == 0) return *arg != 0;
	if (strlen(op) != 2 || !strchr("efdsLh", op[1]))
		return bad("unknown unary operator");
	if (op[1] == 'L' || op[1] == 'h')
		return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
	if (stat(arg, &st) < 0)
		return 0;
	switch (op[1]) {
	case 'f': return S_ISREG(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 's': return st.st_size > 0;
	default: return 1;
	}
}

static int binary(const char *a, const char *op, const char *b)
{
	static const char *const ops[] = { "-eq", "-ne", "-lt", "-le", "-gt", "-ge" };

	if (strcmp(op, "=") == 0) return strcmp(a, b) == 0;
	if (strcmp(op, "!=") == 0) return strcmp(a, b) != 0;
	for (int i = 0; i < 6; i++) {
		if (strcmp(op, ops[i]) == 0) {
			long x = number(a), y = number(b);
			int r[] = { x == y, x != y, x < y, x <= y, x > y, x >= y };
			return r[i];
		}
	}
	return bad("unknown binary operator");
}

/* EXPR as argc words: POSIX's rules by the number of arguments. */
static int eval(int argc, char **argv)
{
	switch (argc) {
	case 0: return 0;
	case 1: return *argv[0] != 0;
	case 2:
		if (strcmp(argv[0], "!") == 0)
			return !eval(1, argv + 1);
		return unary(argv[0], argv[1]);
	case 3:
		if (strcmp(argv[0], "!") == 0)
			return !eval(2, argv + 1);
		return binary(argv[0], argv[1], argv[2]);
	case 4:
		if (strcmp(argv[0], "!") == 0)
			return !eval(3, argv + 1);
		/* fall through */
	default:
		return bad("too many arguments");
	}
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/');

	name = name ? name + 1 : argv[0];
	if (strcmp(name, "[") == 0) {
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0)
			return bad("missing ]");
		argc--;
	}
	return !eval(argc - 1, argv + 1);
}
