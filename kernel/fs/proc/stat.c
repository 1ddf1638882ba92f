/*
 * stat.c - /proc/stat (proc(5)): the CPUs' time in their states, for all
 * CPUs ("cpu", two spaces) and for each online one ("cpu0", "cpu1", ...:
 * glibc counts these lines for sysconf(_SC_NPROCESSORS_ONLN)), then the
 * counts Linux gives. Interrupts are given as the total alone: Linux
 * follows it with a count per interrupt number, which trapdoor does not keep.
 */
#include "fs/proc_text.h"
#include "lib/fmt.h"

/* user nice system idle iowait irq softirq steal guest guest_nice */
static void cpu_line(struct seqbuf *s, const char *name, uint64_t user, uint64_t nice, uint64_t system, uint64_t idle)
{
	seq_printf(s, "%s %lu %lu %lu %lu 0 0 0 0 0 0\n", name, user, nice, system, idle);
}

void proc_stat(struct seqbuf *s, const struct stat_snap *st)
{
	char name[16];

	cpu_line(s, "cpu ", st->user, st->nice, st->system, st->idle);
	for (unsigned i = 0; i < st->ncpus && i < STAT_CPUS; i++) {
		fmt_snprintf(name, sizeof(name), "cpu%u", i);
		cpu_line(s, name, st->cpu[i].user, 0, st->cpu[i].system, st->cpu[i].idle);
	}
	seq_printf(s, "intr %lu\nctxt %lu\nbtime %lu\nprocesses %lu\nprocs_running %d\nprocs_blocked %d\n",
		   st->intr, st->ctxt, st->btime, st->processes, st->running, st->blocked);
	seq_puts(s, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
}
