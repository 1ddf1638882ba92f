/*
 * pid_stat.c - /proc/<pid>/stat and /proc/<pid>/statm (proc(5)).
 *
 * stat is one line of 52 fields in Linux's order (fs/proc/array.c's
 * do_task_stat); the fields trapdoor has no counterpart for (page faults,
 * real-time priority, I/O delays, guest time) are 0, as Linux prints them
 * for a process that never had any.
 */
#include "fs/proc_text.h"

/* Linux prints the four obsolete signal masks cut to their low 31 bits. */
#define OLD_SIGMASK 0x7fffffffUL

void proc_pid_stat(struct seqbuf *s, const struct pid_snap *p)
{
	uint64_t page = 4096, mm = p->has_mm;

	seq_printf(s, "%d (%s) %c %d %d %d %d %d %u", p->pid, p->comm, p->state, p->ppid, p->pgid,
		   p->sid, p->tty_nr, p->tpgid, p->flags);
	seq_printf(s, " 0 0 0 0");                            /* minflt cminflt majflt cmajflt */
	seq_printf(s, " %lu %lu %ld %ld", p->utime, p->stime, (long)p->cutime, (long)p->cstime);
	seq_printf(s, " %ld %ld %d 0 %lu", p->priority, p->nice, p->threads, p->start_time);
	seq_printf(s, " %lu %lu %lu", p->vm_pages * page, p->rss_pages, p->rsslim);
	seq_printf(s, " %lu %lu %lu 0 0", mm * p->start_code, mm * p->end_code, mm * p->start_stack);
	seq_printf(s, " %lu %lu %lu %lu", p->sig_pending & OLD_SIGMASK, p->sig_blocked & OLD_SIGMASK,
		   p->sig_ignored & OLD_SIGMASK, p->sig_caught & OLD_SIGMASK);
	seq_printf(s, " 0 0 0 17 0 0 0 0 0 0");   /* wchan nswap cnswap, exit_signal SIGCHLD, cpu 0,
						     rt_priority policy, blkio delay, guest cguest */
	seq_printf(s, " %lu %lu %lu %lu %lu %lu %lu", mm * p->start_data, mm * p->end_data,
		   mm * p->start_brk, mm * p->arg_start, mm * p->arg_end, mm * p->env_start, mm * p->env_end);
	seq_printf(s, " %d\n", p->exit_code);
}

void proc_pid_statm(struct seqbuf *s, const struct pid_snap *p)
{
	/* size resident shared text lib data dt */
	seq_printf(s, "%lu %lu %lu %lu 0 %lu 0\n", p->vm_pages, p->rss_pages, p->shared_pages,
		   p->exe_pages, p->data_pages + p->stack_pages);
}
