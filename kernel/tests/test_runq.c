/*
 * test_runq.c - host tests for lib/runq.c: FIFO order, a CPU passing over
 * threads pinned elsewhere without losing them or their order (and
 * runq_any seeing the same), wrap-around
 * of the ring, and which idle CPU a wake-up kicks.
 */
#include "check.h"
#include "lib/runq.h"

static uint64_t allowed[RUNQ_MAX];

static bool may_run(int i, unsigned cpu, void *ctx)
{
	(void)ctx;
	return allowed[i] & (1ULL << cpu);
}

int main(void)
{
	struct runq q = { 0 };

	for (int i = 0; i < RUNQ_MAX; i++)
		allowed[i] = ~0ULL;
	/* FIFO. */
	runq_push(&q, 3), runq_push(&q, 1), runq_push(&q, 7);
	CHECK_EQ(runq_pop(&q, 0, may_run, 0), 3);
	CHECK_EQ(runq_pop(&q, 1, may_run, 0), 1);
	CHECK_EQ(runq_pop(&q, 0, may_run, 0), 7);
	CHECK_EQ(runq_pop(&q, 0, may_run, 0), -1);
	CHECK_EQ(q.n, 0u);

	/* Pinned threads: CPU 0 skips the ones pinned to CPU 1 and keeps them in order. */
	allowed[10] = 2, allowed[11] = 2, allowed[12] = 1, allowed[13] = 3;
	runq_push(&q, 10), runq_push(&q, 11), runq_push(&q, 12), runq_push(&q, 13);
	CHECK(runq_any(&q, 0, may_run, 0) && runq_any(&q, 1, may_run, 0) && !runq_any(&q, 2, may_run, 0));
	CHECK_EQ(runq_pop(&q, 0, may_run, 0), 12);
	CHECK_EQ(runq_pop(&q, 0, may_run, 0), 13);
	CHECK(!runq_any(&q, 0, may_run, 0));                /* sched_yield on CPU 0: no switch */
	CHECK_EQ(runq_pop(&q, 0, may_run, 0), -1);          /* only CPU 1's are left */
	CHECK_EQ(q.n, 2u);
	CHECK(runq_any(&q, 1, may_run, 0));
	CHECK_EQ(runq_pop(&q, 1, may_run, 0), 10);
	CHECK_EQ(runq_pop(&q, 1, may_run, 0), 11);
	CHECK_EQ(runq_pop(&q, 1, may_run, 0), -1);

	/* Around the ring many times, full. */
	for (int round = 0; round < 5; round++) {
		for (int i = 0; i < RUNQ_MAX; i++)
			allowed[i] = ~0ULL, runq_push(&q, i);
		CHECK_EQ(q.n, (unsigned)RUNQ_MAX);
		int ok = 1;
		for (int i = 0; i < RUNQ_MAX; i++)
			ok &= runq_pop(&q, (unsigned)round % 4, may_run, 0) == i;
		CHECK(ok);
	}
	/* Taking from the middle of a wrapped ring keeps the rest in order. */
	for (int i = 0; i < 6; i++)
		runq_push(&q, 20 + i);
	allowed[20] = allowed[21] = allowed[22] = 2;
	CHECK_EQ(runq_pop(&q, 0, may_run, 0), 23);
	CHECK_EQ(runq_pop(&q, 1, may_run, 0), 20);
	CHECK_EQ(runq_pop(&q, 0, may_run, 0), 24);
	CHECK_EQ(runq_pop(&q, 1, may_run, 0), 21);
	CHECK_EQ(runq_pop(&q, 1, may_run, 0), 22);
	CHECK_EQ(runq_pop(&q, 1, may_run, 0), 25);
	CHECK_EQ(q.n, 0u);

	/* Kick: the lowest idle CPU allowed, never the caller. */
	CHECK_EQ(runq_kick_target(0x6, ~0ULL, 0), 1);
	CHECK_EQ(runq_kick_target(0x6, 0x4, 0), 2);
	CHECK_EQ(runq_kick_target(0x2, ~0ULL, 1), -1);       /* only the caller is idle */
	CHECK_EQ(runq_kick_target(0x0, ~0ULL, 0), -1);
	CHECK_EQ(runq_kick_target(0xf, 0x1, 0), -1);         /* pinned to the caller */
	return check_done();
}
