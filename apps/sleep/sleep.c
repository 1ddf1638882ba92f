/* sleep SECONDS... - wait that long (the sum; decimals allowed, e.g. 0.1). */
#include <errno.h>
#include <stdio.h>
#include <time.h>

#define NSEC 1000000000L

/* Seconds and nanoseconds from "12", "0.25", ".5"; -1 when s is not a number. */
static int parse(const char *s, struct timespec *ts)
{
	long sec = 0, nsec = 0, scale = NSEC / 10;
	int digits = 0;

	for (; *s >= '0' && *s <= '9'; s++, digits++)
		sec = sec * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits++, scale /= 10)
			nsec += (*s - '0') * scale;
	if (*s || !digits || sec > 100000000)
		return -1;
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
	return 0;
}

int main(int argc, char **argv)
{
	struct timespec total = { 0, 0 }, t;

	if (argc < 2) {
		fprintf(stderr, "usage: sleep SECONDS...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		if (parse(argv[i], &t) < 0) {
			fprintf(stderr, "sleep: %s: invalid time interval\n", argv[i]);
			return 1;
		}
		total.tv_sec += t.tv_sec + (total.tv_nsec + t.tv_nsec) / NSEC;
		total.tv_nsec = (total.tv_nsec + t.tv_nsec) % NSEC;
	}
	while (nanosleep(&total, &total) < 0)
		if (errno != EINTR)               /* EINTR: a caught signal; sleep the rest */
			return 1;
	return 0;
}
