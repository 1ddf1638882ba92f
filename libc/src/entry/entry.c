/*
 * entry.c - which system-call entry the wrappers use: the fastest one the
 * kernel advertises in AT_TRAPDOOR_ENTRIES, unless LIBC_SYSCALL names one.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "syscall.h"

int __libc_entry_in_use = ENTRY_INT80;   /* safe before crt decides: every kernel has it */
static unsigned long offered = ENTRY_INT80;

void __libc_init_entry(void)
{
	const char *force = getenv("LIBC_SYSCALL");

	offered = getauxval(AT_TRAPDOOR_ENTRIES);
	if (!offered)
		offered = ENTRY_INT80;           /* an older kernel: assume the legacy gate */
	__libc_entry_in_use = (offered & ENTRY_SYSCALL) ? ENTRY_SYSCALL : ENTRY_INT80;
	if (force && strcmp(force, "int80") == 0)
		libc_set_entry(ENTRY_INT80);
	else if (force && strcmp(force, "syscall") == 0)
		libc_set_entry(ENTRY_SYSCALL);
}

int libc_entry(void) { return __libc_entry_in_use; }

const char *libc_entry_name(void)
{
	return __libc_entry_in_use == ENTRY_SYSCALL ? "syscall" : "int80";
}

int libc_set_entry(int entry)
{
	if ((entry != ENTRY_INT80 && entry != ENTRY_SYSCALL) || !(offered & entry))
		return -1;
	__libc_entry_in_use = entry;
	return 0;
}
