/*
 * t_fpu.c - x87/SSE/AVX state in user mode (docs/abi.md): every process
 * has its own, kept across fork, switches and signal handlers, reset by
 * execve; signal frames carry it as Linux's do, rt_sigreturn checks it;
 * SIMD and x87 exceptions are SIGFPE with Linux's si_code.
 *
 * The registers under test are held by fpu_hold (fpu.S) across the
 * system call, since compiled code may use any of them in between. AVX
 * (ymm) is tested when CPUID and XCR0 say it is on; transcripts say only
 * yes/no, so both entry paths agree on any CPU.
 */
#include <stdio.h>
#include <string.h>

#include "usertests.h"

struct fpu_regs {                   /* fpu.S's layout */
	uint8_t v[16][32];          /* ymm0-15 */
	uint8_t st[8][16];          /* st0-st7, 80-bit */
	uint32_t mxcsr;
	uint16_t fcw, pad;
	uint32_t avx, fast;
};
_Static_assert(__builtin_offsetof(struct fpu_regs, mxcsr) == 640, "fpu.S layout");
_Static_assert(__builtin_offsetof(struct fpu_regs, avx) == 648, "fpu.S layout");

long fpu_hold(const struct fpu_regs *in, struct fpu_regs *out, long nr, long a0, long a1, long count);
void fpu_dirty(const struct fpu_regs *in);
void fpu_peek(struct fpu_regs *out);

#define MXCSR_DEFAULT 0x1f80
#define FCW_DEFAULT   0x037f
#define MXCSR_ZM      0x0200        /* divide-by-zero masked */
#define MXCSR_ZE      0x0004        /* ... flagged */
#define XSTATE_X87_SSE 3

/* XCR0 when the OS has XSAVE on (CPUID.1:ECX.OSXSAVE), else 0. */
static uint64_t xcr0(void)
{
	uint32_t a, b, c, d;

	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	if (!(c >> 27 & 1))
		return 0;
	__asm__ volatile("xgetbv" : "=a"(a), "=d"(d) : "c"(0));
	return (uint64_t)d << 32 | a;
}

static int have_avx(void) { return (xcr0() & 6) == 6; }

/* A pattern unique to seed in every byte of every register; x87 values
 * are ordinary extended-precision numbers (seed + i + 0.5). */
static void pattern(struct fpu_regs *r, int seed)
{
	memset(r, 0, sizeof(*r));
	for (int i = 0; i < 16; i++)
		for (int j = 0; j < 32; j++)
			r->v[i][j] = (uint8_t)(seed * 37 + i * 32 + j + 1);
	for (int i = 0; i < 8; i++) {
		long double x = seed + i + 0.5L;
		memcpy(r->st[i], &x, 10);
	}
	r->mxcsr = MXCSR_DEFAULT | 0x2000;     /* round down */
	r->fcw = FCW_DEFAULT | 0x0800;         /* round up */
	r->avx = have_avx();
	r->fast = libc_entry() == ENTRY_SYSCALL;
}

/* Do out's registers hold in's values (the parts this CPU has)? */
static int same_regs(const struct fpu_regs *in, const struct fpu_regs *out)
{
	int width = in->avx ? 32 : 16;

	for (int i = 0; i < 16; i++)
		if (memcmp(in->v[i], out->v[i], width))
			return 0;
	for (int i = 0; i < 8; i++)
		if (memcmp(in->st[i], out->st[i], 10))
			return 0;
	return in->mxcsr == out->mxcsr && in->fcw == out->fcw;
}

/* Ordinary compiled floating point: SSE2 doubles and x87 long doubles
 * (64-bit precision, FCW's default). */
static double harmonic(int n, int seed)
{
	double s = 0;
	long double t = 0;

	for (int i = 1; i <= n; i++) {
		s += 1.0 / (i + seed);
		t += 1.0L / (i * 3 + seed);
	}
	return s + (double)t;
}

USERTEST(fpu_compiled_code)
{
	volatile double a = 0.1, b = 0.2;
	volatile long double one = 1.0L, tiny = 0x1p-63L;
	double c = a + b;
	uint64_t bits;

	memcpy(&bits, &c, sizeof(bits));
	EXPECT_EQ(bits == 0x3fd3333333333334ULL, 1);                   /* 0.30000000000000004 */
	EXPECT_EQ(one + tiny != one, 1);                              /* 64-bit mantissa */
	EXPECT_EQ((double)(one + tiny) == 1.0, 1);
	EXPECT_EQ((long)(harmonic(1000, 0) * 1000), 9980);           /* H(1000) * 4/3 = 9.9806... */
}

/* fork: the child starts with the parent's registers, exactly. */
USERTEST(fpu_fork)
{
	static struct fpu_regs in, out;

	pattern(&in, 1);
	long pid = fpu_hold(&in, &out, SYS_fork, 0, 0, 1);
	if (pid == 0)
		quit(same_regs(&in, &out) ? 0 : 1);
	EXPECT(pid > 0);
	EXPECT_EQ(same_regs(&in, &out), 1);
	EXPECT_EQ(reap(pid), STATUS_EXIT(0));
	note("avx=%d ", in.avx > 0);
}

/* Two processes, different values, switching at every sched_yield. */
USERTEST(fpu_switch)
{
	static struct fpu_regs in, out;
	long pid = sys_fork();

	EXPECT(pid >= 0);
	pattern(&in, pid == 0 ? 2 : 3);
	for (int round = 0; round < 20; round++) {
		fpu_hold(&in, &out, SYS_sched_yield, 0, 0, 10);
		if (!same_regs(&in, &out)) {
			EXPECT(!"registers changed across sched_yield");
			break;
		}
	}
	if (pid == 0)
		quit(ut_failures ? 1 : 0);
	EXPECT_EQ(reap(pid), STATUS_EXIT(0));
}

/* Two processes computing at once, preempted by the timer: each gets the
 * result it got alone. */
USERTEST(fpu_preempted)
{
	double alone[2] = { harmonic(100000, 1), harmonic(100000, 2) };
	long pid = sys_fork();
	int me = pid == 0;

	EXPECT(pid >= 0);
	for (int i = 0; i < 2; i++)
		if (harmonic(100000, 1 + me) != alone[me])
			EXPECT(!"a different result while another process computed");
	if (pid == 0)
		quit(ut_failures ? 1 : 0);
	EXPECT_EQ(reap(pid), STATUS_EXIT(0));
}

/* --- signals --------------------------------------------------------------- */

static struct fpu_regs sig_in, sig_out, junk, junk_out;
static volatile int start_mxcsr, start_fcw;
static volatile int frame_ok;             /* bits: what fpu_frame_check found wrong */
static volatile int corrupt_how;

/* A handler that starts by looking at its own control words, then
 * clobbers every register (fpu_hold leaves junk in the vector registers
 * and the x87 stack's slots). */
static void clobber(int sig, struct k_siginfo *info, void *uc)
{
	uint32_t mxcsr;
	uint16_t fcw;

	__asm__ volatile("stmxcsr %0; fnstcw %1" : "=m"(mxcsr), "=m"(fcw));
	start_mxcsr = mxcsr, start_fcw = fcw;
	pattern(&junk, 9);
	fpu_hold(&junk, &junk_out, SYS_getpid, 0, 0, 1);
}

USERTEST(fpu_signal_handler)
{
	pattern(&sig_in, 4);
	EXPECT_EQ(sigact(SIGUSR1, clobber, 0, 0), 0);
	fpu_hold(&sig_in, &sig_out, SYS_kill, sys_getpid(), SIGUSR1, 1);
	EXPECT_EQ(same_regs(&sig_in, &sig_out), 1);
	/* Linux starts a handler with the initial state. */
	EXPECT_EQ(start_mxcsr, MXCSR_DEFAULT);
	EXPECT_EQ(start_fcw, FCW_DEFAULT);
}

static struct k_fpstate *frame_state(void *uc)
{
	return (struct k_fpstate *)uc_regs(uc)->fpstate;
}

/* The handler reads its frame's state: what Linux puts there, with the
 * interrupted code's values; then it changes xmm5 (and ymm5's upper half)
 * and MXCSR there, which the interrupted code must see. */
static void read_frame(int sig, struct k_siginfo *info, void *uc)
{
	struct k_fpstate *fx = frame_state(uc);
	uint8_t *x = (uint8_t *)fx;
	uint64_t x0 = xcr0();
	int bad = 0;

	if (!fx || ((uint64_t)fx & 63))
		bad |= 1;
	else {
		struct k_fpx_sw_bytes *sw = &fx->sw_reserved;
		struct k_xstate_header *h = (struct k_xstate_header *)(x + 512);
		if (sw->magic1 != FP_XSTATE_MAGIC1 || sw->extended_size != sw->xstate_size + 4)
			bad |= 2;
		if (x0 && (sw->xfeatures != x0 || *(uint32_t *)(x + sw->xstate_size) != FP_XSTATE_MAGIC2 ||
			   !(((struct k_ucontext *)uc)->uc_flags & UC_FP_XSTATE) || (h->xfeatures & 3) != 3 ||
			   (h->xfeatures & ~x0) || h->xcomp_bv))
			bad |= 4;
		if (!x0 && sw->xfeatures != XSTATE_X87_SSE)
			bad |= 4;
		if (fx->mxcsr != sig_in.mxcsr || fx->cwd != sig_in.fcw)
			bad |= 8;
		for (int i = 0; i < 16; i++)
			if (memcmp(&fx->xmm_space[i * 4], sig_in.v[i], 16))
				bad |= 16;
		for (int i = 0; i < 8; i++)
			if (memcmp(&fx->st_space[i * 4], sig_in.st[i], 10))
				bad |= 32;
		if (sig_in.avx)
			for (int i = 0; i < 16; i++)
				if (memcmp(x + XSTATE_YMM_OFFSET + i * 16, sig_in.v[i] + 16, 16))
					bad |= 64;
		/* The state lies between the frame and the red zone. */
		uint64_t rsp = uc_regs(uc)->rsp, end = (uint64_t)fx + (x0 ? sw->xstate_size + 4 : 512);
		if ((uint64_t)fx < (uint64_t)uc + sizeof(struct k_ucontext) || end > rsp - 128)
			bad |= 128;

		memset(&fx->xmm_space[5 * 4], 0x55, 16);
		if (sig_in.avx)
			memset(x + XSTATE_YMM_OFFSET + 5 * 16, 0x66, 16);
		fx->mxcsr = MXCSR_DEFAULT | 0x4000;   /* round up */
	}
	frame_ok = bad;
	pattern(&junk, 8);
	fpu_hold(&junk, &junk_out, SYS_getpid, 0, 0, 1);
}

USERTEST(fpu_signal_frame)
{
	pattern(&sig_in, 5);
	frame_ok = -1;
	EXPECT_EQ(sigact(SIGUSR1, read_frame, 0, 0), 0);
	fpu_hold(&sig_in, &sig_out, SYS_kill, sys_getpid(), SIGUSR1, 1);
	EXPECT_EQ(frame_ok, 0);
	/* The handler's edits came back; everything else is as it was. */
	uint8_t want[32];
	memset(want, 0x55, 16);
	memset(want + 16, sig_in.avx ? 0x66 : 0, 16);
	EXPECT_EQ(memcmp(sig_out.v[5], want, sig_in.avx ? 32 : 16), 0);
	EXPECT_EQ(sig_out.mxcsr, MXCSR_DEFAULT | 0x4000);
	memcpy(sig_in.v[5], sig_out.v[5], 32);
	sig_in.mxcsr = sig_out.mxcsr;
	EXPECT_EQ(same_regs(&sig_in, &sig_out), 1);
}

/* On an alternate stack (SA_ONSTACK) the state goes there too, whole,
 * and comes back as the handler left it. */
static uint64_t alt_lo, alt_hi;
static volatile int alt_inside;

static void on_altstack_frame(int sig, struct k_siginfo *info, void *uc)
{
	uint64_t fx = uc_regs(uc)->fpstate, local = (uint64_t)&fx;

	alt_inside = fx > alt_lo && fx + 512 <= alt_hi && local > alt_lo && local < alt_hi;
	clobber(sig, info, uc);
}

USERTEST(fpu_signal_altstack)
{
	long size = 4 * PAGE;
	char *mem = map_pages(size);
	struct k_stack ss = { (uint64_t)mem, 0, 0, size };

	EXPECT(mem != 0);
	alt_lo = (uint64_t)mem, alt_hi = alt_lo + size;
	EXPECT_EQ(sys_sigaltstack(&ss, 0), 0);
	EXPECT_EQ(sigact(SIGUSR1, on_altstack_frame, SA_ONSTACK, 0), 0);
	pattern(&sig_in, 10);
	fpu_hold(&sig_in, &sig_out, SYS_kill, sys_getpid(), SIGUSR1, 1);
	EXPECT_EQ(alt_inside, 1);
	EXPECT_EQ(same_regs(&sig_in, &sig_out), 1);
}

/* What corrupt() does to the frame's state before returning. */
enum { C_MXCSR, C_XSTATE_BV, C_XCOMP_BV, C_RESERVED, C_ALIGN, C_MAGIC1, C_MAGIC2, C_NULL, C_N };

static void corrupt(int sig, struct k_siginfo *info, void *uc)
{
	struct k_fpstate *fx = frame_state(uc);
	struct k_xstate_header *h = (struct k_xstate_header *)((uint8_t *)fx + 512);
	uint64_t x0 = xcr0();

	/* Without XSAVE the state is the 512-byte FXSAVE area alone: there is
	 * no header or magic2 to corrupt (writing there would hit the stack). */
	if (!x0 && corrupt_how != C_MXCSR && corrupt_how != C_ALIGN && corrupt_how != C_MAGIC1 &&
	    corrupt_how != C_NULL)
		return;
	switch (corrupt_how) {
	case C_MXCSR:                          /* a bit MXCSR_MASK does not allow */
		fx->mxcsr |= ~(fx->mxcsr_mask ? fx->mxcsr_mask : 0xffbf);
		break;
	case C_XSTATE_BV:                      /* a feature XCR0 does not have */
		for (int i = 2; i < 63; i++)
			if (!(x0 >> i & 1)) {
				h->xfeatures |= 1ULL << i;
				break;
			}
		break;
	case C_XCOMP_BV: h->xcomp_bv = 1ULL << 63 | x0; break;
	case C_RESERVED: h->reserved[2] = 1; break;
	case C_ALIGN: uc_regs(uc)->fpstate += 8; break;
	case C_MAGIC1: fx->sw_reserved.magic1 = 0; break;
	case C_MAGIC2: *(uint32_t *)((uint8_t *)fx + fx->sw_reserved.xstate_size) = 0; break;
	case C_NULL: uc_regs(uc)->fpstate = 0; break;
	}
}

static void corrupt_child(void *how)
{
	corrupt_how = (int)(long)how;
	pattern(&sig_in, 6);
	sigact(SIGUSR1, corrupt, 0, 0);
	fpu_hold(&sig_in, &sig_out, SYS_kill, sys_getpid(), SIGUSR1, 1);
	/* Still here: what came back? 1: all of it; 2: x87 and SSE, the
	 * upper ymm halves initial (zero); 3: everything initial. */
	uint8_t zero[16] = { 0 };
	int xmm_kept = 1, upper_zero = 1, all_init = sig_out.mxcsr == MXCSR_DEFAULT && sig_out.fcw == FCW_DEFAULT;
	for (int i = 0; i < 16; i++) {
		xmm_kept &= memcmp(sig_out.v[i], sig_in.v[i], 16) == 0;
		upper_zero &= memcmp(sig_out.v[i] + 16, zero, 16) == 0;
		all_init &= memcmp(sig_out.v[i], zero, 16) == 0;
	}
	if (same_regs(&sig_in, &sig_out))
		quit(1);
	if (xmm_kept && upper_zero && sig_out.mxcsr == sig_in.mxcsr)
		quit(2);
	quit(all_init ? 3 : 4);
}

/* rt_sigreturn with a state XRSTOR would fault on ends only the process,
 * with SIGSEGV; one without the extended part (no magic) keeps x87 and
 * SSE from the FXSAVE part (Linux's fx-only rule); fpstate NULL is the
 * initial state. */
USERTEST(fpu_sigreturn_checks)
{
	static const char *const names[C_N] = {
		"mxcsr", "xstate_bv", "xcomp_bv", "reserved", "align", "magic1", "magic2", "null",
	};
	int x = xcr0() != 0, avx = have_avx();

	for (int how = 0; how < C_N; how++) {
		int status = run_child(corrupt_child, (void *)(long)how), want;
		switch (how) {
		case C_MXCSR: want = STATUS_SIG(SIGSEGV); break;
		case C_XSTATE_BV: case C_XCOMP_BV: case C_RESERVED:
			want = x ? STATUS_SIG(SIGSEGV) : STATUS_EXIT(1);   /* FXSAVE frames have no header */
			break;
		case C_ALIGN: want = STATUS_SIG(SIGSEGV); break;
		case C_MAGIC1: case C_MAGIC2:
			want = x && avx ? STATUS_EXIT(2) : STATUS_EXIT(1);  /* only ymm shows the difference */
			break;
		default: want = STATUS_EXIT(3); break;
		}
		note("%s: ", names[how]);
		EXPECT_EQ(status, want);
	}
}

static volatile int caught, caught_code;

static void on_caught(int sig, struct k_siginfo *info, void *uc)
{
	caught++;
	caught_code = info->si_code;
}

/* Exit 0 when a bad state in the frame (corrupt_how) came back as one
 * SIGSEGV with SI_KERNEL to this process's handler, and the handler's
 * return resumed right after the kill, with the stack and registers the
 * code had: rt_sigreturn restores the general registers before it checks
 * the x87/SSE/AVX image, as Linux's (corrupt_xstate_header selftest). */
static void caught_child(void *how)
{
	corrupt_how = (int)(long)how;
	sigact(SIGUSR1, corrupt, 0, 0);
	sigact(SIGSEGV, on_caught, 0, 0);
	volatile long before = 0x5eed;
	long r = sys_kill(sys_getpid(), SIGUSR1);
	quit(caught == 1 && caught_code == SI_KERNEL && before == 0x5eed && r == 0 ? 0 : 1);
}

/* The same bad states with a SIGSEGV handler: the process goes on. */
USERTEST(fpu_sigreturn_caught)
{
	note("mxcsr: ");
	EXPECT_EQ(run_child(caught_child, (void *)(long)C_MXCSR), 0);
	if (xcr0()) {                          /* an XSAVE header to corrupt */
		EXPECT_EQ(run_child(caught_child, (void *)(long)C_RESERVED), 0);
		EXPECT_EQ(run_child(caught_child, (void *)(long)C_XSTATE_BV), 0);
	}
}

/* --- exceptions ----------------------------------------------------------- */

static volatile int fpe_hits, fpe_code;
static volatile uint64_t fpe_addr;

/* SIGFPE: note it, and mask the exception in the frame so the
 * instruction completes when it runs again. */
static void on_fpe(int sig, struct k_siginfo *info, void *uc)
{
	struct k_fpstate *fx = frame_state(uc);

	fpe_hits++;
	fpe_code = info->si_code;
	fpe_addr = info->u.addr;
	fx->mxcsr = (fx->mxcsr | 0x1f80) & ~0x3f;      /* all masked, no flags */
	fx->cwd |= 0x3f;
	fx->swd &= ~0x80ff;                             /* x87: no flags, no ES, no B */
}

extern const char xm_div_at[], mf_wait_at[];

/* #XM: divide by zero with ZE unmasked is SIGFPE, FPE_FLTDIV, at the divss. */
USERTEST(fpu_simd_exception)
{
	float num = 1.0f, den = 0.0f, res;
	uint32_t mxcsr = MXCSR_DEFAULT & ~MXCSR_ZM, after;

	EXPECT_EQ(sigact(SIGFPE, on_fpe, 0, 0), 0);
	fpe_hits = 0;
	__asm__ volatile("ldmxcsr %[m]\n\t"
			 "movss %[n], %%xmm0\n\t"
			 ".globl xm_div_at\nxm_div_at:\n\t"
			 "divss %[d], %%xmm0\n\t"
			 "movss %%xmm0, %[r]\n\t"
			 "stmxcsr %[a]"
			 : [r] "=m"(res), [a] "=m"(after)
			 : [m] "m"(mxcsr), [n] "m"(num), [d] "m"(den)
			 : "xmm0", "memory");
	uint32_t def = MXCSR_DEFAULT;
	__asm__ volatile("ldmxcsr %0" : : "m"(def));
	if (fpe_hits == 0 && res == __builtin_inff() && (after & MXCSR_ZE)) {
		/* QEMU's TCG (7.2) flags the error but never raises #XM: the
		 * division completed as if masked. Nothing to check here. */
		printf("# fpu_simd_exception: this CPU raises no #XM; SIGFPE from it is untested\n");
		note("no #XM from this CPU ");
		return;
	}
	EXPECT_EQ(fpe_hits, 1);
	EXPECT_EQ(fpe_code, FPE_FLTDIV);
	EXPECT_EQ(fpe_addr == (uint64_t)xm_div_at, 1);
	EXPECT_EQ(res == __builtin_inff(), 1);          /* masked by the handler: the IEEE result */
	EXPECT_EQ(after & 0x3f, MXCSR_ZE);
}

/* #MF: an x87 divide by zero with ZM unmasked is SIGFPE, FPE_FLTDIV, at
 * the next waiting x87 instruction. */
USERTEST(fpu_x87_exception)
{
	uint16_t cw = FCW_DEFAULT & ~0x4;
	long double res;

	EXPECT_EQ(sigact(SIGFPE, on_fpe, 0, 0), 0);
	fpe_hits = 0;
	__asm__ volatile("fninit\n\t"
			 "fldcw %[c]\n\t"
			 "fldz\n\t"
			 "fld1\n\t"
			 "fdiv %%st(1), %%st\n\t" /* st0 = 1 / 0: flagged, pending */
			 ".globl mf_wait_at\nmf_wait_at:\n\t"
			 "fwait\n\t"
			 "fstpt %[r]\n\t"
			 "fninit"
			 : [r] "=m"(res) : [c] "m"(cw) : "memory");
	EXPECT_EQ(fpe_hits, 1);
	EXPECT_EQ(fpe_code, FPE_FLTDIV);
	EXPECT_EQ(fpe_addr == (uint64_t)mf_wait_at, 1);
	(void)res;               /* (an unmasked error leaves st0 alone: 1, not inf) */
}

/* --- execve ---------------------------------------------------------------- */

/* The helper's side: exit 0 when FCW, MXCSR (and ymm15's upper half, which
 * compiled SSE code never writes) are initial. */
int fpu_helper_initial(void)
{
	static struct fpu_regs now;
	uint8_t zero[16] = { 0 };
	int bad = 0;

	now.avx = have_avx();
	fpu_peek(&now);
	if (now.fcw != FCW_DEFAULT)
		bad |= 1;
	if (now.mxcsr != MXCSR_DEFAULT)
		bad |= 2;
	if (now.avx && memcmp(now.v[15] + 16, zero, 16))
		bad |= 4;
	return bad;
}

static void exec_dirty(void *unused)
{
	static struct fpu_regs r;

	pattern(&r, 7);
	fpu_dirty(&r);                            /* FCW, MXCSR, ymm15: not initial */
	exec_helper((char *[]){ "fpu", NULL });
	quit(127);
}

USERTEST(fpu_execve_resets)
{
	EXPECT_EQ(run_child(exec_dirty, 0), STATUS_EXIT(0));
}
