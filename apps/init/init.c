/*
 * init - the first process. It says hello through the entry path libc
 * chose, mounts a tmpfs on /tmp and procfs on /proc, then runs the
 * program its arguments name (the words after `--` on the kernel command
 * line), or /bin/sh. It reaps every child that ends, and when that
 * program ends, exits with its status: the kernel then shuts the machine
 * down.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/entry.h>
#include <sys/mount.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char *const shell[] = { "/bin/sh", NULL };
	char *const *cmd = argc > 1 ? argv + 1 : shell;
	struct utsname u;
	int status;
	pid_t pid, got;

	uname(&u);
	printf("init: %s %s on %s, pid %d\n", u.sysname, u.release, u.machine, getpid());
	printf("init: kernel offers");
#define OFFERED(name, mode, entry, ret, counter, bit, vector, letter) \
	if (getauxval(AT_TRAPDOOR_ENTRIES) & (bit))                      \
		printf(" %s", #name);
	ENTRY_PATHS(OFFERED)                 /* every path, by the one list (api/entry_paths.h) */
#undef OFFERED
	printf("; libc uses %s\n", libc_entry_name());
	if (mount("tmpfs", "/tmp", "tmpfs", 0, 0) < 0 && errno != ENOSYS)
		fprintf(stderr, "init: mount tmpfs on /tmp: %s\n", strerror(errno));
	if (mount("proc", "/proc", "proc", 0, 0) < 0 && errno != ENOSYS)
		fprintf(stderr, "init: mount proc on /proc: %s\n", strerror(errno));

	fflush(stdout);
	if ((pid = fork()) == 0) {
		execve(cmd[0], cmd, environ);
		fprintf(stderr, "init: %s: %s\n", cmd[0], strerror(errno));
		_exit(127);
	}
	if (pid < 0) {
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
		return 1;
	}
	/* Reap whatever ends (orphans come to init) until our program does. */
	while ((got = wait(&status)) != pid)
		if (got < 0 && errno != EINTR)
			return 1;
	if (WIFSIGNALED(status)) {
		printf("init: %s killed by signal %d (%s)\n", cmd[0], WTERMSIG(status), strsignal(WTERMSIG(status)));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}
