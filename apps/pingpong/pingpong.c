/*
 * pingpong - what a context switch costs: two processes hand the CPU back
 * and forth, ROUNDS round trips at a time, and the TSC is read around
 * each batch (under QEMU -icount shift=0 one tick is one guest
 * instruction). Two ways:
 *
 *   yield  both call sched_yield in a loop (the only two runnable
 *          processes: each call switches to the other);
 *   pipe   the parent writes a byte into one pipe and reads one back from
 *          another; the child echoes it.
 *
 * One line per way, min and median over BATCHES batches:
 *
 *   PINGPONG {"way": "yield", "rounds": 1000, "min": 4321, "median": 4400}
 *
 * (in TSC ticks per round trip: two switches). Run it as init
 * (init=/bin/pingpong) so that nothing else is runnable.
 */
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROUNDS  1000
#define BATCHES 11

static inline uint64_t tsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *way, uint64_t t[BATCHES])
{
	qsort(t, BATCHES, sizeof(t[0]), cmp_u64);
	printf("PINGPONG {\"way\": \"%s\", \"rounds\": %d, \"min\": %lu, \"median\": %lu}\n",
	       way, ROUNDS, (unsigned long)(t[0] / ROUNDS), (unsigned long)(t[BATCHES / 2] / ROUNDS));
}

/* Both yield: the child a few times more than the parent, so that every
 * one of the parent's yields finds the child runnable. */
static void yield_pingpong(void)
{
	uint64_t t[BATCHES];
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		for (long i = 0; i < (long)(BATCHES + 1) * ROUNDS + 16; i++)
			sched_yield();
		_exit(0);
	}
	for (int i = 0; i < ROUNDS; i++)          /* warm up: the child is running too */
		sched_yield();
	for (int b = 0; b < BATCHES; b++) {
		uint64_t t0 = tsc();
		for (int i = 0; i < ROUNDS; i++)
			sched_yield();
		t[b] = tsc() - t0;
	}
	waitpid(pid, &status, 0);
	report("yield", t);
}

static void pipe_pingpong(void)
{
	uint64_t t[BATCHES];
	int to[2], from[2], status;
	char c = 'x';

	if (pipe(to) < 0 || pipe(from) < 0) {
		printf("pingpong: no pipes\n");
		return;
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(to[1]), close(from[0]);     /* so that the parent's close ends us */
		while (read(to[0], &c, 1) == 1)
			write(from[1], &c, 1);
		_exit(0);
	}
	close(to[0]), close(from[1]);
	for (int b = -1; b < BATCHES; b++) {      /* batch -1 warms up */
		uint64_t t0 = tsc();
		for (int i = 0; i < ROUNDS; i++) {
			write(to[1], &c, 1);
			read(from[0], &c, 1);
		}
		if (b >= 0)
			t[b] = tsc() - t0;
	}
	close(to[1]);                             /* the child reads 0 and ends */
	waitpid(pid, &status, 0);
	report("pipe", t);
}

int main(void)
{
	yield_pingpong();
	pipe_pingpong();
	return 0;
}
