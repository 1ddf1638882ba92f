/*
 * offered.c - the x86-64 entries this kernel offers (AT_TRAPDOOR_ENTRIES)
 * and the one libc prefers: syscall when offered, else int $0x80.
 */
#include <sys/auxv.h>

#include "syscall.h"

int __libc_offered_entries(unsigned long *offered)
{
	*offered = getauxval(AT_TRAPDOOR_ENTRIES);
	if (!*offered)
		*offered = ENTRY_INT80;          /* an older kernel: assume the legacy gate */
	return (*offered & ENTRY_SYSCALL) ? ENTRY_SYSCALL : ENTRY_INT80;
}
