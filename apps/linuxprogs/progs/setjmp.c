/*
 * setjmp - setjmp/longjmp (also from deep calls and with 0 as the value),
 * locals that survive as volatile, and sigsetjmp/siglongjmp out of a
 * signal handler, with the signal mask restored.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

static jmp_buf env;
static sigjmp_buf senv;

static volatile int depth, jump = 1;

/* Call itself n times, then jump back from the deepest call (jump is
 * always 1: it only tells the compiler that deep may return). */
static void deep(int n)
{
	depth++;
	if (n > 0)
		deep(n - 1);
	else if (jump)
		longjmp(env, depth);
}

static void on_usr1(int sig)
{
	siglongjmp(senv, sig);
}

static int blocked(int sig)
{
	sigset_t cur;

	sigprocmask(SIG_BLOCK, NULL, &cur);
	return sigismember(&cur, sig);
}

int main(void)
{
	volatile int count = 0;
	volatile double acc = 0.5;
	int r;

	r = setjmp(env);
	printf("setjmp returned %d (count %d, acc %g)\n", r, count, acc);
	if (count++ < 3) {
		acc *= 3;
		longjmp(env, count);
	}
	if ((r = setjmp(env)) == 0)
		longjmp(env, 0);
	printf("longjmp(env, 0) makes setjmp return %d\n", r);
	if ((r = setjmp(env)) == 0)
		deep(100);
	printf("longjmp from 100 calls deep: %d\n", r);   /* 101: the depth */

	signal(SIGUSR1, on_usr1);
	if ((r = sigsetjmp(senv, 1)) == 0) {
		printf("raising SIGUSR1\n");
		fflush(stdout);
		raise(SIGUSR1);
		printf("never here\n");
	}
	printf("siglongjmp from the handler: %d, SIGUSR1 blocked after: %s\n", r, blocked(SIGUSR1) ? "yes" : "no");
	if ((r = sigsetjmp(senv, 0)) == 0)
		raise(SIGUSR1);
	printf("sigsetjmp without the mask: %d, SIGUSR1 blocked after: %s\n", r, blocked(SIGUSR1) ? "yes" : "no");
	return 0;
}
