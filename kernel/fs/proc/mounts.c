/*
 * mounts.c - /proc/mounts and /proc/filesystems (proc(5), fstab(5)).
 *
 * A mounts line is "source path type options 0 0", with spaces, tabs,
 * newlines and backslashes in the names written as \ooo, as getmntent(3)
 * undoes them.
 */
#include "fs/proc_text.h"

#define ESCAPED " \t\n"

void proc_mounts_line(struct seqbuf *s, const struct mount_line *m)
{
	seq_escape(s, m->source, ESCAPED);
	seq_putc(s, ' ');
	seq_escape(s, m->path, ESCAPED);
	seq_putc(s, ' ');
	seq_escape(s, m->type, ESCAPED);
	seq_puts(s, m->rdonly ? " ro" : " rw");
	if (m->nosuid)
		seq_puts(s, ",nosuid");
	if (m->nodev)
		seq_puts(s, ",nodev");
	if (m->noexec)
		seq_puts(s, ",noexec");
	seq_puts(s, " 0 0\n");
}

void proc_filesystems_line(struct seqbuf *s, const char *type, bool nodev)
{
	seq_printf(s, "%s\t%s\n", nodev ? "nodev" : "", type);
}
