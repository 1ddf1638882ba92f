/*
 * stat.c - /proc/stat (proc(5)): the CPU's time in its states, for all
 * CPUs ("cpu", two spaces) and for each (the one "cpu0"), then the counts
 * Linux gives. Only cpu0 while processes run on CPU 0 alone, though the
 * APs are online (/proc/cpuinfo lists them): glibc counts these lines for
 * sysconf(_SC_NPROCESSORS_ONLN), and no process can use the others yet
 * (docs/smp.md); the scheduling step adds a line per CPU. Interrupts are given as the total alone: Linux follows it
 * with a count per interrupt number, which trapdoor does not keep.
 */
#include "fs/proc_text.h"

/* user nice system idle iowait irq softirq steal guest guest_nice */
static void cpu_line(struct seqbuf *s, const char *name, const struct stat_snap *st)
{
	seq_printf(s, "%s %lu %lu %lu %lu 0 0 0 0 0 0\n", name, st->user, st->nice, st->system, st->idle);
}

void proc_stat(struct seqbuf *s, const struct stat_snap *st)
{
	cpu_line(s, "cpu ", st);
	cpu_line(s, "cpu0", st);
	seq_printf(s, "intr %lu\nctxt %lu\nbtime %lu\nprocesses %lu\nprocs_running %d\nprocs_blocked %d\n",
		   st->intr, st->ctxt, st->btime, st->processes, st->running, st->blocked);
	seq_puts(s, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
}
