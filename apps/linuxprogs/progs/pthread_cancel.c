/*
 * pthread_cancel - cancelling threads: one blocked in a cancellation
 * point (pause, then a condition wait), whose cleanup handler runs; one
 * that disables cancellation until it is done; pthread_join returns
 * PTHREAD_CANCELED for the cancelled ones.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static volatile int cleaned, started;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;

static void cleanup(void *arg)
{
	cleaned += (int)(long)arg;
}

static void *in_pause(void *arg)
{
	pthread_cleanup_push(cleanup, (void *)1);
	__atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
	for (;;)
		pause();
	pthread_cleanup_pop(0);
	return NULL;
}

static void unlock(void *arg)
{
	pthread_mutex_unlock(arg);
	cleaned += 10;
}

static void *in_cond(void *arg)
{
	pthread_mutex_lock(&m);
	pthread_cleanup_push(unlock, &m);
	__atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
	for (;;)
		pthread_cond_wait(&c, &m);
	pthread_cleanup_pop(0);
	return NULL;
}

static void *no_cancel(void *arg)
{
	int old;

	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	__atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
	usleep(30000);                                /* a cancellation point, but disabled */
	return (void *)7;
}

int main(void)
{
	pthread_t a, b, d;
	void *r;

	pthread_create(&a, NULL, in_pause, NULL);
	pthread_create(&b, NULL, in_cond, NULL);
	pthread_create(&d, NULL, no_cancel, NULL);
	while (started < 3)
		usleep(1000);
	usleep(10000);
	pthread_cancel(a);
	pthread_cancel(b);
	pthread_cancel(d);
	pthread_join(a, &r);
	printf("pause: %s\n", r == PTHREAD_CANCELED ? "cancelled" : "not cancelled");
	pthread_join(b, &r);
	printf("cond_wait: %s\n", r == PTHREAD_CANCELED ? "cancelled" : "not cancelled");
	pthread_join(d, &r);
	printf("disabled: returned %ld\n", (long)r);
	printf("cleanup handlers: %d (want 11)\n", cleaned);
	pthread_mutex_lock(&m);                       /* the cleanup unlocked it */
	pthread_mutex_unlock(&m);
	return 0;
}
