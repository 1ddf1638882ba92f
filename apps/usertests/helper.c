/*
 * helper.c - what `usertests --helper CMD ...` does: the program the
 * process and pipe cases execute, so they can see what crossed execve.
 *
 *   exit N        exit with status N
 *   args ...      print argc, each argument and each environment string
 *   entry         exit with libc's entry (ENTRY_INT80 or ENTRY_SYSCALL)
 *   sigstate      print the signal dispositions and mask it inherited
 *   isopen N      exit 1 when descriptor N is open, else 0
 *   cat           copy stdin to stdout until end of file
 *   sum           read stdin to its end; print the byte count and checksum
 *   pause         wait for signals for ever
 *   ppid          print whether getppid is 1
 *   fpu           exit 0 when FCW, MXCSR and ymm15 are initial (t_fpu.c)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "usertests.h"

static int print_args(int argc, char **argv, char **envp)
{
	printf("argc=%d", argc);
	for (int i = 1; i < argc; i++)
		printf(" [%s]", argv[i]);
	for (int i = 0; envp[i]; i++)
		if (strncmp(envp[i], "LIBC_SYSCALL=", 13) != 0)
			printf(" {%s}", envp[i]);
	printf("\n");
	return 0;
}

static int print_sigstate(void)
{
	static const int sigs[] = { SIGUSR1, SIGUSR2, SIGTERM, SIGPIPE };

	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct k_sigaction old;
		sys_sigaction(sigs[i], 0, &old, SIGSET_SIZE);
		printf("%d:%s ", sigs[i], old.handler == SIG_DFL ? "dfl" : old.handler == SIG_IGN ? "ign" : "handler");
	}
	printf("mask:%lx\n", (unsigned long)sigmask_now());
	return 0;
}

static int copy_stdin(int count_only)
{
	char buf[1000];
	uint64_t h = FNV_INIT;
	long n, total = 0;

	while ((n = sys_read(0, buf, sizeof(buf))) > 0) {
		total += n;
		h = fnv(h, buf, n);
		if (!count_only && sys_write(1, buf, n) != n)
			return 2;
	}
	if (n < 0)
		return 3;
	if (count_only)
		printf("%ld bytes, fnv %lx\n", total, (unsigned long)h);
	return 0;
}

int fpu_helper_initial(void);             /* t_fpu.c */

int helper_main(int argc, char **argv, char **envp)
{
	struct stat st;

	if (argc < 1)
		return 100;
	if (strcmp(argv[0], "exit") == 0 && argc > 1)
		return atoi(argv[1]);
	if (strcmp(argv[0], "args") == 0)
		return print_args(argc, argv, envp);
	if (strcmp(argv[0], "entry") == 0)
		return libc_entry();
	if (strcmp(argv[0], "sigstate") == 0)
		return print_sigstate();
	if (strcmp(argv[0], "isopen") == 0 && argc > 1)
		return sys_fstat(atoi(argv[1]), &st) == 0;
	if (strcmp(argv[0], "cat") == 0)
		return copy_stdin(0);
	if (strcmp(argv[0], "sum") == 0)
		return copy_stdin(1);
	if (strcmp(argv[0], "pause") == 0)
		for (;;)
			sys_pause();
	if (strcmp(argv[0], "fpu") == 0)
		return fpu_helper_initial();
	if (strcmp(argv[0], "ppid") == 0) {
		printf("ppid is 1: %s\n", sys_getppid() == 1 ? "yes" : "no");
		return 0;
	}
	return 101;
}
