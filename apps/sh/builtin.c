/*
 * builtin.c - the commands that must run inside the shell (cd, exit,
 * exec, export, unset, wait) and pwd. Each is main-shaped: (argc, argv) -> status.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

/* cd [dir]: to dir, or $HOME; keeps $PWD. */
static int do_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME", 4);
	char buf[4096 + 4];

	if (!dir) {
		fprintf(stderr, "sh: cd: HOME not set\n");
		return 1;
	}
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	memcpy(buf, "PWD=", 4);
	if (getcwd(buf + 4, sizeof(buf) - 4))
		var_set(buf);
	return 0;
}

static int do_pwd(int argc, char **argv)
{
	char buf[4096];

	if (!getcwd(buf, sizeof(buf))) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	printf("%s\n", buf);
	return 0;
}

/* exit [n]: end the shell with n, or with $?. */
static int do_exit(int argc, char **argv)
{
	char *end;
	long n = status;

	if (argc > 1) {
		n = strtol(argv[1], &end, 10);
		if (*end || end == argv[1]) {
			fprintf(stderr, "sh: exit: %s: not a number\n", argv[1]);
			n = 2;
		}
	}
	exit(n & 0xff);
}

/* export [NAME=value | NAME]...: every variable is exported already; with
 * no arguments, list them. */
static int do_export(int argc, char **argv)
{
	int r = 0;

	if (argc == 1)
		for (char **e = environ; e && *e; e++)
			printf("export %s\n", *e);
	for (int i = 1; i < argc; i++) {
		if (strchr(argv[i], '=') ? var_set(argv[i]) < 0 : !var_name_ok(argv[i], strlen(argv[i]))) {
			fprintf(stderr, "sh: export: %s: bad variable name\n", argv[i]);
			r = 1;
		}
	}
	return r;
}

static int do_unset(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		var_unset(argv[i]);
	return 0;
}

/* exec [CMD [ARG...]]: become CMD; with none, the command's redirections
 * stay (exec.c). */
static int do_exec(int argc, char **argv)
{
	if (argc == 1)
		return 0;
	fflush(stdout);
	exec_path(argv + 1);                   /* a caught SIGINT is SIG_DFL again after execve */
}

/* wait [pid]: for that background command, or for all of them. */
static int do_wait(int argc, char **argv)
{
	pid_t pid = argc > 1 ? atoi(argv[1]) : -1;
	int st, r = 0;

	for (;;) {
		pid_t got = waitpid(pid, &st, 0);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return pid > 0 ? 127 : 0;
		r = wait_status(st);
		if (pid > 0)
			return r;
	}
}

static const struct {
	const char *name;
	builtin_fn *fn;
} builtins[] = {
	{ "cd", do_cd }, { "pwd", do_pwd }, { "exit", do_exit },
	{ "export", do_export }, { "unset", do_unset }, { "wait", do_wait },
	{ "exec", do_exec },
};

builtin_fn *builtin_find(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(name, builtins[i].name) == 0)
			return builtins[i].fn;
	return NULL;
}
