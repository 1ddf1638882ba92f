/*
 * pthread_tls - thread-local storage: a __thread variable with an
 * initial value and one in .tbss, each thread's own (set through
 * CLONE_SETTLS's FS base), and pthread keys with destructors that run
 * when a thread ends. Also gettid against getpid: threads share the
 * process id, each has its own thread id.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#define THREADS 5

static __thread int tdata = 42;
static __thread long tbss;
static pthread_key_t key;
static int destructed;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pid_t main_pid;

static void destroy(void *v)
{
	pthread_mutex_lock(&lock);
	destructed += (int)(long)v;
	pthread_mutex_unlock(&lock);
}

static void *work(void *arg)
{
	long me = (long)arg;
	long r = 0;

	if (tdata != 42 || tbss != 0)
		r |= 1;                               /* fresh copies of the template */
	tdata = 100 + (int)me;
	tbss = me * me;
	pthread_setspecific(key, (void *)(me + 1));
	for (int i = 0; i < 1000; i++)
		sched_yield();                        /* others run and write theirs meanwhile */
	if (tdata != 100 + me || tbss != me * me)
		r |= 2;
	if ((long)pthread_getspecific(key) != me + 1)
		r |= 4;
	if (getpid() != main_pid || syscall(SYS_gettid) == main_pid)
		r |= 8;
	return (void *)r;
}

int main(void)
{
	pthread_t t[THREADS];

	main_pid = getpid();
	pthread_key_create(&key, destroy);
	for (long i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, work, (void *)i);
	for (int i = 0; i < THREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		printf("thread %d: problems %ld\n", i, (long)r);
	}
	printf("main: tdata %d tbss %ld (its own, untouched)\n", tdata, tbss);
	printf("destructors: sum %d (want %d)\n", destructed, THREADS * (THREADS + 1) / 2);
	printf("main: gettid is getpid: %s\n", syscall(SYS_gettid) == getpid() ? "yes" : "no");
	return 0;
}
