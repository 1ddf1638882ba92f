/* ln [-s] TARGET LINK - a hard link, or with -s a symbolic one holding TARGET as given; LINK may be a directory to put it in. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[4096];
	const char *to;
	struct stat st;
	int sym = argc > 1 && strcmp(argv[1], "-s") == 0;

	argv += sym;
	argc -= sym;
	if (argc != 3) {
		fprintf(stderr, "usage: ln [-s] TARGET LINK\n");
		return 2;
	}
	to = argv[2];
	if (stat(to, &st) == 0 && S_ISDIR(st.st_mode)) {
		const char *base = strrchr(argv[1], '/');
		snprintf(buf, sizeof(buf), "%s/%s", to, base ? base + 1 : argv[1]);
		to = buf;
	}
	if ((sym ? symlink(argv[1], to) : link(argv[1], to)) < 0) {
		fprintf(stderr, "ln: %s: %s\n", errno == ENOENT && !sym ? argv[1] : to, strerror(errno));
		return 1;
	}
	return 0;
}
