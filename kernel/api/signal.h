/*
 * signal.h - signals as system calls see them: Linux x86-64's numbers,
 * struct sigaction as rt_sigaction takes it, siginfo, and the frame a
 * handler runs on (shared by the kernel and libc; docs/abi.md).
 */
#ifndef API_SIGNAL_H
#define API_SIGNAL_H

#include <stdint.h>

#define SIGHUP    1
#define SIGINT    2
#define SIGQUIT   3
#define SIGILL    4
#define SIGTRAP   5
#define SIGABRT   6
#define SIGBUS    7
#define SIGFPE    8
#define SIGKILL   9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPWR    30
#define SIGSYS    31
#define SIGRTMIN  32
#define SIGRTMAX  64

#define SIG_DFL 0UL
#define SIG_IGN 1UL

/* sa_flags */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO   0x00000004
#define SA_RESTORER  0x04000000            /* x86-64 handlers return through sa_restorer */
#define SA_ONSTACK   0x08000000
#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000

/* rt_sigprocmask's how */
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* si_code */
#define SI_USER     0                      /* kill() */
#define SI_TKILL    (-6)                   /* tkill() and tgkill() */
#define SI_KERNEL   0x80
#define ILL_ILLOPN  2
#define FPE_INTDIV  1                      /* #DE */
#define FPE_FLTDIV  3                      /* #MF, #XM: divide by zero */
#define FPE_FLTOVF  4                      /* ... overflow */
#define FPE_FLTUND  5                      /* ... underflow (or a denormal operand) */
#define FPE_FLTRES  6                      /* ... inexact result */
#define FPE_FLTINV  7                      /* ... invalid operation */
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRERR  2
#define TRAP_BRKPT  1
#define TRAP_TRACE  2                      /* a single step (#DB with TF) */
#define CLD_EXITED  1                      /* SIGCHLD: si_status is the exit code */
#define CLD_KILLED  2                      /* ... the signal that ended it */
#define CLD_DUMPED  3                      /* ... and it dumped core (never here) */
#define CLD_STOPPED 5                      /* ... the signal that stopped it */
#define CLD_CONTINUED 6                    /* ... SIGCONT */

/* The sigset rt_sigaction and rt_sigprocmask take: 64 bits, signal n is bit n-1. */
#define SIGSET_SIZE 8

/* sigaltstack: stack_t and its flags. */
struct k_stack {
	uint64_t ss_sp;
	int32_t ss_flags;
	int32_t _pad;
	uint64_t ss_size;
};
#define SS_ONSTACK    1                 /* (out) running on it now; (in) the same as 0 */
#define SS_DISABLE    2                 /* no alternate stack */
#define SS_AUTODISARM (1U << 31)        /* off while a handler runs on it */
#define MINSIGSTKSZ   2048              /* the least ss_size accepted */
#define SIGBIT(sig) (1ULL << ((sig) - 1))

/* struct sigaction as the kernel reads it (libc's own may differ). */
struct k_sigaction {
	uint64_t handler;                      /* SIG_DFL, SIG_IGN or a function */
	uint64_t flags;                        /* SA_* */
	uint64_t restorer;                     /* returns into rt_sigreturn */
	uint64_t mask;                         /* blocked while the handler runs */
};

/* siginfo_t: 128 bytes; the fields this kernel fills. The union starts
 * at 16 on x86-64 and at 12 in a -m32 program (i386's layout, where
 * addresses are 32-bit). */
struct k_siginfo {
	int32_t si_signo;
	int32_t si_errno;
	int32_t si_code;
#ifdef __x86_64__
	int32_t _pad;
#endif
	union {
		struct { int32_t pid; uint32_t uid; } kill;  /* SI_USER */
		unsigned long addr;            /* faults: the address */
		struct { int32_t pid; uint32_t uid; int32_t status; } chld;
	} u;
#ifdef __x86_64__
	uint8_t _rest[128 - 32];
#else
	uint8_t _rest[128 - 24];
#endif
};

/* The registers a handler's return restores (Linux's struct sigcontext). */
struct k_sigcontext {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate;                      /* the frame's struct k_fpstate (below), or 0 */
	uint64_t reserved[8];
};

/* uc_flags: the frame's sigcontext has a real ss (always), and rt_sigreturn
 * must restore it as it is rather than repair a bad one (set for 64-bit
 * code, as Linux does; a program may clear it). */
#define UC_SIGCONTEXT_SS      0x2
#define UC_STRICT_RESTORE_SS  0x4

/*
 * The x87/SSE state in a signal frame: the 512 bytes FXSAVE writes (64-bit
 * form), 64-byte aligned. With XSAVE, the XSAVE header and the extended
 * components follow in the standard (non-compacted) layout, sw_reserved
 * says so (magic1, sizes, the features) and FP_XSTATE_MAGIC2 follows the
 * last component (Linux's struct _fpstate_64 and _fpx_sw_bytes).
 */
#define FP_XSTATE_MAGIC1 0x46505853u       /* "FPXS" */
#define FP_XSTATE_MAGIC2 0x46505845u       /* "FPXE" */
#define FP_XSTATE_MAGIC2_SIZE 4
#define UC_FP_XSTATE 0x1                   /* uc_flags: fpstate holds XSAVE state */

struct k_fpx_sw_bytes {
	uint32_t magic1;                       /* FP_XSTATE_MAGIC1 */
	uint32_t extended_size;                /* xstate_size + FP_XSTATE_MAGIC2_SIZE */
	uint64_t xfeatures;                    /* the XSAVE features saved (XCR0) */
	uint32_t xstate_size;                  /* bytes from fpstate to FP_XSTATE_MAGIC2 */
	uint32_t padding[7];
};

struct k_fpstate {
	uint16_t cwd, swd, twd, fop;           /* control, status, abridged tag word, opcode */
	uint64_t rip, rdp;                     /* the last x87 instruction and operand */
	uint32_t mxcsr, mxcsr_mask;
	uint32_t st_space[32];                 /* st0-st7: 10 bytes each in 16 */
	uint32_t xmm_space[64];                /* xmm0-xmm15 */
	uint32_t reserved2[12];
	struct k_fpx_sw_bytes sw_reserved;     /* bytes 464..511 */
};

struct k_xstate_header {                   /* bytes 512..575 of an XSAVE area */
	uint64_t xfeatures;                    /* XSTATE_BV: the components present */
	uint64_t xcomp_bv;                     /* 0: the standard layout */
	uint64_t reserved[6];
};

/* XSAVE state components (XCR0 bits) and where the standard layout puts
 * the upper halves of ymm0-15 (CPUID leaf 0xd gives every offset). */
#define XFEATURE_X87      0x01
#define XFEATURE_SSE      0x02
#define XFEATURE_YMM      0x04
#define XFEATURE_OPMASK   0x20
#define XFEATURE_ZMM_HI256 0x40
#define XFEATURE_HI16_ZMM 0x80
#define XSTATE_YMM_OFFSET 576

struct k_ucontext {
	uint64_t uc_flags;
	uint64_t uc_link;
	struct k_stack uc_stack;               /* the alternate stack when the signal came */
	struct k_sigcontext uc_mcontext;
	uint64_t uc_sigmask;                   /* the mask rt_sigreturn restores */
};

/*
 * What the kernel pushes on the user stack to run a handler: the handler
 * starts with rsp pointing at pretcode (so it "was called" from there),
 * rdi = signal, rsi = &info, rdx = &uc; its ret goes to sa_restorer, which
 * calls rt_sigreturn with rsp = &uc.
 */
struct k_rt_sigframe {
	uint64_t pretcode;
	struct k_ucontext uc;
	struct k_siginfo info;
};

/* The x86-64 layouts (an i386 build, the 32-bit vDSO, only takes the
 * constants from here; api/compat.h has the i386 structures). */
#ifdef __x86_64__
_Static_assert(sizeof(struct k_siginfo) == 128, "siginfo is 128 bytes");
#ifdef __i386__
_Static_assert(__builtin_offsetof(struct k_siginfo, u) == 12, "i386 siginfo's union");
#endif
_Static_assert(sizeof(struct k_sigcontext) == 256, "sigcontext is 256 bytes");
_Static_assert(sizeof(struct k_ucontext) == 304, "ucontext is 304 bytes");
_Static_assert(sizeof(struct k_fpstate) == 512, "the FXSAVE area is 512 bytes");
_Static_assert(sizeof(struct k_fpx_sw_bytes) == 48, "sw_reserved is 48 bytes");
#endif

#endif
