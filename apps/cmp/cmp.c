/*
 * cmp [-s] FILE1 FILE2 - compare two files byte by byte ("-" is standard
 * input). Exit 0 when equal, 1 when they differ (saying where, unless -s),
 * 2 on trouble.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct in {
	const char *name;
	int fd;
	char buf[4096];
	ssize_t pos, len;
};

static struct in a, b;

/* The next byte, -1 at the end, -2 on an error. */
static int next(struct in *f)
{
	if (f->pos == f->len) {
		if ((f->len = read(f->fd, f->buf, sizeof(f->buf))) <= 0)
			return f->len == 0 ? -1 : -2;
		f->pos = 0;
	}
	return (unsigned char)f->buf[f->pos++];
}

static int open_in(struct in *f, const char *name)
{
	f->name = name;
	f->fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
	if (f->fd < 0)
		fprintf(stderr, "cmp: %s: %s\n", name, strerror(errno));
	return f->fd;
}

int main(int argc, char **argv)
{
	int silent = argc > 1 && strcmp(argv[1], "-s") == 0;
	long byte = 1, line = 1;

	if (argc - silent != 3) {
		fprintf(stderr, "usage: cmp [-s] FILE1 FILE2\n");
		return 2;
	}
	if (open_in(&a, argv[1 + silent]) < 0 || open_in(&b, argv[2 + silent]) < 0)
		return 2;
	for (;; byte++) {
		int x = next(&a), y = next(&b);
		if (x == -2 || y == -2) {
			fprintf(stderr, "cmp: %s: %s\n", x == -2 ? a.name : b.name, strerror(errno));
			return 2;
		}
		if (x == -1 && y == -1)
			return 0;
		if (x == -1 || y == -1) {
			if (!silent)
				fprintf(stderr, "cmp: EOF on %s after byte %ld\n", x == -1 ? a.name : b.name, byte - 1);
			return 1;
		}
		if (x != y) {
			if (!silent)
				printf("%s %s differ: byte %ld, line %ld\n", a.name, b.name, byte, line);
			return 1;
		}
		line += x == '\n';
	}
}
