/* runq.c - the run queue's logic (lib/runq.h). */
#include "lib/runq.h"

void runq_push(struct runq *q, int i)
{
	q->slot[(q->head + q->n++) % RUNQ_MAX] = (uint16_t)i;
}

int runq_pop(struct runq *q, unsigned cpu, runq_may_run_fn *may_run, void *ctx)
{
	for (unsigned k = 0; k < q->n; k++) {
		int i = q->slot[(q->head + k) % RUNQ_MAX];
		if (!may_run(i, cpu, ctx))
			continue;
		/* Close the gap: the ones before it move up one, in order. */
		for (unsigned j = k; j > 0; j--)
			q->slot[(q->head + j) % RUNQ_MAX] = q->slot[(q->head + j - 1) % RUNQ_MAX];
		q->head = (q->head + 1) % RUNQ_MAX;
		q->n--;
		return i;
	}
	return -1;
}

bool runq_any(const struct runq *q, unsigned cpu, runq_may_run_fn *may_run, void *ctx)
{
	for (unsigned k = 0; k < q->n; k++)
		if (may_run(q->slot[(q->head + k) % RUNQ_MAX], cpu, ctx))
			return true;
	return false;
}

int runq_kick_target(uint64_t idle, uint64_t allowed, unsigned self)
{
	uint64_t m = idle & allowed & ~(1ULL << self);

	return m ? __builtin_ctzll(m) : -1;
}
