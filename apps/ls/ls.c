/*
 * ls [-a] [-l] [PATH...] - list directories (sorted by name, one a line)
 * and name files. -a: names starting with '.' too; -l: mode, links and
 * size before each name, and a symbolic link's target after it.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int all, longform;

static void mode_string(unsigned mode, char *s)
{
	static const char types[] = "?pc?d?b?-?l?s???";   /* by S_IFMT >> 12 */

	s[0] = types[(mode >> 12) & 15];
	for (int i = 0; i < 9; i++)
		s[1 + i] = mode & (0400 >> i) ? "rwxrwxrwx"[i] : '-';
	s[10] = '\0';
}

/* One line for name (at path); st may be NULL (only the name is known). */
static void show(const char *name, const char *path, const struct stat *st)
{
	char mode[11], target[4096];
	long len;

	if (longform && st) {
		mode_string(st->st_mode, mode);
		printf("%s %3lu %8ld %s", mode, (unsigned long)st->st_nlink, (long)st->st_size, name);
		if (S_ISLNK(st->st_mode) && (len = readlink(path, target, sizeof(target) - 1)) >= 0)
			printf(" -> %.*s", (int)len, target);
		printf("\n");
	} else {
		printf("%s\n", name);
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* List the directory path; 0, or -1 after saying what failed. */
static int list(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL, full[4096];
	int n = 0, r = 0;

	if (!d) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' && !all)
			continue;
		char **t = realloc(names, (n + 1) * sizeof(char *));
		if (!t || !(t[n] = strdup(e->d_name))) {
			names = t ? t : names;
			fprintf(stderr, "ls: %s: %s\n", path, strerror(ENOMEM));
			r = -1;
			break;
		}
		names = t, n++;
	}
	closedir(d);
	qsort(names, n, sizeof(char *), by_name);
	for (int i = 0; i < n; i++) {
		struct stat st;
		snprintf(full, sizeof(full), "%s/%s", path, names[i]);
		show(names[i], full, longform && lstat(full, &st) == 0 ? &st : NULL);
		free(names[i]);
	}
	free(names);
	return r;
}

int main(int argc, char **argv)
{
	int i = 1, r = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'a')
				all = 1;
			else if (*o == 'l')
				longform = 1;
			else {
				fprintf(stderr, "usage: ls [-al] [PATH...]\n");
				return 2;
			}
		}
	}
	if (i == argc)
		return list(".") < 0;
	for (int first = i; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) < 0) {
			fprintf(stderr, "ls: %s: %s\n", argv[i], strerror(errno));
			r = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (argc - first > 1)
				printf("%s%s:\n", i > first ? "\n" : "", argv[i]);
			if (list(argv[i]) < 0)
				r = 1;
		} else {
			show(argv[i], argv[i], &st);
		}
	}
	return r;
}
