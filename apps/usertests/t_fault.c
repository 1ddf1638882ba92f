/*
 * t_fault.c - signals from the CPU and the saved context: faults delivered
 * to handlers (with Linux's si_code and si_addr) or ending the process,
 * every register back after a handler, rt_sigreturn refusing contexts
 * that are not the user's, and signals reaching a process that makes no
 * system call.
 */
#include <stdio.h>
#include <string.h>

#include "usertests.h"

/* faults.S, sigreturn.S: faulting instructions at known addresses */
extern const char fault_read_at[], fault_read_resume[], fault_write_at[], fault_write_resume[];
extern const char fault_ud2_at[], fault_ud2_resume[], fault_div0_at[], fault_div0_resume[];
extern const char fault_hlt_at[], fault_hlt_resume[], regs_ud2_at[], regs_ud2_resume[];
void fault_read(const void *p);
void fault_write(void *p);
void fault_ud2(void);
void fault_div0(void);
void fault_hlt(void);
void fault_on_stack(unsigned long sp) __attribute__((noreturn));
void regs_ud2(const uint64_t in[16], uint64_t out[16]);
void sigreturn_at(const void *sp, int entry) __attribute__((noreturn));
int spin_check(volatile int *flag);

/* --- faults -------------------------------------------------------------- */

static const struct {
	const char *at, *resume;
} resumes[] = {
	{ fault_read_at, fault_read_resume }, { fault_write_at, fault_write_resume },
	{ fault_ud2_at, fault_ud2_resume }, { fault_div0_at, fault_div0_resume },
	{ fault_hlt_at, fault_hlt_resume }, { regs_ud2_at, regs_ud2_resume },
};

/* Record the fault, and continue after the faulting instruction. */
static void resume_after(int sig, struct k_siginfo *info, void *uc)
{
	struct k_sigcontext *r = uc_regs(uc);

	record(sig, info, uc);
	for (unsigned i = 0; i < sizeof(resumes) / sizeof(resumes[0]); i++)
		if (r->rip == (uint64_t)resumes[i].at) {
			r->rip = (uint64_t)resumes[i].resume;
			return;
		}
	sys_exit(99);                                /* a fault we did not plan */
}

/* One planned fault: signal, code and address as Linux reports them. */
enum { READ, WRITE, UD2, DIV0, HLT };
static void expect_fault(int kind, void *arg, int sig, int code, uint64_t addr, const char *at)
{
	seen_reset();
	switch (kind) {
	case READ: fault_read(arg); break;
	case WRITE: fault_write(arg); break;
	case UD2: fault_ud2(); break;
	case DIV0: fault_div0(); break;
	case HLT: fault_hlt(); break;
	}
	EXPECT_EQ(seen.hits, 1);
	EXPECT_EQ(seen.signo, sig);
	EXPECT_EQ(seen.code, code);
	EXPECT(seen.addr == addr);
	EXPECT(seen.rip == (uint64_t)at);
}

USERTEST(sig_fault_handlers)
{
	static char rw[16];

	sigact(SIGSEGV, resume_after, 0, 0);
	sigact(SIGILL, resume_after, 0, 0);
	sigact(SIGFPE, resume_after, 0, 0);
	expect_fault(READ, (void *)16, SIGSEGV, SEGV_MAPERR, 16, fault_read_at);
	expect_fault(READ, (void *)UNMAPPED, SIGSEGV, SEGV_MAPERR, UNMAPPED, fault_read_at);
	expect_fault(WRITE, (void *)ro_page, SIGSEGV, SEGV_ACCERR, (uint64_t)ro_page, fault_write_at);
	expect_fault(READ, (void *)KERNEL_ADDR, SIGSEGV, SEGV_MAPERR, KERNEL_ADDR, fault_read_at);
	/* Non-canonical: a #GP, no address (SI_KERNEL). */
	expect_fault(READ, (void *)NONCANONICAL, SIGSEGV, SI_KERNEL, 0, fault_read_at);
	expect_fault(HLT, 0, SIGSEGV, SI_KERNEL, 0, fault_hlt_at);
	expect_fault(UD2, 0, SIGILL, ILL_ILLOPN, (uint64_t)fault_ud2_at, fault_ud2_at);
	expect_fault(DIV0, 0, SIGFPE, FPE_INTDIV, (uint64_t)fault_div0_at, fault_div0_at);
	/* A readable, writable address does not fault at all. */
	seen_reset();
	fault_write(rw);
	EXPECT_EQ(seen.hits, 0);
	EXPECT_EQ(rw[0], 1);
	/* Many in a row: nothing piles up (the runner checks the frames). */
	seen_reset();
	for (int i = 0; i < 50; i++)
		fault_ud2();
	EXPECT_EQ(seen.hits, 50);
	EXPECT_EQ(sigmask_now(), 0);
	sigdfl(SIGSEGV);
	sigdfl(SIGILL);
	sigdfl(SIGFPE);
}

/* The children below must die by the signal the case expects. */
static void fault_blocked(void *a)
{
	sigact(SIGSEGV, resume_after, 0, 0);
	sigmask_set(SIG_SETMASK, SIGBIT(SIGSEGV));
	fault_read(0);
	quit(0);
}

static void fault_ignored(void *a)
{
	sigign(SIGILL);
	fault_ud2();
	quit(0);
}

static void fault_in_handler_fn(int sig, struct k_siginfo *info, void *uc) { fault_read(0); }

static void fault_in_handler(void *a)
{
	sigact(SIGSEGV, fault_in_handler_fn, 0, 0);
	fault_read(0);
	quit(0);
}

static void exit_42(int sig, struct k_siginfo *info, void *uc) { sys_exit(42); }

static void handler_exits(void *a)
{
	sigact(SIGFPE, exit_42, 0, 0);
	fault_div0();
	quit(0);
}

static void no_restorer(void *a)
{
	struct k_sigaction act = { .handler = (uint64_t)record, .flags = SA_SIGINFO };

	sys_sigaction(SIGUSR1, &act, 0, SIGSET_SIZE);
	sys_kill(sys_getpid(), SIGUSR1);
	quit(0);
}

static void no_room_for_frame(void *a)
{
	sigact(SIGILL, resume_after, 0, 0);
	fault_on_stack(UNMAPPED);
}

USERTEST(sig_fault_deaths)
{
	EXPECT_EQ(run_child(fault_blocked, 0), STATUS_SIG(SIGSEGV));       /* blocked: no handler */
	EXPECT_EQ(run_child(fault_ignored, 0), STATUS_SIG(SIGILL));        /* SIG_IGN: no use */
	EXPECT_EQ(run_child(fault_in_handler, 0), STATUS_SIG(SIGSEGV));    /* again, in the handler */
	EXPECT_EQ(run_child(handler_exits, 0), STATUS_EXIT(42));
	EXPECT_EQ(run_child(no_restorer, 0), STATUS_SIG(SIGSEGV));         /* nowhere to return */
	EXPECT_EQ(run_child(no_room_for_frame, 0), STATUS_SIG(SIGSEGV));   /* no stack for the frame */
}

/* --- the saved context ------------------------------------------------------ */

static const uint64_t regs_in[16] = {
	0x1111111111111111, 0x2222222222222222, 0x3333333333333333, 0x4444444444444444,
	0x5555555555555555, 0x6666666666666666, 0x7777777777777777, 0x8888888888888888,
	0x9999999999999999, 0xaaaaaaaaaaaaaaaa, 0xbbbbbbbbbbbbbbbb, 0xcccccccccccccccc,
	0xdddddddddddddddd, 0xeeeeeeeeeeeeeeee, 0x0f0f0f0f0f0f0f0f,
	0xed7,                       /* CF PF AF ZF SF DF OF, and IF */
};
#define ARITH_DF 0xcd5               /* the flags above but IF */
static volatile int context_ok, handler_df;

/* The kernel saved exactly regs_in; change two registers for the way back. */
static void check_context(int sig, struct k_siginfo *info, void *uc)
{
	struct k_sigcontext *r = uc_regs(uc);
	const uint64_t saved[15] = { r->rax, r->rbx, r->rcx, r->rdx, r->rsi, r->rdi, r->rbp, r->r8,
				     r->r9, r->r10, r->r11, r->r12, r->r13, r->r14, r->r15 };
	uint64_t fl;

	__asm__ volatile("pushfq; popq %0" : "=r"(fl));
	handler_df = !!(fl & 0x400);
	context_ok = memcmp(saved, regs_in, sizeof(saved)) == 0 && (r->eflags & ARITH_DF) == (regs_in[15] & ARITH_DF) &&
		     r->rip == (uint64_t)regs_ud2_at && r->trapno == 6;
	r->rbx = 0x0123456789abcdef;
	r->r11 = 0xfedcba9876543210;                 /* sysret would lose these two */
	r->rcx = 0x0badc0de0badc0de;
	r->eflags &= ~1ULL;                          /* CF off */
	r->rip = (uint64_t)regs_ud2_resume;
	((struct k_ucontext *)uc)->uc_sigmask = ~0ULL;   /* SIGKILL and SIGSTOP stay unblocked */
}

USERTEST(sig_context_regs)
{
	uint64_t out[16] = { 0 }, want[16];

	context_ok = 0;
	handler_df = 1;
	sigact(SIGILL, check_context, 0, 0);
	regs_ud2(regs_in, out);
	EXPECT(context_ok);
	EXPECT_EQ(handler_df, 0);                    /* handlers start with DF clear */
	memcpy(want, regs_in, sizeof(want));
	want[1] = 0x0123456789abcdef;
	want[10] = 0xfedcba9876543210;
	want[2] = 0x0badc0de0badc0de;
	for (int i = 0; i < 15; i++)
		if (out[i] != want[i])
			ut_fail(__FILE__, __LINE__, "register %d is %#lx, want %#lx", i, (long)out[i], (long)want[i]);
	EXPECT((out[15] & ARITH_DF) == (regs_in[15] & ARITH_DF & ~1ULL));
	EXPECT(out[15] & 0x200);
	EXPECT_EQ(sigmask_now(), ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP)));
	sigmask_set(SIG_SETMASK, 0);
	sigdfl(SIGILL);
}

/* Handlers that break the saved context in one way each. */
static volatile int breakage;
static void break_context(int sig, struct k_siginfo *info, void *uc)
{
	struct k_sigcontext *r = uc_regs(uc);

	switch (breakage) {
	case 0: r->rip = NONCANONICAL; break;
	case 1: r->rip = 0xffff800000000000UL; break;   /* the lowest kernel address */
	case 2: r->rip = KERNEL_ADDR; break;
	case 3: r->cs = 0x10; break;                    /* the kernel's code segment */
	case 4: r->ss = 0x18; break;                    /* the kernel's data segment */
	case 5: r->cs = 0x23; break;                    /* 32-bit user code */
	case 6: r->ss = 0; break;
	case 7: r->rsp = NONCANONICAL; break;           /* faults on first use, in user mode */
	}
}

static void broken_return(void *a)
{
	breakage = (int)(long)a;
	sigact(SIGUSR1, break_context, 0, 0);
	sys_kill(sys_getpid(), SIGUSR1);
	for (volatile int i = 0; i < 1000; i++)
		;                                       /* a use of rsp (or not) */
	__asm__ volatile("pushq $0; popq %%rax" ::: "rax", "memory");
	quit(0);
}

/* rflags bits a handler may not set: IOPL, NT, VM, and IF cleared. */
static void bad_flags(int sig, struct k_siginfo *info, void *uc)
{
	uc_regs(uc)->eflags = (uc_regs(uc)->eflags | 0x3000 | 0x4000 | 0x20000 | 0x80000 | 0x100000) & ~0x200ULL;
}

static void flags_child(void *a)
{
	uint64_t fl;

	sigact(SIGUSR1, bad_flags, 0, 0);
	sys_kill(sys_getpid(), SIGUSR1);
	__asm__ volatile("pushfq; popq %0" : "=r"(fl));
	/* IOPL stays 0 (so cli faults), NT/VM/VIF/VIP clear, IF set. */
	quit((fl & 0x1a7000) == 0 && (fl & 0x200) ? 0 : 1);
}

static void exit_77(void) { sys_exit(77); }

/* rt_sigreturn without a signal: a frame made by hand. */
static void handmade_frame(void *a)
{
	static uint64_t stack[512] __attribute__((aligned(16)));
	static struct k_ucontext uc;
	uint16_t cs, ss;

	__asm__("mov %%cs, %0; mov %%ss, %1" : "=r"(cs), "=r"(ss));
	uc.uc_mcontext = (struct k_sigcontext){
		.rip = (uint64_t)exit_77, .rsp = (uint64_t)&stack[511], .eflags = 0x202, .cs = cs, .ss = ss,
	};
	sigreturn_at(&uc, libc_entry());
}

static void garbage_frame(void *a)
{
	static struct k_ucontext uc;                  /* all zero: cs 0 */

	sigreturn_at(a ? a : &uc, libc_entry());
}

USERTEST(sig_bad_sigreturn)
{
	for (long b = 0; b < 8; b++) {
		int s = run_child(broken_return, (void *)b);
		note("%ld:%s ", b, res_name(s));
		/* A non-canonical rsp faults at its first use: #SS (SIGBUS) on
		 * hardware, #GP (SIGSEGV) under QEMU's TCG. */
		if (!(s == STATUS_SIG(SIGSEGV) || (b == 7 && s == STATUS_SIG(SIGBUS))))
			ut_fail(__FILE__, __LINE__, "broken context %ld: status %#x, want SIGSEGV", b, s);
	}
	EXPECT_EQ(run_child(flags_child, 0), 0);
	EXPECT_EQ(run_child(handmade_frame, 0), STATUS_EXIT(77));
	EXPECT_EQ(run_child(garbage_frame, 0), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(run_child(garbage_frame, (void *)UNMAPPED), STATUS_SIG(SIGSEGV));
	EXPECT_EQ(run_child(garbage_frame, (void *)KERNEL_ADDR), STATUS_SIG(SIGSEGV));
}

/* --- signals to a running process ------------------------------------------ */

static volatile int spin_flag, spin_hits, spin_fd;
/* Each handler says so through the pipe before the next kill: a second
 * SIGUSR1 sent while the first is still pending would merge with it (a
 * busy host may not run the spinner for longer than the parent waits). */
static void stop_spinning(int sig, struct k_siginfo *info, void *uc)
{
	if (++spin_hits >= 3)
		spin_flag = 1;
	sys_write(spin_fd, "h", 1);
}

static void spinner(void *fdp)
{
	int *fds = fdp;

	spin_flag = spin_hits = 0;
	spin_fd = fds[1];
	sigact(SIGUSR1, stop_spinning, 0, 0);
	sys_write(fds[1], "s", 1);
	quit(spin_check(&spin_flag) == 0 && spin_hits == 3 ? 0 : 1);
}

static void spin_forever(void *a)
{
	for (;;)
		;
}

/* A process in a loop without system calls gets its signals from the
 * timer interrupt: three handlers run and it sees every register as it
 * left it; SIGKILL ends such a loop too. */
USERTEST(sig_to_running_process)
{
	int fds[2];
	char c;

	sys_pipe(fds);
	pid_t pid = spawn(spinner, fds);
	EXPECT_EQ(sys_read(fds[0], &c, 1), 1);
	for (int i = 0; i < 3; i++) {
		sleep_ms(15);                            /* it spins meanwhile */
		EXPECT_EQ(sys_kill(pid, SIGUSR1), 0);
		EXPECT_EQ(sys_read(fds[0], &c, 1), 1);   /* its handler ran */
	}
	EXPECT_EQ(reap(pid), 0);
	pid = spawn(spin_forever, 0);
	sleep_ms(15);
	EXPECT_EQ(sys_kill(pid, SIGKILL), 0);
	EXPECT_EQ(reap(pid), STATUS_SIG(SIGKILL));
	pid = spawn(spin_forever, 0);
	sleep_ms(15);
	EXPECT_EQ(sys_kill(pid, SIGTERM), 0);
	EXPECT_EQ(reap(pid), STATUS_SIG(SIGTERM));
	sys_close(fds[0]);
	sys_close(fds[1]);
}

