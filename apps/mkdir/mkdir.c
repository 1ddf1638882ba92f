/* mkdir [-p] DIR... - make directories; -p: their parents too, and no error when one exists. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* mkdir -p: each prefix of path in turn (path is changed and restored). */
static int make_parents(char *path)
{
	struct stat st;

	for (char *s = path + 1; ; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = '\0';
		int r = mkdir(path, 0777);
		if (r < 0 && errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			r = 0;
		*s = c;
		if (r < 0 || !c)
			return r;
	}
}

int main(int argc, char **argv)
{
	int i = 1, parents = 0, r = 0;

	if (argc > 1 && strcmp(argv[1], "-p") == 0)
		parents = 1, i++;
	if (i == argc) {
		fprintf(stderr, "usage: mkdir [-p] DIR...\n");
		return 2;
	}
	for (; i < argc; i++) {
		if ((parents ? make_parents(argv[i]) : mkdir(argv[i], 0777)) < 0) {
			fprintf(stderr, "mkdir: %s: %s\n", argv[i], strerror(errno));
			r = 1;
		}
	}
	return r;
}
