/*
 * init - the first process. For now it says hello through the entry path
 * libc chose, shows what the kernel offers, and ends the run (when init
 * exits, the kernel shuts the machine down with init's status).
 */
#include <stdio.h>
#include <sys/auxv.h>
#include <sys/entry.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct utsname u;

	uname(&u);
	printf("init: %s %s on %s, pid %d\n", u.sysname, u.release, u.machine, getpid());
	printf("init: kernel offers%s%s; libc uses %s\n",
	       getauxval(AT_TRAPDOOR_ENTRIES) & ENTRY_INT80 ? " int80" : "",
	       getauxval(AT_TRAPDOOR_ENTRIES) & ENTRY_SYSCALL ? " syscall" : "",
	       libc_entry_name());
	return 0;
}
