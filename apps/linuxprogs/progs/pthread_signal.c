/*
 * pthread_signal - signals and threads: pthread_kill runs the handler in
 * the thread named; a signal to the process goes to the one thread that
 * does not block it; sigwait in a thread takes a signal every other
 * thread blocks; pthread_sigmask is per thread.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t hits;
static pthread_t handled_in;
static volatile int ready, stop;

static void handler(int sig)
{
	handled_in = pthread_self();
	hits++;
}

static void *spin(void *arg)
{
	sigset_t s;

	if (arg) {                                    /* the one that takes SIGUSR2 */
		sigemptyset(&s);
		sigaddset(&s, SIGUSR2);
		pthread_sigmask(SIG_UNBLOCK, &s, NULL);
	}
	__atomic_add_fetch(&ready, 1, __ATOMIC_SEQ_CST);
	while (!stop)
		usleep(1000);
	return NULL;
}

static void *waiter(void *arg)
{
	sigset_t s;
	int sig = 0;

	sigemptyset(&s);
	sigaddset(&s, SIGTERM);
	sigwait(&s, &sig);
	return (void *)(long)sig;
}

int main(void)
{
	struct sigaction sa;
	pthread_t a, b, w;
	sigset_t s;
	void *r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &s, NULL);         /* every thread but b blocks SIGUSR2 */

	/* pthread_kill: that thread. */
	pthread_create(&a, NULL, spin, NULL);
	while (ready < 1)
		usleep(1000);
	pthread_kill(a, SIGUSR1);
	while (hits < 1)
		usleep(1000);
	printf("pthread_kill: handled in the target %s\n", pthread_equal(handled_in, a) ? "yes" : "no");

	/* To the process: the thread that does not block it (b unblocks it). */
	pthread_create(&b, NULL, spin, (void *)1);
	while (ready < 2)
		usleep(1000);
	kill(getpid(), SIGUSR2);
	while (hits < 2)
		usleep(1000);
	printf("kill: handled in the unblocked thread %s\n", pthread_equal(handled_in, b) ? "yes" : "no");
	stop = 1;
	pthread_join(a, NULL);
	pthread_join(b, NULL);

	/* sigwait in a thread, every thread blocking the signal. */
	sigaddset(&s, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &s, NULL);
	pthread_create(&w, NULL, waiter, NULL);
	usleep(20000);
	kill(getpid(), SIGTERM);
	pthread_join(w, &r);
	printf("sigwait: got signal %ld (SIGTERM is %d)\n", (long)r, SIGTERM);
	return 0;
}
