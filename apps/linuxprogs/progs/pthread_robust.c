/*
 * pthread_robust - a robust mutex whose owner thread ends while holding
 * it: the next locker gets EOWNERDEAD (the kernel marked the lock word
 * FUTEX_OWNER_DIED from the thread's robust list), makes it consistent,
 * and goes on; a waiter blocked on it meanwhile is woken the same way.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t m;
static volatile int locked;

static void *hold_and_die(void *arg)
{
	pthread_mutex_lock(&m);
	locked = 1;
	usleep(20000);                  /* the waiter below blocks on it meanwhile */
	return NULL;                    /* ends holding it */
}

static void *waiter(void *arg)
{
	while (!locked)
		usleep(1000);
	int r = pthread_mutex_lock(&m);
	if (r == EOWNERDEAD)
		pthread_mutex_consistent(&m);
	pthread_mutex_unlock(&m);
	return (void *)(long)r;
}

int main(void)
{
	pthread_mutexattr_t a;
	pthread_t t, w;
	void *r;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&m, &a);
	pthread_create(&w, NULL, waiter, NULL);
	pthread_create(&t, NULL, hold_and_die, NULL);
	pthread_join(t, NULL);
	pthread_join(w, &r);
	printf("waiter: %s\n", (long)r == EOWNERDEAD ? "EOWNERDEAD" : strerror((int)(long)r));
	printf("again: %s\n", pthread_mutex_lock(&m) == 0 ? "locked" : "failed");
	pthread_mutex_unlock(&m);

	locked = 0;
	pthread_create(&t, NULL, hold_and_die, NULL);
	pthread_join(t, NULL);
	int e = pthread_mutex_lock(&m);
	printf("after owner died: %s\n", e == EOWNERDEAD ? "EOWNERDEAD" : strerror(e));
	return 0;
}
