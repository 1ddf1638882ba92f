/*
 * signal.h - signals (numbers, SA_* flags and the kernel's structures in
 * api/signal.h). struct sigaction has the kernel's own layout; sigaction()
 * fills in SA_RESTORER and libc's restorer, which x86-64 handlers need.
 * There is no SA_RESTART in this kernel: an interrupted call fails with EINTR.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <api/abi.h>
#include <api/signal.h>
#include <sys/types.h>

/* api/signal.h gives the kernel's integer values; C wants handler pointers. */
#undef SIG_DFL
#undef SIG_IGN
#define SIG_DFL ((void (*)(int))0)
#define SIG_IGN ((void (*)(int))1)
#define SIG_ERR ((void (*)(int))-1)

#define NSIG 65                       /* signals are 1..64 */

typedef uint64_t sigset_t;           /* signal n is bit n-1, as the kernel's set (64 bits under -m32 too) */
typedef void (*sighandler_t)(int);
typedef int sig_atomic_t;

/* siginfo_t is the kernel's struct k_siginfo; these name its fields. */
typedef struct k_siginfo siginfo_t;
#define si_pid    u.kill.pid
#define si_uid    u.kill.uid
#define si_status u.chld.status

struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sa_handler;
	unsigned long sa_flags;
	void (*sa_restorer)(void);        /* set by sigaction() */
	sigset_t sa_mask;
};
#define sa_handler   __sa_handler.sa_handler
#define sa_sigaction __sa_handler.sa_sigaction

/* sigaltstack's stack_t: the layout of the kernel's struct k_stack. */
typedef struct {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;
#define SIGSTKSZ 8192                 /* a comfortable alternate stack */

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old);
int sigaltstack(const stack_t *restrict ss, stack_t *restrict old);
int sigsuspend(const sigset_t *mask);
int sigpending(sigset_t *set);
int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info, const struct timespec *restrict timeout);
int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info);
int sigwait(const sigset_t *restrict set, int *restrict sig);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old);
int kill(pid_t pid, int sig);
int raise(int sig);
int tgkill(pid_t tgid, pid_t tid, int sig);     /* one thread of a process: here the process */

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif
