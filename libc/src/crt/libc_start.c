/* libc_start.c - from the initial stack to main, then exit. */
#include <stdlib.h>
#include <unistd.h>

#include "syscall.h"

char **environ;
unsigned long *__auxv;

int main(int argc, char **argv, char **envp);
void __libc_start(long *sp) __attribute__((noreturn));

/* sp -> argc, argv[], NULL, envp[], NULL, auxv pairs. */
void __libc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1), **envp = argv + argc + 1, **e = envp;

	while (*e)
		e++;
	environ = envp;
	__auxv = (unsigned long *)(e + 1);
	__libc_init_entry();
	__libc_init_vdso();
	exit(main(argc, argv, envp));
}
