/*
 * rm [-r] [-f] PATH... - remove files; -r: directories and all they hold;
 * -f: no complaint about paths that do not exist.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int recursive, force;

static int fail(const char *path)
{
	if (force && errno == ENOENT)
		return 0;
	fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
	return -1;
}

static int rm(const char *path);

/* Remove everything in the directory path, then path itself. The names
 * are read first: removing while reading could skip some. */
static int rm_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	int n = 0, r = 0;

	if (!d)
		return fail(path);
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char **t = realloc(names, (n + 1) * sizeof(char *));
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		if (!t || !(t[n] = malloc(len))) {
			names = t ? t : names;
			errno = ENOMEM;
			r = fail(path);
			break;
		}
		names = t;
		snprintf(names[n++], len, "%s/%s", path, e->d_name);
	}
	closedir(d);
	for (int i = 0; i < n; i++) {
		if (rm(names[i]) < 0)
			r = -1;
		free(names[i]);
	}
	free(names);
	if (r < 0)
		return r;
	return rmdir(path) < 0 ? fail(path) : 0;
}

static int rm(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return fail(path);
	if (S_ISDIR(st.st_mode)) {
		if (recursive)
			return rm_dir(path);
		errno = EISDIR;
		return fail(path);
	}
	return unlink(path) < 0 ? fail(path) : 0;
}

int main(int argc, char **argv)
{
	int i = 1, r = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'r' || *o == 'R')
				recursive = 1;
			else if (*o == 'f')
				force = 1;
			else {
				fprintf(stderr, "usage: rm [-rf] PATH...\n");
				return 2;
			}
		}
	}
	if (i == argc && !force) {
		fprintf(stderr, "usage: rm [-rf] PATH...\n");
		return 2;
	}
	for (; i < argc; i++)
		if (rm(argv[i]) < 0)
			r = 1;
	return r;
}
