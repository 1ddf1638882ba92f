/*
 * maps.c - one line of /proc/<pid>/maps (proc(5)):
 *
 *   start-end perms offset major:minor inode            name
 *
 * with Linux's widths (fs/proc/task_mmu.c's show_map_vma): addresses and
 * offset in at least 8 hex digits, and the name, when there is one, starting
 * in column 73 (25 + 6 * sizeof(void *), one space past the padding).
 */
#include "fs/proc_text.h"

#define NAME_COLUMN (25 + 6 * 8 - 1)

void proc_maps_line(struct seqbuf *s, const struct map_line *m)
{
	size_t start = s->len;

	seq_printf(s, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", m->start, m->end,
		   m->read ? 'r' : '-', m->write ? 'w' : '-', m->exec ? 'x' : '-', m->shared ? 's' : 'p',
		   m->offset, m->major, m->minor, m->ino);
	if (m->name) {
		seq_pad(s, start + NAME_COLUMN);
		seq_putc(s, ' ');
		seq_escape(s, m->name, "\n");
	}
	seq_putc(s, '\n');
}
