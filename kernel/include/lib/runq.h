/*
 * runq.h - the run queue (lib/runq.c): the threads ready to run, in the
 * order they became ready, shared by every CPU (proc/sched.c). One queue
 * under the big kernel lock: a CPU takes the first thread allowed on it
 * (sched_setaffinity's mask), so a thread pinned elsewhere is passed
 * over, not lost, and the others keep their order. Threads are slot
 * numbers (their index in the process table); pure logic, host-tested.
 */
#ifndef LIB_RUNQ_H
#define LIB_RUNQ_H

#include <stdbool.h>
#include <stdint.h>

#define RUNQ_MAX 64                     /* NPROC: a thread is queued at most once */

struct runq {
	uint16_t slot[RUNQ_MAX];        /* a ring: slot[head], ... n entries */
	unsigned head, n;
};

/* May thread i run on cpu (its affinity mask allows it)? */
typedef bool runq_may_run_fn(int i, unsigned cpu, void *ctx);

void runq_push(struct runq *q, int i);                /* at the back */
/* Take the first thread that may run on cpu out of the queue: its slot,
 * or -1 when none may. */
int runq_pop(struct runq *q, unsigned cpu, runq_may_run_fn *may_run, void *ctx);
/* Is a thread that may run on cpu waiting (runq_pop would find one)? */
bool runq_any(const struct runq *q, unsigned cpu, runq_may_run_fn *may_run, void *ctx);
/* Which idle CPU to wake for a thread allowed on mask `allowed`: the
 * lowest one set in idle & allowed that is not `self`, or -1 (then a
 * busy CPU takes it at its next switch). */
int runq_kick_target(uint64_t idle, uint64_t allowed, unsigned self);

#endif
