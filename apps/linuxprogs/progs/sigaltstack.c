/*
 * sigaltstack - a SA_ONSTACK handler runs on the alternate stack (its
 * local's address lies inside it, and sigaltstack says SS_ONSTACK there),
 * SA_SIGINFO gives si_signo and si_code, a fault (a store to address 0)
 * is caught on the alternate stack and left with siglongjmp, a too small
 * stack is ENOMEM, and after SS_DISABLE the handler runs on the normal
 * stack again.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *alt;
static size_t altsize;
static sigjmp_buf back;
static volatile int on_alt, onstack_flag, got_sig, got_code, addr_null;

static void handler(int sig, siginfo_t *si, void *uc)
{
	char local;
	stack_t now;

	on_alt = &local >= alt && &local < alt + altsize;
	sigaltstack(NULL, &now);
	onstack_flag = (now.ss_flags & SS_ONSTACK) != 0;
	got_sig = si->si_signo;
	got_code = si->si_code;
	(void)uc;
	if (sig == SIGSEGV) {
		addr_null = si->si_addr == NULL;
		siglongjmp(back, 1);
	}
}

static void report(const char *what)
{
	printf("%s: handler ran on the alternate stack: %s, SS_ONSTACK inside: %s, si_signo %d, si_code %s\n",
	       what, on_alt ? "yes" : "no", onstack_flag ? "yes" : "no", got_sig,
	       got_code == SI_USER ? "SI_USER" : got_code == SI_TKILL ? "SI_TKILL" :
	       got_code == SEGV_MAPERR ? "SEGV_MAPERR" : got_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other");
	on_alt = onstack_flag = got_sig = got_code = 0;
}

int main(void)
{
	struct sigaction sa;
	stack_t ss, old = { 0 };    /* printed even when a call fails */
	int r;

	altsize = SIGSTKSZ * 4;
	alt = malloc(altsize);
	ss = (stack_t){ .ss_sp = alt, .ss_size = 1024, .ss_flags = 0 };
	errno = 0;
	r = sigaltstack(&ss, NULL);
	printf("sigaltstack with 1024 bytes: %d, %s\n", r, errno == ENOMEM ? "ENOMEM" : "no ENOMEM");
	ss.ss_size = altsize;
	r = sigaltstack(&ss, &old);
	printf("sigaltstack: %d; before it: flags %s\n", r, old.ss_flags & SS_DISABLE ? "SS_DISABLE" : "not disabled");
	sigaltstack(NULL, &old);
	printf("now: size matches %s, sp matches %s, flags %d\n", old.ss_size == altsize ? "yes" : "no",
	       old.ss_sp == alt ? "yes" : "no", old.ss_flags);

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);

	raise(SIGUSR1);
	report("raise(SIGUSR1)");
	sigaltstack(NULL, &old);
	printf("after the handler: SS_ONSTACK %s\n", old.ss_flags & SS_ONSTACK ? "still set" : "clear");

	if (sigsetjmp(back, 1) == 0) {
		*(volatile int *)(long)addr_null = 1;    /* addr_null is 0: a store to NULL */
		printf("the store to NULL did not fault\n");
	}
	report("store to NULL");
	printf("fault address was NULL: %s\n", addr_null ? "yes" : "no");

	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
	raise(SIGUSR1);
	report("after SS_DISABLE");
	return 0;
}
