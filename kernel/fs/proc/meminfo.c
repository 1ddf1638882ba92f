/*
 * meminfo.c - /proc/meminfo (proc(5)): "Name:" padded to 16 columns, the
 * value in kB right-aligned in 8, then " kB", in Linux's order
 * (fs/proc/meminfo.c). Lines for what trapdoor does not have (swap,
 * huge pages, writeback ...) say 0 rather than going missing, so parsers
 * that look for them find them.
 */
#include "fs/proc_text.h"

static void line(struct seqbuf *s, const char *name, uint64_t kb)
{
	size_t start = s->len;

	seq_printf(s, "%s:", name);
	seq_pad(s, start + 16);
	seq_printf(s, "%8lu kB\n", kb);
}

void proc_meminfo(struct seqbuf *s, const struct mem_snap *m)
{
	line(s, "MemTotal", m->total);
	line(s, "MemFree", m->free);
	line(s, "MemAvailable", m->available);
	line(s, "Buffers", 0);
	line(s, "Cached", m->cached);
	line(s, "SwapCached", 0);
	line(s, "Active", m->anon + m->cached);
	line(s, "Inactive", 0);
	line(s, "Active(anon)", m->anon);
	line(s, "Inactive(anon)", 0);
	line(s, "Active(file)", m->cached);
	line(s, "Inactive(file)", 0);
	line(s, "Unevictable", m->cached);
	line(s, "Mlocked", 0);
	line(s, "SwapTotal", 0);
	line(s, "SwapFree", 0);
	line(s, "Dirty", 0);
	line(s, "Writeback", 0);
	line(s, "AnonPages", m->anon);
	line(s, "Mapped", m->shmem);
	line(s, "Shmem", m->shmem);
	line(s, "KReclaimable", 0);
	line(s, "Slab", m->slab);
	line(s, "SReclaimable", 0);
	line(s, "SUnreclaim", m->slab);
	line(s, "KernelStack", m->kernel_stack);
	line(s, "PageTables", m->page_tables);
	line(s, "NFS_Unstable", 0);
	line(s, "Bounce", 0);
	line(s, "WritebackTmp", 0);
	line(s, "CommitLimit", m->commit_limit);
	line(s, "Committed_AS", m->committed);
	line(s, "VmallocTotal", m->vmalloc_total);
	line(s, "VmallocUsed", 0);
	line(s, "VmallocChunk", 0);
}
