/*
 * version.c - /proc/version: uname's names in the line Linux writes,
 * "<sysname> version <release> (<builder>) (<compiler>) <version>".
 */
#include "fs/proc_text.h"

void proc_version(struct seqbuf *s, const char *sysname, const char *release, const char *version,
		  const char *compiler)
{
	seq_printf(s, "%s version %s (trapdoor@trapdoor) (%s) %s\n", sysname, release, compiler, version);
}
