/*
 * cases_tls.c - i386 TLS segments (conform32 only): set_thread_area(2) and
 * get_thread_area(2) with Linux's errors and its slot allocation, a %gs
 * that reads through the segment and keeps its own base across switches
 * while another process has another one, fork's child inheriting it,
 * execve clearing it, sigreturn reloading the saved selector (a bad one
 * becomes 0), and clone(CLONE_SETTLS) giving a thread its own descriptor.
 *
 * The runner runs every path in one process, so each case leaves the
 * three slots empty and %gs 0 again.
 */
#ifdef __i386__
#include <api/abi.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conform.h"

/* <asm/ldt.h>'s struct user_desc. */
struct user_desc {
	uint32_t entry_number, base_addr, limit;
	uint32_t seg_32bit : 1, contents : 2, read_exec_only : 1, limit_in_pages : 1, seg_not_present : 1,
		useable : 1, lm : 1;
};

static volatile uint32_t block_a[4] = { 0x1111aaaa }, block_b[4] = { 0x2222bbbb };

static inline uint16_t gs_sel(void) { uint16_t v; __asm__ volatile("movw %%gs, %0" : "=r"(v)); return v; }
static inline void gs_load(uint16_t s) { __asm__ volatile("movw %w0, %%gs" : : "r"(s) : "memory"); }
static inline uint32_t gs_word(void) { uint32_t v; __asm__ volatile("movl %%gs:0, %0" : "=r"(v)); return v; }

/* glibc's request: a flat 4 GiB writable 32-bit data segment at base. */
static struct user_desc flat(uint32_t entry, const volatile void *base)
{
	return (struct user_desc){ .entry_number = entry, .base_addr = (uint32_t)(uintptr_t)base,
				   .limit = 0xfffff, .seg_32bit = 1, .limit_in_pages = 1, .useable = 1 };
}

/* Empty every slot and drop %gs, for the next path. */
static void tls_reset(const struct path *P)
{
	gs_load(0);
	for (uint32_t e = 12; e <= 14; e++) {
		struct user_desc z = { .entry_number = e };
		CALL1(P, SYS_set_thread_area, &z);
	}
}

/* The slot e reads back empty (Linux's LDT_empty form). */
static int slot_empty(const struct path *P, uint32_t e)
{
	struct user_desc g = { .entry_number = e };
	return CALL1(P, SYS_get_thread_area, &g) == 0 && g.read_exec_only && g.seg_not_present && !g.base_addr &&
	       !g.limit && !g.seg_32bit && !g.contents && !g.useable && !g.limit_in_pages;
}

int tls_free_main(void)
{
	uint16_t ds, es, fs;

	__asm__ volatile("movw %%ds, %0; movw %%es, %1; movw %%fs, %2" : "=r"(ds), "=r"(es), "=r"(fs));
	for (uint32_t e = 12; e <= 14; e++) {
		struct user_desc g = { .entry_number = e };
		if (syscall(SYS_get_thread_area, &g) != 0 || !g.seg_not_present || g.base_addr)
			return 1;
	}
	return gs_sel() == 0 && fs == 0 && ds == 0x2b && es == 0x2b ? 0 : 2;
}

int case_tls_set_get(const struct path *P, struct transcript *t)
{
	struct user_desc u = flat(-1u, block_a), g;

	/* -1 takes the first empty slot and says which. */
	EXPECT(t, P, CALL1(P, SYS_set_thread_area, &u) == 0);
	note(t, "entry %u ", u.entry_number);
	EXPECT(t, P, u.entry_number == 12);
	g = (struct user_desc){ .entry_number = 12 };
	EXPECT(t, P, CALL1(P, SYS_get_thread_area, &g) == 0);
	EXPECT(t, P, g.entry_number == 12 && g.base_addr == (uint32_t)(uintptr_t)block_a && g.limit == 0xfffff);
	EXPECT(t, P, g.seg_32bit && g.limit_in_pages && g.useable && !g.contents && !g.read_exec_only);
	EXPECT(t, P, !g.seg_not_present && !g.lm);

	/* Errors, in Linux's order: the pointer, the descriptor, the slot. */
	struct user_desc bad = flat(11, block_a), code = flat(12, block_a), absent = flat(12, block_a),
			 small = flat(12, block_a), fresh = flat(-1u, block_b);
	code.contents = 2, absent.seg_not_present = 1, small.seg_32bit = 0;
	long r[] = {
		CALL1(P, SYS_set_thread_area, &bad),
		(bad.entry_number = 15, CALL1(P, SYS_set_thread_area, &bad)),
		CALL1(P, SYS_set_thread_area, 0),
		CALL1(P, SYS_set_thread_area, KERNEL_ADDR),
		CALL1(P, SYS_set_thread_area, &code),
		CALL1(P, SYS_set_thread_area, &absent),
		CALL1(P, SYS_set_thread_area, &small),
		(g.entry_number = 11, CALL1(P, SYS_get_thread_area, &g)),
		(g.entry_number = 15, CALL1(P, SYS_get_thread_area, &g)),
		CALL1(P, SYS_get_thread_area, 0),
		CALL1(P, SYS_set_thread_area, &fresh),                /* 13 */
		(fresh.entry_number = -1u, CALL1(P, SYS_set_thread_area, &fresh)),   /* 14 */
		(fresh.entry_number = -1u, CALL1(P, SYS_set_thread_area, &fresh)),   /* none left */
	};
	long want[] = { -EINVAL, -EINVAL, -EFAULT, -EFAULT, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EFAULT,
			0, 0, -ESRCH };
	EXPECT_ALL(P, t, r, want, N(r));
	EXPECT(t, P, fresh.entry_number == (uint32_t)-1);            /* not written when none was free */

	/* An all-zero descriptor empties a slot, which -1 then finds again. */
	struct user_desc zero = { .entry_number = 13 };
	EXPECT(t, P, CALL1(P, SYS_set_thread_area, &zero) == 0);
	EXPECT(t, P, slot_empty(P, 13));
	fresh.entry_number = -1u;
	EXPECT(t, P, CALL1(P, SYS_set_thread_area, &fresh) == 0 && fresh.entry_number == 13);
	tls_reset(P);
	EXPECT(t, P, slot_empty(P, 12) && slot_empty(P, 13) && slot_empty(P, 14));
	return 0;
}

/* In a fork child: %gs still reads block_a; then its own slot gets
 * block_b (the loaded %gs follows), kept across switches with the parent. */
static void tls_fork_child(const struct path *P, void *arg)
{
	uint32_t e = *(uint32_t *)arg;
	int bad = gs_word() != block_a[0];
	struct user_desc u = flat(e, block_b);

	if (CALL1(P, SYS_set_thread_area, &u) != 0 || gs_word() != block_b[0])
		bad |= 2;
	for (int i = 0; i < 20; i++) {
		CALL0(P, SYS_sched_yield);
		if (gs_word() != block_b[0])
			bad |= 4;
	}
	_exit(bad);
}

static void tls_exec_child(const struct path *P, void *arg)
{
	char *argv[] = { CONFORM_BIN, "--tls-free", 0 };

	(void)arg;
	CALL3(P, SYS_execve, CONFORM_BIN, argv, 0);
	_exit(99);
}

static volatile uint16_t handler_saw_gs;

static void gs_zeroing_handler(int sig)
{
	(void)sig;
	handler_saw_gs = gs_sel();
	gs_load(0);
}

/* The sigcontext's gs (i386's ucontext: flags, link, stack, then gs). */
static void gs_poisoning_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)si;
	*(uint16_t *)((char *)uc + 20) = 0x6b;                      /* slot 13: empty */
}

int case_tls_segments(const struct path *P, struct transcript *t)
{
	struct user_desc u = flat(-1u, block_a);

	EXPECT(t, P, CALL1(P, SYS_set_thread_area, &u) == 0);
	uint16_t sel = (uint16_t)(u.entry_number << 3 | 3);
	note(t, "sel %#x ", sel);
	gs_load(sel);
	EXPECT(t, P, gs_sel() == sel && gs_word() == block_a[0]);

	/* A child with another base in the same slot while we switch back and forth. */
	int pid = fork();
	if (pid == 0)
		tls_fork_child(P, &u.entry_number);
	int bad = 0, status = -1;
	for (int i = 0; i < 20; i++) {
		CALL0(P, SYS_sched_yield);
		if (gs_word() != block_a[0])
			bad = 1;
	}
	waitpid(pid, &status, 0);
	note(t, "child %#x ", status);
	EXPECT(t, P, !bad && status == 0 && gs_word() == block_a[0]);

	/* execve: no TLS, gs = fs = 0, ds = es = the user data segment. */
	status = run_child(tls_exec_child, P, 0);
	note(t, "exec %#x ", status);
	EXPECT(t, P, status == 0);

	/* sigreturn puts the saved %gs back; an unloadable one becomes 0. */
	struct sigaction sa = { 0 }, old;
	sa.sa_handler = gs_zeroing_handler;
	sigaction(SIGUSR1, &sa, &old);
	CALL2(P, SYS_kill, getpid(), SIGUSR1);
	EXPECT(t, P, handler_saw_gs == sel && gs_sel() == sel && gs_word() == block_a[0]);
	sa.sa_sigaction = gs_poisoning_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, 0);
	CALL2(P, SYS_kill, getpid(), SIGUSR1);
	note(t, "after a bad sigcontext gs %#x ", gs_sel());
	EXPECT(t, P, gs_sel() == 0);
	sigaction(SIGUSR1, &old, 0);

	/* Emptying the slot %gs holds reloads %gs: with 0, as Linux's fixup. */
	gs_load(sel);
	struct user_desc zero = { .entry_number = u.entry_number };
	EXPECT(t, P, CALL1(P, SYS_set_thread_area, &zero) == 0);
	note(t, "after emptying gs %#x ", gs_sel());
	EXPECT(t, P, gs_sel() == 0);
	tls_reset(P);
	return 0;
}

/* clone(flags, stack, ptid, tls, ctid) by int $0x80, the child reading
 * %gs:0 into clone_seen and ending with exit(0): no libc, no stack use. */
static volatile uint32_t clone_seen;
static volatile int32_t clone_ctid;
static char clone_stack[1024] __attribute__((aligned(16)));
long tls_clone_int80(unsigned long flags, void *stack, void *tls, volatile int32_t *ctid);
__asm__(".text\n"
	"tls_clone_int80:\n\t"
	"pushl %ebx\n\tpushl %esi\n\tpushl %edi\n\t"
	"movl 16(%esp), %ebx\n\t"               /* flags */
	"movl 20(%esp), %ecx\n\t"               /* stack */
	"xorl %edx, %edx\n\t"                   /* ptid */
	"movl 24(%esp), %esi\n\t"               /* tls */
	"movl 28(%esp), %edi\n\t"               /* ctid */
	"movl $120, %eax\n\t"                   /* clone */
	"int $0x80\n\t"
	"testl %eax, %eax\n\t"
	"jnz 1f\n\t"
	"movl %gs:0, %eax\n\t"                  /* the child: its own slot's base */
	"movl %eax, clone_seen\n\t"
	"movl $1, %eax\n\t"                     /* exit(0): this thread only */
	"xorl %ebx, %ebx\n\t"
	"int $0x80\n"
	"1:\n\t"
	"popl %edi\n\tpopl %esi\n\tpopl %ebx\n\t"
	"ret\n");

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM)

int case_tls_clone_settls(const struct path *P, struct transcript *t)
{
	struct user_desc u = flat(-1u, block_a);

	EXPECT(t, P, CALL1(P, SYS_set_thread_area, &u) == 0);
	uint16_t sel = (uint16_t)(u.entry_number << 3 | 3);
	gs_load(sel);

	/* A bad user_desc fails the call before a thread exists: an unreadable
	 * one, and entry -1 (the kernel allocates no slot for a clone). */
	struct user_desc any = flat(-1u, block_b);
	long r[] = {
		CALL5(P, SYS_clone, THREAD_FLAGS | CLONE_SETTLS, clone_stack + sizeof(clone_stack), 0, KERNEL_ADDR, 0),
		CALL5(P, SYS_clone, THREAD_FLAGS | CLONE_SETTLS, clone_stack + sizeof(clone_stack), 0, &any, 0),
	};
	long want[] = { -EFAULT, -EINVAL };
	EXPECT_ALL(P, t, r, want, N(r));

	/* A thread whose slot (the one %gs names) has block_b. */
	struct user_desc mine = flat(u.entry_number, block_b);
	clone_seen = 0, clone_ctid = 1;
	long tid = tls_clone_int80(THREAD_FLAGS | CLONE_SETTLS | CLONE_CHILD_CLEARTID,
				   clone_stack + sizeof(clone_stack), &mine, &clone_ctid);
	for (int i = 0; i < 10000 && clone_ctid; i++)
		CALL0(P, SYS_sched_yield);
	note(t, "thread %s, saw %#x ", tid > 0 ? "made" : "failed", clone_seen);
	EXPECT(t, P, tid > 0 && clone_ctid == 0 && clone_seen == block_b[0]);
	EXPECT(t, P, gs_word() == block_a[0]);                       /* ours is untouched */
	struct user_desc g = { .entry_number = u.entry_number };
	EXPECT(t, P, CALL1(P, SYS_get_thread_area, &g) == 0 && g.base_addr == (uint32_t)(uintptr_t)block_a);
	tls_reset(P);
	return 0;
}
#endif
