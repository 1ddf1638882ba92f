/* cat [FILE...] - copy each file (or standard input, also for "-") to standard output. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[8192];

/* Copy fd to standard output; 0, or -1 after saying what failed. */
static int copy(int fd, const char *name)
{
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
			return -1;
		}
		for (ssize_t done = 0, w; done < n; done += w) {
			if ((w = write(1, buf + done, n - done)) < 0) {
				fprintf(stderr, "cat: write error: %s\n", strerror(errno));
				return -1;
			}
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	int r = 0;

	if (argc == 1)
		return copy(0, "-") < 0;
	for (int i = 1; i < argc; i++) {
		int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			r = 1;
			continue;
		}
		if (copy(fd, argv[i]) < 0)
			r = 1;
		if (fd > 0)
			close(fd);
	}
	return r;
}
