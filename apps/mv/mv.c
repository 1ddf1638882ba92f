/*
 * mv SOURCE... DEST - rename files; DEST is a directory to move them into
 * when there are several. Across file systems a regular file is copied,
 * then removed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "target.h"

static char buf[8192];

/* rename() across file systems, for a regular file: copy, then unlink. */
static int copy_remove(const char *from, const char *to)
{
	struct stat st;
	int in, out = -1, r = -1;
	ssize_t n = 0;

	if ((in = open(from, O_RDONLY)) < 0 || fstat(in, &st) < 0 || !S_ISREG(st.st_mode)) {
		if (in >= 0)
			errno = EXDEV, close(in);
		return -1;
	}
	if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777)) >= 0) {
		while ((n = read(in, buf, sizeof(buf))) > 0)
			for (ssize_t done = 0, w; done < n; done += w)
				if ((w = write(out, buf + done, n - done)) < 0)
					goto out;
		if (n == 0)
			r = 0;
	}
out:
	close(in);
	if (out >= 0)
		close(out);
	return r < 0 ? r : unlink(from);
}

int main(int argc, char **argv)
{
	char path[4096];
	int dir, r = target_check("mv", argc, argv, &dir);

	if (r)
		return r;
	for (int i = 1; i < argc - 1; i++) {
		const char *to = target_of(argv[argc - 1], dir, argv[i], path, sizeof(path));
		if (rename(argv[i], to) < 0 && (errno != EXDEV || copy_remove(argv[i], to) < 0)) {
			fprintf(stderr, "mv: %s: %s\n", argv[i], strerror(errno));
			r = 1;
		}
	}
	return r;
}
