/* cp SOURCE... DEST - copy files; DEST is a directory to put them in when there are several. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "target.h"

static char buf[8192];

/* Copy the file from to the path to (made or truncated, with from's permissions). */
static int copy(const char *from, const char *to)
{
	struct stat st;
	int in, out, r = 0;
	ssize_t n;

	if ((in = open(from, O_RDONLY)) < 0 || fstat(in, &st) < 0) {
		fprintf(stderr, "cp: %s: %s\n", from, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, "cp: %s: %s\n", from, strerror(EISDIR));
		close(in);
		return -1;
	}
	if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777)) < 0) {
		fprintf(stderr, "cp: %s: %s\n", to, strerror(errno));
		close(in);
		return -1;
	}
	while (r == 0 && (n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			fprintf(stderr, "cp: %s: %s\n", from, strerror(errno));
			r = -1;
		}
		for (ssize_t done = 0, w; r == 0 && done < n; done += w) {
			if ((w = write(out, buf + done, n - done)) < 0) {
				fprintf(stderr, "cp: %s: %s\n", to, strerror(errno));
				r = -1;
			}
		}
	}
	close(in);
	close(out);
	return r;
}

int main(int argc, char **argv)
{
	char path[4096];
	int dir, r = target_check("cp", argc, argv, &dir);

	if (r)
		return r;
	for (int i = 1; i < argc - 1; i++) {
		const char *to = target_of(argv[argc - 1], dir, argv[i], path, sizeof(path));
		if (copy(argv[i], to) < 0)
			r = 1;
	}
	return r;
}
