/* target.c - the SOURCE... DEST rule of cp and mv (target.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "target.h"

int target_check(const char *cmd, int argc, char **argv, int *dir)
{
	struct stat st;

	if (argc < 3) {
		fprintf(stderr, "usage: %s SOURCE... DEST\n", cmd);
		return 2;
	}
	*dir = stat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode);
	if (argc > 3 && !*dir) {
		fprintf(stderr, "%s: %s: %s\n", cmd, argv[argc - 1], strerror(ENOTDIR));
		return 1;
	}
	return 0;
}

const char *target_of(const char *dest, int dir, const char *source, char *buf, size_t n)
{
	const char *base = strrchr(source, '/');

	if (!dir)
		return dest;
	snprintf(buf, n, "%s/%s", dest, base ? base + 1 : source);
	return buf;
}
