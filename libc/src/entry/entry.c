/*
 * entry.c - which system-call entry the wrappers use: one of libc's paths
 * (LIBC_ENTRIES in sys/entry.h, named as in the kernel's api/entry_paths.h),
 * the one the architecture's offered.c prefers among those the kernel
 * offers, unless LIBC_SYSCALL names another offered one by its word.
 */
#include <stdlib.h>
#include <string.h>

#include "syscall.h"

typedef long (*call6)(long, long, long, long, long, long, long);

/* Every row is a path of this program's mode (64 or 32). */
#define MODE_CHECK(path, word, call) \
	_Static_assert(LIBC_ENTRY_MODE(path) == 8 * (int)sizeof(long), #path " is not a path of this mode");
LIBC_ENTRIES(MODE_CHECK)
#undef MODE_CHECK

static const struct {
	const char *name, *word;             /* libc_entry_name(), LIBC_SYSCALL's word */
	int bit;                             /* what libc_set_entry() takes */
	call6 call;
} entries[] = {
#define ROW(path, word, call) { #path, word, LIBC_ENTRY_BIT(path), call },
	LIBC_ENTRIES(ROW)
#undef ROW
};
#define NENTRIES (sizeof(entries) / sizeof(entries[0]))

/* Until crt0 chooses, none: the wrappers use int $0x80, which every
 * kernel has (internal/syscall.h). */
int __libc_entry_in_use;
call6 __libc_call6 = __syscall6_int80;
static unsigned long offered;

void __libc_init_entry(void)
{
	const char *force = getenv("LIBC_SYSCALL");

	libc_set_entry(__libc_offered_entries(&offered));
	for (unsigned i = 0; force && i < NENTRIES; i++)
		if (strcmp(force, entries[i].word) == 0)
			libc_set_entry(entries[i].bit);
}

int libc_entry(void) { return __libc_entry_in_use; }

const char *libc_entry_name(void)
{
	for (unsigned i = 0; i < NENTRIES; i++)
		if (entries[i].bit == __libc_entry_in_use)
			return entries[i].name;
	return "?";
}

int libc_set_entry(int entry)
{
	for (unsigned i = 0; i < NENTRIES; i++)
		if (entries[i].bit == entry && (offered & (unsigned long)entry)) {
			__libc_entry_in_use = entry;
			__libc_call6 = entries[i].call;
			return 0;
		}
	return -1;
}
