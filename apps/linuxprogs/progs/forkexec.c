/*
 * forkexec - fork, execve and wait between the suite's programs: children
 * that exit with a status, die of a signal, fail to exec, and exec the
 * hello of this toolchain and of the other one (../musl, ../glibc: the
 * runner starts every program in its own toolchain's directory), once
 * with the output read back through a pipe; and posix_spawn.
 */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void status(const char *what, pid_t pid)
{
	int st;
	pid_t got = waitpid(pid, &st, 0);

	if (got != pid)
		printf("%s: waitpid: %s\n", what, got < 0 ? strerror(errno) : "another child");
	else if (WIFEXITED(st))
		printf("%s: exited with %d\n", what, WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		printf("%s: killed by signal %d (%s)\n", what, WTERMSIG(st), WTERMSIG(st) == SIGTERM ? "SIGTERM" : "other");
	else
		printf("%s: status 0x%x\n", what, st);
}

/* fork, run fn in the child, wait and report. */
static void child(const char *what, void (*fn)(const char *), const char *arg)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("%s: fork: %s\n", what, strerror(errno));
		return;
	}
	if (pid == 0) {
		fn(arg);
		_exit(99);
	}
	status(what, pid);
}

static void do_exit(const char *arg) { _exit(atoi(arg)); }
static void do_kill(const char *arg) { (void)arg; kill(getpid(), SIGTERM); pause(); }

static void do_exec(const char *path)
{
	char *const argv[] = { (char *)path, NULL };

	execve(path, argv, environ);
	printf("execve %s: %s\n", path, errno == ENOENT ? "ENOENT" : "another error");
	fflush(stdout);
	_exit(127);
}

int main(void)
{
	char buf[256];
	int fd[2], n, total = 0;
	pid_t pid;
	char *const spawn_argv[] = { "./hello", NULL };

	child("exit 0", do_exit, "0");
	child("exit 42", do_exit, "42");
	child("kill self", do_kill, NULL);
	child("exec ./no-such-program", do_exec, "./no-such-program");
	child("exec ../musl/hello", do_exec, "../musl/hello");
	child("exec ../glibc/hello", do_exec, "../glibc/hello");

	if (pipe(fd) < 0) {
		printf("pipe: %s\n", strerror(errno));
		return 1;
	}
	fflush(stdout);
	if ((pid = fork()) < 0) {
		printf("exec ./hello into a pipe: fork: %s\n", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		goto spawn;
	}
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		do_exec("./hello");
	}
	close(fd[1]);
	while ((n = read(fd[0], buf + total, sizeof(buf) - 1 - total)) > 0)
		total += n;
	buf[total] = 0;
	close(fd[0]);
	printf("through a pipe, %d bytes: %s", total, buf);
	status("exec ./hello into a pipe", pid);

spawn:
	fflush(stdout);
	n = posix_spawn(&pid, "./hello", NULL, NULL, spawn_argv, environ);
	if (n)
		printf("posix_spawn: %s\n", strerror(n));
	else
		status("posix_spawn ./hello", pid);
	printf("no more children: %s\n", wait(NULL) < 0 && errno == ECHILD ? "ECHILD" : "there are more");
	return 0;
}
