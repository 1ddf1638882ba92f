/*
 * signal32.c - signal frames of the i386 ABI, for handlers a 32-bit
 * process registered (SA_IA32_ABI in the action, compat_signal.c), and
 * the i386 sigreturn (119) and rt_sigreturn (173) that take them back.
 *
 * As Linux's arch/x86/kernel/signal_32.c (docs/abi.md, "i386 signal
 * frames"): with SA_SIGINFO the rt frame (struct compat_rt_sigframe:
 * pretcode, sig, &info, &uc, siginfo, ucontext, retcode), else the old
 * one (struct compat_sigframe: pretcode, sig, sigcontext, extramask,
 * retcode); the x87/SSE/AVX state above the frame (fpu_frame32.c). The
 * handler starts with eax = sig (and edx = &info, ecx = &uc for the rt
 * frame, for -mregparm=3), esp at pretcode: its ret goes to sa_restorer,
 * else the 32-bit vDSO's __kernel_sigreturn / __kernel_rt_sigreturn,
 * else the frame's own retcode.
 */
#include <stddef.h>

#include "api/errno.h"
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "arch/percpu.h"
#include "arch/segs.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "vdso32.h"

#define NR32_SIGRETURN    119
#define NR32_RT_SIGRETURN 173

/* The flag bits a handler's return may set (Linux's FIX_EFLAGS): the
 * arithmetic flags, DF, TF, AC and RF; never IOPL, NT, IF or VM. */
#define USER_EFLAGS (0xd5ULL | (1ULL << 11) | RFLAGS_DF | RFLAGS_TF | RFLAGS_AC | RFLAGS_RF)

/* The frame's retcode: what a restorer-less return runs (Linux's bytes,
 * kept for the programs that look for them). */
static void retcode(uint8_t code[8], bool rt)
{
	static const uint8_t old[8] = { 0x58, 0xb8, NR32_SIGRETURN, 0, 0, 0, 0xcd, 0x80 };   /* popl %eax; movl $119, %eax; int $0x80 */
	static const uint8_t new[8] = { 0xb8, NR32_RT_SIGRETURN, 0, 0, 0, 0xcd, 0x80, 0 };   /* movl $173, %eax; int $0x80 */

	memcpy(code, rt ? new : old, 8);
}

/* Where the handler returns to: sa_restorer, the vDSO's, or retcode. */
static uint32_t pretcode(const struct proc *p, const struct k_sigaction *a, uint64_t frame, size_t retcode_off, bool rt)
{
	if (a->flags & SA_RESTORER)
		return (uint32_t)a->restorer;
	if (p->compat && p->vdso_base)
		return vdso32_addr(p, rt ? VDSO32_SYM___kernel_rt_sigreturn : VDSO32_SYM___kernel_sigreturn);
	return (uint32_t)(frame + retcode_off);
}

/* The registers as the interrupted code had them. */
static void sigcontext_from(struct compat_sigcontext *sc, const struct trap_frame *tf, uint32_t oldmask,
			    uint32_t fpstate)
{
	uint16_t gs, fs, es, ds;

	__asm__("movw %%gs, %0; movw %%fs, %1; movw %%es, %2; movw %%ds, %3"
		: "=r"(gs), "=r"(fs), "=r"(es), "=r"(ds));
	*sc = (struct compat_sigcontext){
		.gs = gs, .fs = fs, .es = es, .ds = ds,
		.edi = (uint32_t)tf->rdi, .esi = (uint32_t)tf->rsi, .ebp = (uint32_t)tf->rbp,
		.esp = (uint32_t)tf->rsp, .ebx = (uint32_t)tf->rbx, .edx = (uint32_t)tf->rdx,
		.ecx = (uint32_t)tf->rcx, .eax = (uint32_t)tf->rax,
		.trapno = tf->vector < 32 ? (uint32_t)tf->vector : 0,
		.err = tf->vector < 32 ? (uint32_t)tf->error : 0,
		.eip = (uint32_t)tf->rip, .cs = (uint16_t)tf->cs,
		.eflags = (uint32_t)tf->rflags, .esp_at_signal = (uint32_t)tf->rsp,
		.ss = (uint16_t)tf->ss, .fpstate = fpstate, .oldmask = oldmask,
		.cr2 = tf->vector == 14 ? (uint32_t)this_cpu()->fault_addr : 0,
	};
}

/* Point tf at the handler, in 32-bit mode. */
static void enter_handler(struct trap_frame *tf, const struct k_sigaction *a, uint64_t sp, int sig)
{
	tf->rip = (uint32_t)a->handler;
	tf->rsp = sp;
	tf->rax = (uint32_t)sig;
	tf->rdx = tf->rcx = 0;
	tf->r8 = tf->r9 = tf->r10 = tf->r11 = tf->r12 = tf->r13 = tf->r14 = tf->r15 = 0;
	tf->rflags &= ~(RFLAGS_DF | RFLAGS_RF | RFLAGS_TF);
	tf->cs = USER32_CS;
	tf->ss = USER_DS;
	user_segs_signal32();                     /* ds = es = the user data segment; fs, gs kept (Linux) */
}

bool setup_frame32(struct trap_frame *tf, int sig, struct k_sigaction *a, const struct k_siginfo *info)
{
	struct proc *p = current();
	bool rt = a->flags & SA_SIGINFO;
	uint64_t mask = p->restore_mask ? p->saved_mask : p->sig_blocked;  /* rt_sigsuspend's, after */
	struct k_stack st;
	uint64_t fpstate, sp;

	if (p->rseq) {
		rseq_signal(tf, sig);             /* the frame saves abort_ip, not a section's rip */
		if (a->handler == SIG_DFL)
			return false;
	}
	if (rt) {
		struct compat_rt_sigframe f = { 0 };
		if (!(sp = signal_frame_address(p, tf, a, sizeof(f), true, &st, &fpstate)) || sp + sizeof(f) > UINT32_MAX)
			return false;
		f.pretcode = pretcode(p, a, sp, offsetof(struct compat_rt_sigframe, retcode), true);
		f.sig = sig;
		f.pinfo = (uint32_t)(sp + offsetof(struct compat_rt_sigframe, info));
		f.puc = (uint32_t)(sp + offsetof(struct compat_rt_sigframe, uc));
		compat_siginfo_from(&f.info, info);
		f.uc.uc_flags = fpu.xsave ? UC_FP_XSTATE : 0;
		f.uc.uc_stack = (struct compat_stack){ (uint32_t)st.ss_sp, st.ss_flags, (uint32_t)st.ss_size };
		sigcontext_from(&f.uc.uc_mcontext, tf, (uint32_t)mask, (uint32_t)fpstate);
		f.uc.uc_sigmask = mask;
		retcode(f.retcode, true);
		if (fpu_frame32_save(fpstate) < 0 || copy_to_user((void *)sp, &f, sizeof(f)) < 0)
			return false;
		enter_handler(tf, a, sp, sig);
		tf->rdx = f.pinfo;                /* -mregparm=3 handlers take them in registers */
		tf->rcx = f.puc;
	} else {
		struct compat_sigframe f = { 0 };
		if (!(sp = signal_frame_address(p, tf, a, sizeof(f), true, &st, &fpstate)) || sp + sizeof(f) > UINT32_MAX)
			return false;
		f.pretcode = pretcode(p, a, sp, offsetof(struct compat_sigframe, retcode), false);
		f.sig = sig;
		sigcontext_from(&f.sc, tf, (uint32_t)mask, (uint32_t)fpstate);
		f.extramask = (uint32_t)(mask >> 32);
		retcode(f.retcode, false);
		if (fpu_frame32_save(fpstate) < 0 || copy_to_user((void *)sp, &f, sizeof(f)) < 0)
			return false;
		enter_handler(tf, a, sp, sig);
	}
	p->restore_mask = false;
	fpu_load_init();
	signal_handler_entered(p, sig, a);
	return true;
}

/*
 * Take back the registers of sigcontext sc, checked as Linux's
 * ia32_restore_sigcontext: eflags only in the user-changeable bits, cs
 * and ss with RPL 3 whatever the user wrote (a selector that is not the
 * user's, or an eip the segment cannot reach, then faults on the way out
 * and the process alone gets SIGSEGV: trap_return, never sysexit or
 * sysretl); r8-r15 zero. gs, fs, es and ds are reloaded where they
 * changed, each with RPL 3, and one ring 3 could not load (a bad selector,
 * an empty TLS slot) becomes 0 rather than a kernel fault, as Linux's
 * reload_segments leaves it (arch/segs.h). The x87/SSE/AVX state comes back checked
 * (fpu_frame32.c): a bad one is a SIGSEGV. Returns eax, for the
 * dispatcher to store.
 */
static long restore_sigcontext(struct trap_frame *tf, const struct compat_sigcontext *sc)
{
	if (fpu_frame32_restore(sc->fpstate) < 0)
		proc_kill_fault(tf, SIGSEGV, "sigreturn with a bad x87/SSE/AVX state");
	tf->rdi = sc->edi, tf->rsi = sc->esi, tf->rbp = sc->ebp, tf->rsp = sc->esp;
	tf->rbx = sc->ebx, tf->rdx = sc->edx, tf->rcx = sc->ecx, tf->rip = sc->eip;
	tf->r8 = tf->r9 = tf->r10 = tf->r11 = tf->r12 = tf->r13 = tf->r14 = tf->r15 = 0;
	tf->rflags = (tf->rflags & ~USER_EFLAGS) | (sc->eflags & USER_EFLAGS) | RFLAGS_IF;
	tf->cs = sc->cs | 3;
	tf->ss = sc->ss | 3;
	user_segs_restore(&(struct user_sels){ .ds = sc->ds, .es = sc->es, .fs = sc->fs, .gs = sc->gs });
	tf->orig_rax = (uint64_t)-1;              /* the restored eax is no call's result: never restarted */
	current()->restart.fn = NULL;
	frame_rewritten(current());
	return sc->eax;                           /* zero-extended: never taken for -errno or a restart */
}

/* sigreturn (119): __kernel_sigreturn popped sig, the handler's ret
 * popped pretcode, so the frame starts 8 bytes below esp. */
long compat_sys_sigreturn(struct trap_frame *tf)
{
	struct proc *p = current();
	struct compat_sigframe f;

	if (copy_from_user(&f, (void *)((uint32_t)tf->rsp - 8ULL), sizeof(f)) < 0)
		proc_kill_fault(tf, SIGSEGV, "sigreturn with an unreadable frame");
	p->sig_blocked = f.sc.oldmask | (uint64_t)f.extramask << 32;
	signal_recalc(p);
	return restore_sigcontext(tf, &f.sc);
}

/* rt_sigreturn (173): the handler's ret popped pretcode, so the frame
 * starts 4 bytes below esp; the mask and the alternate stack come back too. */
long compat_sys_rt_sigreturn(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t frame = (uint32_t)tf->rsp - 4ULL;
	struct compat_ucontext uc;

	if (copy_from_user(&uc, (void *)(frame + offsetof(struct compat_rt_sigframe, uc)), sizeof(uc)) < 0)
		proc_kill_fault(tf, SIGSEGV, "rt_sigreturn with an unreadable frame");
	struct k_stack ss = { uc.uc_stack.ss_sp, uc.uc_stack.ss_flags, 0, uc.uc_stack.ss_size };
	altstack_set(p, &ss, (uint32_t)tf->rsp);  /* as it was; refused while on it (Linux ignores errors too) */
	p->sig_blocked = uc.uc_sigmask;
	signal_recalc(p);
	return restore_sigcontext(tf, &uc.uc_mcontext);
}
