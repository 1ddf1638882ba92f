/*
 * uptime.c - /proc/uptime and /proc/loadavg (proc(5)): seconds with two
 * decimals, and the load averages as Linux's fs/proc/loadavg.c prints them.
 */
#include "fs/proc_text.h"

#define NS_PER_CENTI 10000000ULL
#define FSHIFT 11                          /* avenrun's fixed point (proc.h's AVENRUN_SHIFT) */
#define FIXED_1 (1UL << FSHIFT)

void proc_uptime(struct seqbuf *s, uint64_t uptime_ns, uint64_t idle_ns)
{
	uint64_t up = uptime_ns / NS_PER_CENTI, idle = idle_ns / NS_PER_CENTI;

	seq_printf(s, "%lu.%02lu %lu.%02lu\n", up / 100, up % 100, idle / 100, idle % 100);
}

void proc_loadavg(struct seqbuf *s, const struct load_snap *l)
{
	for (int i = 0; i < 3; i++) {
		unsigned long v = l->avenrun[i] + FIXED_1 / 200;    /* rounds to the nearest 1/100 */

		seq_printf(s, "%lu.%02lu ", v >> FSHIFT, ((v & (FIXED_1 - 1)) * 100) >> FSHIFT);
	}
	seq_printf(s, "%d/%d %d\n", l->running, l->total, l->last_pid);
}
