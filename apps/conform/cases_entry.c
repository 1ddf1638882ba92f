/*
 * cases_entry.c - entry edge cases: a call made with TF set (single-step),
 * and signal handlers that rewrite their saved context into something no
 * return may load. The process gets its signal; the kernel stays up.
 */
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "conform.h"

#ifdef __x86_64__      /* x86-64 only: conform32 leaves these cases out (conform.h) */

#define RF_TF 0x100

/* step.S */
long step_call_int80(long a1, long a2, long a3, long nr);
long step_call_syscall(long a1, long a2, long a3, long nr);
extern const char step_trap_int80[], step_trap_syscall[], step_entry_int80[], step_entry_syscall[];

/* What the SIGTRAP handler saw. */
static volatile struct {
	int traps, code;
	uint64_t rip, rflags, rax, addr;
} seen;

/* Record the trap and end the stepping (TF off in the saved rflags). */
static void on_trap(int sig, siginfo_t *info, void *uc)
{
	struct k_sigcontext *r = &((struct k_ucontext *)uc)->uc_mcontext;

	seen.traps++;
	seen.code = info->si_code;
	seen.addr = info->u.addr;
	seen.rip = r->rip;
	seen.rflags = r->eflags;
	seen.rax = r->rax;
	r->eflags &= ~RF_TF;
}

static long on_handler(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa = { .sa_sigaction = fn, .sa_flags = SA_SIGINFO };

	return sigaction(sig, &sa, 0);   /* its restorer returns through the path in use */
}

/* One stepped call: exactly one SIGTRAP (TRAP_TRACE), after the first
 * instruction past the call, with TF and the result in the saved context. */
static void stepped(const struct path *P, struct transcript *t, const char *what, long nr, long a1, long want)
{
	int sys = P->entry == ENTRY_SYSCALL;
	uint64_t at = (uint64_t)(sys ? step_trap_syscall : step_trap_int80);
	struct trapdoor_stats before, after;

	memset((void *)&seen, 0, sizeof(seen));
	trapdoor_stats(&before);
	long r = (sys ? step_call_syscall : step_call_int80)(a1, 0, 0, nr);
	trapdoor_stats(&after);
	EXPECT(t, P, r == want);
	EXPECT(t, P, seen.traps == 1);
	EXPECT(t, P, seen.rip == at && seen.addr == at);    /* not before the nop: no sysretq */
	EXPECT(t, P, seen.code == TRAP_TRACE);
	EXPECT(t, P, seen.rflags & RF_TF);                  /* TF survived the call */
	EXPECT(t, P, seen.rax == (uint64_t)want);
	/* syscall left by iretq, and the fallback counter shows it (two returns:
	 * the call's, and rt_sigreturn's). */
	if (sys)
		EXPECT(t, P, after.sysret_fallbacks >= before.sysret_fallbacks + 2);
	note(t, "%s: r %ld, traps %d, at the next instruction but one %d; ", what, r, seen.traps, seen.rip == at);
}

int case_entry_single_step(const struct path *P, struct transcript *t)
{
	struct timespec ms = { 0, 1000000 };
	uint64_t fl;

	EXPECT(t, P, on_handler(SIGTRAP, on_trap) == 0);
	stepped(P, t, "getpid", SYS_getpid, 0, CALL0(P, SYS_getpid));
	stepped(P, t, "nanosleep", SYS_nanosleep, (long)&ms, 0);        /* sleeps, switches */
	stepped(P, t, "an unknown number", 9999, 0, -ENOSYS);
	stepped(P, t, "a bad pointer", SYS_uname, 1, -EFAULT);
	/* A later call without TF is not trapped, and TF is off. */
	seen.traps = 0;
	EXPECT(t, P, CALL0(P, SYS_getpid) > 0 && CALL0(P, SYS_getppid) > 0);
	__asm__ volatile("pushfq; popq %0" : "=r"(fl));
	EXPECT(t, P, seen.traps == 0 && !(fl & RF_TF));
	return 0;
}

/* Stepping with no handler: the default action of SIGTRAP ends the
 * process. With a handler but no stack to put its frame on: SIGSEGV. */
static void step_no_handler(const struct path *P, void *a)
{
	(P->entry == ENTRY_SYSCALL ? step_call_syscall : step_call_int80)(0, 0, 0, SYS_getpid);
}

/* A SIGUSR1 handler that sends its return to step_entry_<path> with TF
 * set and rsp = 0: the call there (a mkdir, to leave a mark) completes, and
 * the trap after the next instruction has no stack for SIGTRAP's frame. */
#define STEPPED_DIR "/conform-stepped"
static void *entry_at;
static void to_stepped_entry(int sig, siginfo_t *info, void *uc)
{
	struct k_sigcontext *r = &((struct k_ucontext *)uc)->uc_mcontext;

	r->rip = (uint64_t)entry_at;
	r->rsp = 0;
	r->rax = SYS_mkdir;
	r->rdi = (uint64_t)STEPPED_DIR;
	r->rsi = 0755;
	r->eflags |= RF_TF;
}

static void count_trap(int sig, siginfo_t *info, void *uc)
{
	seen.traps++;
}

static void step_bad_stack(const struct path *P, void *a)
{
	entry_at = P->entry == ENTRY_SYSCALL ? (void *)step_entry_syscall : (void *)step_entry_int80;
	on_handler(SIGTRAP, count_trap);
	on_handler(SIGUSR1, to_stepped_entry);
	CALL2(P, SYS_kill, CALL0(P, SYS_getpid), SIGUSR1);
}

int case_entry_step_dies(const struct path *P, struct transcript *t)
{
	int s1 = run_child(step_no_handler, P, 0), s2 = run_child(step_bad_stack, P, 0);

	EXPECT(t, P, WIFSIGNALED(s1) && WTERMSIG(s1) == SIGTRAP);
	EXPECT(t, P, WIFSIGNALED(s2) && WTERMSIG(s2) == SIGSEGV);
	/* The stepped call was made before the trap: its directory is there. */
	EXPECT(t, P, CALL1(P, SYS_rmdir, STEPPED_DIR) == 0);
	EXPECT(t, P, CALL0(P, SYS_getpid) > 0);             /* and we go on */
	note(t, "no handler %#x, no stack %#x", s1, s2);
	return 0;
}

/* --- handlers that break their saved context --------------------------- */

static const struct breakage {
	const char *what;
	int field;                       /* 0 rip, 1 cs, 2 ss */
	uint64_t value;
} breakages[] = {
	{ "rip 1 << 47 (non-canonical)", 0, 0x0000800000000000UL },
	{ "rip 1 << 63 (non-canonical)", 0, 0x8000000000000000UL },
	{ "rip in the kernel half", 0, 0xffffffff80000000UL },
	{ "rip the last user byte", 0, 0x00007fffffffffffUL },
	{ "kernel cs", 1, 0x10 },
	{ "kernel cs with rpl 3", 1, 0x13 },
	{ "kernel ss", 2, 0x18 },
	{ "kernel ss with rpl 3", 2, 0x1b },
	{ "null ss", 2, 0 },
};
static const struct breakage *breaking;

static void break_context(int sig, siginfo_t *info, void *uc)
{
	struct k_sigcontext *r = &((struct k_ucontext *)uc)->uc_mcontext;

	if (breaking->field == 0)
		r->rip = breaking->value;
	else if (breaking->field == 1)
		r->cs = breaking->value;
	else
		r->ss = breaking->value;
}

/* In a child: the handler breaks its context, and its return must not
 * take the process anywhere (it exits 0 if it comes back at all). */
static void broken_return(const struct path *P, void *arg)
{
	breaking = arg;
	on_handler(SIGUSR1, break_context);
	CALL2(P, SYS_kill, CALL0(P, SYS_getpid), SIGUSR1);
}

int case_entry_sigreturn_rewritten(const struct path *P, struct transcript *t)
{
	for (unsigned i = 0; i < sizeof(breakages) / sizeof(breakages[0]); i++) {
		struct trapdoor_stats before, after;
		trapdoor_stats(&before);
		int s = run_child(broken_return, P, (void *)&breakages[i]);
		trapdoor_stats(&after);
		EXPECT(t, P, WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV);
		EXPECT(t, P, concurrent_run() ? after.user_faults > before.user_faults :   /* (others' count too) */
					       after.user_faults == before.user_faults + 1);  /* a fault, counted */
		/* The child's kill went out by iretq: the kernel had rewritten the
		 * frame to run the handler. int $0x80 always leaves by iretq. */
		if (P->entry == ENTRY_SYSCALL)
			EXPECT(t, P, after.sysret_fallbacks > before.sysret_fallbacks);
		note(t, "%s: %#x; ", breakages[i].what, s);
	}
	return 0;
}

/* --- the same broken returns, caught --------------------------------------
 * Linux delivers a return the CPU refuses as the process's own fault: a
 * non-canonical rip or a selector that is not the user's is a #GP
 * (SIGSEGV, SI_KERNEL, trapno 13) and a canonical rip the user may not run
 * is a #PF (SEGV_MAPERR at that address), with the broken values in the
 * handler's context. The handler may repair them and go on. */

static struct k_sigcontext before_break;     /* the context break_context got */
static volatile int caught;                  /* the SIGSEGV looked as Linux's */

static void save_and_break(int sig, siginfo_t *info, void *uc)
{
	before_break = ((struct k_ucontext *)uc)->uc_mcontext;
	break_context(sig, info, uc);
}

static int canonical(uint64_t a) { return (int64_t)a >> 47 == 0 || (int64_t)a >> 47 == -1; }

/* Check what the fault reports, then put the registers back as they were
 * before the break (the general registers only: the saved FPU state's
 * pointer belongs to the frame it was in). */
static void repair(int sig, siginfo_t *info, void *uc)
{
	struct k_sigcontext *r = &((struct k_ucontext *)uc)->uc_mcontext;
	uint64_t v = breaking->value;

	if (breaking->field == 0 && canonical(v))
		caught = info->si_code == SEGV_MAPERR && r->trapno == 14 && info->u.addr == v && r->rip == v;
	else if (breaking->field == 0)
		caught = info->si_code == SI_KERNEL && r->trapno == 13 && r->rip == v;
	else
		caught = info->si_code == SI_KERNEL && r->trapno == 13 &&
			 (breaking->field == 1 ? r->cs : r->ss) == (v | 3);
	memcpy(r, &before_break, offsetof(struct k_sigcontext, fpstate));
}

/* In a child: exits 42 when the fault was caught, reported as Linux's, and
 * the repaired context came back here. */
static void caught_return(const struct path *P, void *arg)
{
	breaking = arg;
	on_handler(SIGUSR1, save_and_break);
	on_handler(SIGSEGV, repair);
	CALL2(P, SYS_kill, CALL0(P, SYS_getpid), SIGUSR1);
	_exit(caught ? 42 : 1);
}

int case_entry_bad_return_caught(const struct path *P, struct transcript *t)
{
	for (unsigned i = 0; i < sizeof(breakages) / sizeof(breakages[0]); i++) {
		int s = run_child(caught_return, P, (void *)&breakages[i]);
		EXPECT(t, P, WIFEXITED(s) && WEXITSTATUS(s) == 42);
		note(t, "%s: %#x; ", breakages[i].what, s);
	}
	return 0;
}

#endif
