/*
 * grep [-qvc] PATTERN [FILE...] - print the lines that contain PATTERN, a
 * plain string, except that a leading ^ ties it to the line's start and a
 * trailing $ to its end. -q: print nothing; -v: the lines that do not
 * match; -c: only how many. Exit 0 when a line was selected, 1 when none,
 * 2 on trouble.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool quiet, invert, counting, at_start, at_end;
static const char *pat;
static size_t patlen;

static bool match(const char *line, size_t len)
{
	if (patlen > len)
		return false;
	if (at_start)
		return memcmp(line, pat, patlen) == 0 && (!at_end || len == patlen);
	if (at_end)
		return memcmp(line + len - patlen, pat, patlen) == 0;
	for (size_t i = 0; i + patlen <= len; i++)
		if (memcmp(line + i, pat, patlen) == 0)
			return true;
	return false;
}

static char *line;                        /* the line being read */
static size_t len, cap;
static long selected;

/* The line is complete: select it or not. */
static void end_line(const char *name)
{
	if (match(line, len) != invert) {
		selected++;
		if (quiet)
			exit(0);
		if (!counting)
			printf("%s%s%.*s\n", name ? name : "", name ? ":" : "", (int)len, line);
	}
	len = 0;
}

/* Scan fd; the number of selected lines, or -1 after a read error. */
static long scan(int fd, const char *name)
{
	static char buf[8192];
	ssize_t got;

	selected = len = 0;
	while ((got = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < got; i++) {
			if (buf[i] == '\n') {
				end_line(name);
				continue;
			}
			if (len == cap && !(line = realloc(line, cap = cap ? cap * 2 : 256))) {
				fprintf(stderr, "grep: out of memory\n");
				exit(2);
			}
			line[len++] = buf[i];
		}
	}
	if (len > 0)
		end_line(name);                   /* a last line without a newline */
	return got < 0 ? -1 : selected;
}

int main(int argc, char **argv)
{
	int i = 1, r = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'q') quiet = true;
			else if (*o == 'v') invert = true;
			else if (*o == 'c') counting = true;
			else i = argc;                    /* bad option: usage */
		}
	}
	if (i >= argc) {
		fprintf(stderr, "usage: grep [-qvc] PATTERN [FILE...]\n");
		return 2;
	}
	pat = argv[i++];
	at_start = pat[0] == '^';
	pat += at_start;
	patlen = strlen(pat);
	if ((at_end = patlen > 0 && pat[patlen - 1] == '$'))
		patlen--;
	int files = argc - i;
	for (int k = files ? i : 0; k < (files ? argc : 1); k++) {
		const char *name = files ? argv[k] : "-";
		int fd = files && strcmp(name, "-") != 0 ? open(name, O_RDONLY) : 0;
		long n = fd < 0 ? -1 : scan(fd, files > 1 ? name : NULL);
		if (n < 0) {
			fprintf(stderr, "grep: %s: %s\n", name, strerror(errno));
			r = 2;
		} else {
			if (counting)
				printf("%s%s%ld\n", files > 1 ? name : "", files > 1 ? ":" : "", n);
			if (n > 0 && r == 1)
				r = 0;
		}
		if (fd > 0)
			close(fd);
	}
	return r;
}
