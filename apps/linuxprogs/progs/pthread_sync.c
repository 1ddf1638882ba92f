/*
 * pthread_sync - the pthread synchronisation objects under contention:
 * four threads add to one counter under a mutex, a producer and two
 * consumers pass numbers through a condition variable, and the threads
 * meet at a barrier between phases. Every total is fixed, whatever the
 * interleaving, so the output is the same on any kernel that gets
 * futexes, clone and thread exit right.
 */
#include <pthread.h>
#include <stdio.h>

#define THREADS 4
#define ADDS 20000
#define ITEMS 1000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *adder(void *arg)
{
	for (int i = 0; i < ADDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return arg;
}

static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t nonempty = PTHREAD_COND_INITIALIZER, nonfull = PTHREAD_COND_INITIALIZER;
static int queue[8], head, tail, count, done;
static long consumed[2];

static void *producer(void *arg)
{
	for (int i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&qlock);
		while (count == 8)
			pthread_cond_wait(&nonfull, &qlock);
		queue[tail] = i, tail = (tail + 1) % 8, count++;
		pthread_cond_signal(&nonempty);
		pthread_mutex_unlock(&qlock);
	}
	pthread_mutex_lock(&qlock);
	done = 1;
	pthread_cond_broadcast(&nonempty);
	pthread_mutex_unlock(&qlock);
	return arg;
}

static void *consumer(void *arg)
{
	long *sum = arg;

	for (;;) {
		pthread_mutex_lock(&qlock);
		while (count == 0 && !done)
			pthread_cond_wait(&nonempty, &qlock);
		if (count == 0 && done) {
			pthread_mutex_unlock(&qlock);
			return NULL;
		}
		*sum += queue[head], head = (head + 1) % 8, count--;
		pthread_cond_signal(&nonfull);
		pthread_mutex_unlock(&qlock);
	}
}

static pthread_barrier_t barrier;
static int phase_seen[THREADS][3];
static volatile int phase;

static void *phases(void *arg)
{
	long me = (long)arg;
	int serial = 0;

	for (int p = 0; p < 3; p++) {
		phase_seen[me][p] = phase;              /* every thread sees phase p here */
		if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD) {
			phase++;
			serial++;
		}
		pthread_barrier_wait(&barrier);         /* the increment is seen by all */
	}
	return (void *)(long)serial;
}

int main(void)
{
	pthread_t t[THREADS];
	long serials = 0;

	for (long i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, adder, (void *)i);
	for (int i = 0; i < THREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		if ((long)r != i)
			printf("join %d returned %ld\n", i, (long)r);
	}
	printf("mutex: counter %ld (want %d)\n", counter, THREADS * ADDS);

	pthread_create(&t[0], NULL, producer, NULL);
	pthread_create(&t[1], NULL, consumer, &consumed[0]);
	pthread_create(&t[2], NULL, consumer, &consumed[1]);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	printf("cond: sum %ld (want %d)\n", consumed[0] + consumed[1], ITEMS * (ITEMS + 1) / 2);

	pthread_barrier_init(&barrier, NULL, THREADS);
	for (long i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, phases, (void *)i);
	for (int i = 0; i < THREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		serials += (long)r;
	}
	int ok = 1;
	for (int i = 0; i < THREADS; i++)
		for (int p = 0; p < 3; p++)
			ok &= phase_seen[i][p] == p;
	printf("barrier: phases in order %s, serial threads %ld (want 3)\n", ok ? "yes" : "no", serials);
	pthread_barrier_destroy(&barrier);
	return 0;
}
