/*
 * kill [-s NAME | -NAME | -N] PID... - send a signal (default TERM) to
 * processes; PID 0 or -1 reaches every process but init. kill -l lists
 * the signal names.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[] = {
	"", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
	"SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
	"TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
};
#define NNAMES (int)(sizeof(names) / sizeof(names[0]))

/* The signal named s ("TERM", "SIGTERM", "15"), or -1. */
static int signum(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s && !*end)
		return n >= 0 && n < NSIG ? (int)n : -1;
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	for (int i = 1; i < NNAMES; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

int main(int argc, char **argv)
{
	int i = 1, sig = SIGTERM, r = 0;

	if (argc == 2 && strcmp(argv[1], "-l") == 0) {
		for (int s = 1; s < NNAMES; s++)
			printf("%2d %s\n", s, names[s]);
		return 0;
	}
	if (i < argc && strcmp(argv[i], "-s") == 0 && i + 1 < argc)
		sig = signum(argv[i + 1]), i += 2;
	else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0 &&
		 (argv[i][1] < '0' || argv[i][1] > '9' || i + 1 < argc))
		sig = signum(argv[i] + 1), i++;     /* -N is a signal when a pid follows */
	else if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (sig < 0 || i == argc) {
		fprintf(stderr, sig < 0 ? "kill: unknown signal\n" : "usage: kill [-s NAME | -NAME | -N] PID...\n");
		return 2;
	}
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
		if (!*argv[i] || *end) {
			fprintf(stderr, "kill: %s: not a process id\n", argv[i]);
			r = 1;
		} else if (kill(pid, sig) < 0) {
			fprintf(stderr, "kill: %s: %s\n", argv[i], strerror(errno));
			r = 1;
		}
	}
	return r;
}
