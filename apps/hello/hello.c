/*
 * hello - the smallest program: one line saying how it was built and which
 * system-call entry libc picked. Built twice: /bin/hello (x86-64) and
 * /bin/hello32 (-m32, i386's ABI in compat mode).
 */
#include <stdio.h>
#include <sys/entry.h>
#include <unistd.h>

int main(void)
{
	printf("hello from a %d-bit program, pid %d, entry %s\n", (int)sizeof(long) * 8, getpid(),
	       libc_entry_name());
	return 0;
}
