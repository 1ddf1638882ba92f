/*
 * sh - the shell.
 *
 *   sh                 read commands from standard input; prompt `$ ` on the console
 *   sh FILE [ARG...]   run the commands in FILE ($0 is FILE, $1... the ARGs)
 *   sh -c CMDS [NAME [ARG...]]   run the commands in the string CMDS
 *
 * The status is that of the last command (exit [n] ends it sooner).
 * docs/shell.md has the syntax and the built-ins.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

int status;
bool interactive;
pid_t last_bg;
int nargs;
char **args;

/* Ctrl-C at the prompt: the console dropped the line (and echoed ^C);
 * read_line starts anew on a line of its own. */
static void on_sigint(int sig)
{
	write(2, "\n", 1);
}

/* Buffered input of lines from one descriptor. */
static struct {
	int fd;
	char buf[4096];
	size_t pos, len;
	size_t chunk;                    /* bytes per read: 1 on a pipe that is our stdin */
	char *line;
	size_t cap;
} in;

/* The next line without its newline, or NULL at the end of the input. */
static char *read_line(void)
{
	size_t n = 0;

	for (;;) {
		if (in.pos == in.len) {
			ssize_t r = read(in.fd, in.buf, in.chunk);
			if (r < 0 && errno == EINTR) {
				if (interactive)
					n = 0, fputs("$ ", stderr);
				continue;
			}
			if (r <= 0) {
				if (n == 0)
					return NULL;
				break;               /* a last line with no newline */
			}
			in.pos = 0, in.len = r;
		}
		char c = in.buf[in.pos++];
		if (n + 1 >= in.cap) {
			char *t = realloc(in.line, in.cap = in.cap ? in.cap * 2 : 256);
			if (!t) {
				fprintf(stderr, "sh: out of memory\n");
				exit(2);
			}
			in.line = t;
		}
		if (c == '\n')
			break;
		in.line[n++] = c;
	}
	in.line[n] = '\0';
	/* Give a file back what was read past the line: the commands may read it. */
	if (in.fd == 0 && in.pos < in.len && lseek(0, -(off_t)(in.len - in.pos), SEEK_CUR) >= 0)
		in.pos = in.len = 0;
	return in.line;
}

int main(int argc, char **argv, char **envp)
{
	struct stat st;
	char *line;

	var_init(envp);
	in.chunk = sizeof(in.buf);
	args = argv, nargs = argc > 0 ? 1 : 0;
	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		args = argc > 3 ? argv + 3 : argv;
		nargs = argc > 3 ? argc - 3 : 1;
		run_line(argv[2]);
		return status;
	}
	if (argc == 2 && strcmp(argv[1], "-c") == 0) {
		fprintf(stderr, "sh: -c needs a string of commands\n");
		return 2;
	}
	if (argc > 1) {
		if ((in.fd = open(argv[1], O_RDONLY | O_CLOEXEC)) < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			return 127;
		}
		args = argv + 1, nargs = argc - 1;
	} else if (fstat(0, &st) == 0) {
		interactive = isatty(0);
		if (S_ISFIFO(st.st_mode))
			in.chunk = 1;            /* a pipe cannot give back what we read too far */
	}
	if (interactive) {
		signal(SIGINT, on_sigint);   /* Ctrl-C is for the command, not the shell */
		signal(SIGQUIT, SIG_IGN);    /* nor Ctrl-\ and Ctrl-Z */
		signal(SIGTSTP, SIG_IGN);
	}
	for (;;) {
		if (interactive)
			fputs("$ ", stderr);
		if (!(line = read_line()))
			break;
		run_line(line);
	}
	return status;
}
