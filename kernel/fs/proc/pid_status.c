/*
 * pid_status.c - /proc/<pid>/status (proc(5)): "Name:\tvalue" lines in
 * Linux's order (fs/proc/array.c's proc_pid_status). Everyone is root with
 * every capability and has no namespaces, so those lines are constant.
 * Cpus_allowed is the thread's affinity (sched_getaffinity's mask). A
 * zombie has no memory: no Vm and Rss lines, as Linux.
 */
#include "fs/proc_text.h"

/* The state letter's long form. */
static const char *state_name(char c)
{
	switch (c) {
	case 'R': return "R (running)";
	case 'S': return "S (sleeping)";
	case 'D': return "D (disk sleep)";
	case 'T': return "T (stopped)";
	case 't': return "t (tracing stop)";
	case 'Z': return "Z (zombie)";
	default:  return "X (dead)";
	}
}

/* One "Vm...:\t%8lu kB" line from a page count. */
static void kb_line(struct seqbuf *s, const char *name, uint64_t pages)
{
	seq_printf(s, "%s:\t%8lu kB\n", name, pages * 4);
}

static void memory_lines(struct seqbuf *s, const struct pid_snap *p)
{
	kb_line(s, "VmPeak", p->vm_pages);      /* no high-water marks kept: the current size */
	kb_line(s, "VmSize", p->vm_pages);
	kb_line(s, "VmLck", 0);
	kb_line(s, "VmPin", 0);
	kb_line(s, "VmHWM", p->rss_pages);
	kb_line(s, "VmRSS", p->rss_pages);
	kb_line(s, "RssAnon", p->rss_pages - p->shared_pages);
	kb_line(s, "RssFile", 0);
	kb_line(s, "RssShmem", p->shared_pages);
	kb_line(s, "VmData", p->data_pages);
	kb_line(s, "VmStk", p->stack_pages);
	kb_line(s, "VmExe", p->exe_pages);
	kb_line(s, "VmLib", 0);
	kb_line(s, "VmPTE", p->pte_pages);
	kb_line(s, "VmSwap", 0);
	kb_line(s, "HugetlbPages", 0);
}

/* A CPU mask as Linux's "%*pb": hex digits for ncpus bits, a comma
 * between groups of 32 ("3" for CPUs 0-1 of 2; "00000001,00000000"). */
static void cpumask_hex(struct seqbuf *s, uint64_t mask, int ncpus)
{
	for (int digit = (ncpus + 3) / 4 - 1; digit >= 0; digit--) {
		seq_printf(s, "%x", (unsigned)(mask >> (4 * digit) & 0xf));
		if (digit && digit % 8 == 0)
			seq_puts(s, ",");
	}
}

/* The same as "%*pbl": ranges, "0-1,3". */
static void cpumask_list(struct seqbuf *s, uint64_t mask)
{
	const char *sep = "";

	for (int c = 0; c < 64; c++) {
		if (!(mask >> c & 1))
			continue;
		int end = c;
		while (end < 63 && (mask >> (end + 1) & 1))
			end++;
		seq_printf(s, end > c ? "%s%d-%d" : "%s%d", sep, c, end);
		sep = ",", c = end;
	}
}

void proc_pid_status(struct seqbuf *s, const struct pid_snap *p)
{
	seq_puts(s, "Name:\t");
	seq_escape(s, p->comm, "\n");
	seq_printf(s, "\nUmask:\t%04o\nState:\t%s\n", p->umask, state_name(p->state));
	seq_printf(s, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", p->tgid, p->pid, p->ppid);
	seq_printf(s, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nFDSize:\t%d\nGroups:\t\n", p->fdsize);
	seq_printf(s, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n", p->tgid, p->pid, p->pgid, p->sid);
	if (p->has_mm) {
		memory_lines(s, p);
		seq_puts(s, "CoreDumping:\t0\nTHP_enabled:\t0\n");
	}
	seq_printf(s, "Threads:\t%d\nSigQ:\t%d/%lu\n", p->threads,
		   __builtin_popcountll(p->sig_pending), p->sigq_limit);
	seq_printf(s, "SigPnd:\t%016lx\nShdPnd:\t%016lx\nSigBlk:\t%016lx\nSigIgn:\t%016lx\nSigCgt:\t%016lx\n",
		   p->sig_pending, 0UL, p->sig_blocked, p->sig_ignored, p->sig_caught);
	seq_puts(s, "CapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\n"
		    "CapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\n"
		    "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n"
		    "Speculation_Store_Bypass:\tunknown\nSpeculationIndirectBranch:\tunknown\n"
		    "Cpus_allowed:\t");
	cpumask_hex(s, p->cpus_allowed, p->ncpus);
	seq_puts(s, "\nCpus_allowed_list:\t");
	cpumask_list(s, p->cpus_allowed);
	seq_puts(s, "\nMems_allowed:\t00000000,00000001\nMems_allowed_list:\t0\n");
	seq_printf(s, "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n", p->nvcsw, p->nivcsw);
}
