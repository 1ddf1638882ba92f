/*
 * wc [-lwc] [FILE...] - count lines, words and bytes of each file (or
 * standard input); the options pick which, in that order. With several
 * files, a total too.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int want_l, want_w, want_c;
static char buf[8192];

static void show(const long n[3], const char *name)
{
	const int want[3] = { want_l, want_w, want_c };
	int first = 1;

	for (int i = 0; i < 3; i++) {
		if (want[i]) {
			printf("%s%ld", first ? "" : " ", n[i]);
			first = 0;
		}
	}
	if (name)
		printf(" %s", name);
	printf("\n");
}

/* Count fd into n (lines, words, bytes); -1 after a read error. */
static int count(int fd, long n[3])
{
	int inword = 0;
	ssize_t got;

	while ((got = read(fd, buf, sizeof(buf))) != 0) {
		if (got < 0)
			return -1;
		n[2] += got;
		for (ssize_t i = 0; i < got; i++) {
			n[0] += buf[i] == '\n';
			if (isspace((unsigned char)buf[i]))
				inword = 0;
			else if (!inword)
				inword = 1, n[1]++;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	long total[3] = { 0 };
	int i = 1, r = 0, files;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'l') want_l = 1;
			else if (*o == 'w') want_w = 1;
			else if (*o == 'c') want_c = 1;
			else {
				fprintf(stderr, "usage: wc [-lwc] [FILE...]\n");
				return 2;
			}
		}
	}
	if (!want_l && !want_w && !want_c)
		want_l = want_w = want_c = 1;
	files = argc - i;
	if (files == 0) {
		long n[3] = { 0 };
		if (count(0, n) < 0) {
			fprintf(stderr, "wc: -: %s\n", strerror(errno));
			return 1;
		}
		show(n, NULL);
		return 0;
	}
	for (; i < argc; i++) {
		long n[3] = { 0 };
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0 || count(fd, n) < 0) {
			fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
			r = 1;
		} else {
			show(n, argv[i]);
			for (int k = 0; k < 3; k++)
				total[k] += n[k];
		}
		if (fd >= 0)
			close(fd);
	}
	if (files > 1)
		show(total, "total");
	return r;
}
