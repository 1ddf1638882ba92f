/*
 * exec.c - running what parse.c read: a pipeline's commands are forked
 * children joined by pipes; a lone built-in runs in the shell itself, with
 * its redirections undone afterwards. $? is the last command's status,
 * 128 + the signal when one ended it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

#define SAVE_FD 50                       /* where a built-in's redirected descriptors wait */

static struct pipeline pl;               /* the pipeline being run: too big for the stack */

/* Set up c's redirections in this process; -1 after saying why one failed. */
static int redirect(const struct cmd *c)
{
	for (int i = 0; i < c->nredir; i++) {
		const struct redir *r = &c->redir[i];
		int fd;
		if (r->op == R_DUP) {
			char *end;
			if (strcmp(r->word, "-") == 0) {
				close(r->fd);
				continue;
			}
			fd = strtol(r->word, &end, 10);
			if (*end || end == r->word || dup2(fd, r->fd) < 0) {
				fprintf(stderr, "sh: %s: Bad file descriptor\n", r->word);
				return -1;
			}
			continue;
		}
		int flags = r->op == R_IN ? O_RDONLY :
			    O_WRONLY | O_CREAT | (r->op == R_APPEND ? O_APPEND : O_TRUNC);
		if ((fd = open(r->word, flags, 0666)) < 0) {
			fprintf(stderr, "sh: %s: %s\n", r->word, strerror(errno));
			return -1;
		}
		if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		}
	}
	return 0;
}

void exec_path(char **argv)
{
	const char *name = argv[0], *path = var_get("PATH", 4);
	char buf[1024];
	int err = ENOENT;

	if (strchr(name, '/')) {
		execve(name, argv, environ);
		err = errno;
	} else {
		for (const char *p = path ? path : "/bin"; ; p++) {
			size_t len = strcspn(p, ":");
			snprintf(buf, sizeof(buf), "%.*s%s%s", (int)len, len ? p : ".", "/", name);
			execve(buf, argv, environ);
			if (errno != ENOENT && errno != ENOTDIR)
				err = errno;          /* found, but it would not run */
			p += len;
			if (!*p)
				break;
		}
	}
	if (err == ENOENT) {
		fprintf(stderr, "sh: %s: not found\n", name);
		_exit(127);
	}
	fprintf(stderr, "sh: %s: %s\n", name, strerror(err));
	_exit(126);
}

/* In the child for command c: wire up the pipes (in: the read end
 * before it, or -1; out: this command's pipe, or -1s), then run it. */
static void child(struct cmd *c, int in, const int out[2], bool bg)
{
	builtin_fn *fn;

	/* The console's Ctrl-C reaches the whole foreground process group,
	 * and this shell keeps one group (no job control of its own): a
	 * foreground command dies of it, background commands ignore it, and
	 * the interactive shell only starts a new prompt (main.c). Ctrl-\ and
	 * Ctrl-Z are the command's alike. */
	if (bg) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
	} else if (interactive) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGTSTP, SIG_DFL);
	}
	if (in >= 0) {
		dup2(in, 0);
		close(in);
	} else if (bg && (in = open("/dev/null", O_RDONLY)) >= 0) {
		dup2(in, 0);                     /* no job control: nothing to read */
		close(in);
	}
	if (out[1] >= 0) {
		close(out[0]);
		dup2(out[1], 1);
		close(out[1]);
	}
	for (int i = 0; i < c->nassign; i++)
		var_set(c->argv[i]);
	if (redirect(c) < 0)
		_exit(1);
	if (c->argc == c->nassign)
		_exit(0);
	if ((fn = builtin_find(c->argv[c->nassign])))
		exit(fn(c->argc - c->nassign, c->argv + c->nassign));
	exec_path(c->argv + c->nassign);
}

int wait_status(int st)
{
	if (WIFSIGNALED(st)) {
		int sig = WTERMSIG(st);
		/* As other shells: nothing for Ctrl-C (the console has shown ^C)
		 * or a broken pipe, which is how a pipeline's writer usually ends. */
		if (sig != SIGINT && sig != SIGPIPE)
			fprintf(stderr, "%s\n", strsignal(sig));
		else if (sig == SIGINT && interactive)
			fputc('\n', stderr);      /* the console echoed ^C, with no newline */
		return 128 + sig;
	}
	return WEXITSTATUS(st);
}

/* A lone built-in, or assignments alone: in the shell, redirections undone after. */
static int run_here(struct cmd *c, builtin_fn *fn)
{
	int r = 1, saved[MAXREDIR];

	fflush(stdout);
	for (int i = 0; i < c->nredir; i++)
		saved[i] = dup2(c->redir[i].fd, SAVE_FD + i);    /* -1: it was not open */
	if (redirect(c) == 0) {
		for (int i = 0; i < c->nassign; i++)
			var_set(c->argv[i]);
		r = fn ? fn(c->argc - c->nassign, c->argv + c->nassign) : 0;
	}
	fflush(stdout);
	bool keep = r == 0 && fn && fn == builtin_find("exec");   /* `exec >f`: for good */
	for (int i = c->nredir - 1; i >= 0; i--) {
		if (keep) {
			close(saved[i]);
		} else if (saved[i] >= 0) {
			dup2(saved[i], c->redir[i].fd);
			close(saved[i]);
		} else {
			close(c->redir[i].fd);
		}
	}
	return r;
}

int run_pipeline(struct pipeline *p, bool bg)
{
	pid_t pids[MAXCMDS];
	int n = 0, in = -1, st, r = 0;

	if (p->n == 1 && !bg) {
		struct cmd *c = &p->cmd[0];
		builtin_fn *fn = c->argc > c->nassign ? builtin_find(c->argv[c->nassign]) : NULL;
		if (fn || c->argc == c->nassign)
			return run_here(c, fn);
	}
	fflush(stdout);                          /* or each child writes our buffer again */
	for (; n < p->n; n++) {
		int out[2] = { -1, -1 };
		if (n < p->n - 1 && pipe(out) < 0) {
			fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
			break;
		}
		if ((pids[n] = fork()) == 0)
			child(&p->cmd[n], in, out, bg);
		if (in >= 0)
			close(in);
		if (out[1] >= 0)
			close(out[1]);
		in = out[0];
		if (pids[n] < 0) {
			fprintf(stderr, "sh: fork: %s\n", strerror(errno));
			break;
		}
	}
	if (in >= 0)
		close(in);
	if (bg) {
		if (n > 0 && pids[n - 1] > 0)
			last_bg = pids[n - 1];
		return 0;
	}
	for (int i = 0; i < n; i++) {
		st = 0;
		while (waitpid(pids[i], &st, WUNTRACED) < 0 && errno == EINTR)
			;
		if (WIFSTOPPED(st)) {
			/* Ctrl-Z: the shell has no fg; the command waits for a
			 * SIGCONT (kill -CONT) or its end. */
			fprintf(stderr, "\n[%d] Stopped\n", pids[i]);
			st = (128 + WSTOPSIG(st)) << 8;
		}
		r = wait_status(st);
	}
	return n < p->n ? 1 : r;
}

void run_line(const char *s)
{
	int end, prev = T_SEMI, st;

	arena_reset();
	while (waitpid(-1, &st, WNOHANG) > 0)   /* background commands that ended */
		;
	for (;;) {
		if (parse_pipeline(&s, &pl, &end) < 0) {
			status = 2;
			return;
		}
		/* && and || look at the status so far: a skipped pipeline keeps it. */
		if (pl.n > 0 && (prev == T_SEMI || prev == T_AMP || (prev == T_AND) == (status == 0)))
			status = run_pipeline(&pl, end == T_AMP);
		if (end == T_END)
			return;
		prev = end;
	}
}
