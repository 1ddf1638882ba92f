/*
 * pthread_churn - many threads created and joined in a loop (thread
 * slots, stacks and tid words must all come back), some detached, with
 * a shared atomic count of what ran.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define ROUNDS 100
#define PER_ROUND 4

static long ran;

static void *work(void *arg)
{
	__atomic_add_fetch(&ran, (long)arg, __ATOMIC_SEQ_CST);
	return arg;
}

int main(void)
{
	long joined = 0;
	pthread_attr_t detached;

	pthread_attr_init(&detached);
	pthread_attr_setdetachstate(&detached, PTHREAD_CREATE_DETACHED);
	for (int round = 0; round < ROUNDS; round++) {
		pthread_t t[PER_ROUND], d;
		for (long i = 0; i < PER_ROUND; i++)
			if (pthread_create(&t[i], NULL, work, (void *)1) != 0)
				printf("round %d: create failed\n", round);
		if (pthread_create(&d, &detached, work, (void *)1000) != 0)
			printf("round %d: detached create failed\n", round);
		for (int i = 0; i < PER_ROUND; i++) {
			void *r;
			pthread_join(t[i], &r);
			joined += (long)r;
		}
	}
	while (__atomic_load_n(&ran, __ATOMIC_SEQ_CST) < ROUNDS * (PER_ROUND + 1000))
		usleep(1000);                         /* the detached ones finish too */
	printf("joined %ld (want %d), ran %ld (want %d)\n", joined, ROUNDS * PER_ROUND, ran,
	       ROUNDS * (PER_ROUND + 1000));
	return 0;
}
