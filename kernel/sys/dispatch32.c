/*
 * dispatch32.c - the i386 system-call table, for 32-bit (compat-mode)
 * callers of every entry: int $0x80 from compat mode, sysenter and
 * syscall from compat mode. Number in eax, arguments in ebx ecx edx esi
 * edi ebp (arg() reads them for a compat frame), result back in eax.
 * The table comes from kernel/syscalls_32.tbl, as the 64-bit one from
 * syscalls.tbl (dispatch.c).
 */
#include "api/errno.h"
#include "api/signal.h"
#include "arch/cpu.h"
#include "arch/frame.h"
#include "arch/percpu.h"
#include "kernel.h"
#include "lib/nospec.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "vdso32.h"

/* Every i386 call's name, the kernel's and the missing ones alike; its
 * length is the number of i386 calls (NR_SYSCALLS32: 1 + the last one). */
static const char *const names32[] = {
#define SYSCALL32(nr, name, entry, nargs) [nr] = #name,
#include "syscall32_list.h"
#undef SYSCALL32
#define SYSCALL32_NI(nr, name) [nr] = #name,
#include "syscall32_ni_list.h"
#undef SYSCALL32_NI
};
#define NR32 (sizeof(names32) / sizeof(names32[0]))

/* -ENOSYS, and the call named once as i386 (dispatch.c's rules). */
static long sys_ni_syscall32(struct trap_frame *tf)
{
	uint64_t nr = (uint32_t)tf->rax;

	syscall_ni_report(nr, nr < NR32 ? names32[nr] : NULL, " i386");
	return -ENOSYS;
}

/* One slot per number, plus one past the end for every out-of-range one. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winitializer-overrides"
static const syscall_fn table32[NR32 + 1] = {
	[0 ... NR32] = sys_ni_syscall32,
#define SYSCALL32(nr, name, entry, nargs) [nr] = entry,
#include "syscall32_list.h"
#undef SYSCALL32
};
#pragma clang diagnostic pop

const char *syscall32_name(uint64_t nr)
{
	return nr < NR32 ? names32[nr] : NULL;
}

/* The number is eax, clamped with cmov (lib/nospec.h) as on the 64-bit
 * path. r8-r15 are not part of the i386 ABI: they leave zeroed, so nothing
 * from the kernel or from the process's 64-bit days reaches a 32-bit
 * program (Linux's compat entries push zeros for them). */
static void clear_r8_r15(struct trap_frame *tf)
{
	tf->r8 = tf->r9 = tf->r10 = tf->r11 = 0;
	tf->r12 = tf->r13 = tf->r14 = tf->r15 = 0;
}

long syscall32_dispatch(struct trap_frame *tf)
{
	clear_r8_r15(tf);
	if (tf->vector == VEC_INT80)
		this_cpu()->int80_32_calls++;
	return table32[clamp_nospec((uint32_t)tf->rax, NR32)](tf);
}

/*
 * May the fast entry leave by sysexit / sysretl? They load only eip (the
 * landing pad), esp (sysexit) and fixed selectors, and restore no RF, so
 * the frame must be exactly what they can express (Linux's checks in
 * do_fast_syscall_32); else the stub leaves by iretq, counted here.
 */
static int fast32_return_ok(struct trap_frame *tf, uint64_t landing_pad)
{
	/* A handler to run, sigreturn, a restart (rip - 2) moved it. */
	if (tf->rip != landing_pad)
		goto iret;
	if (tf->cs != USER32_CS || tf->ss != USER_DS)
		goto iret;
	/* sysexit takes a 32-bit esp; sysretl leaves rsp as the stub sets it. */
	if (tf->rsp > UINT32_MAX)
		goto iret;
	/* TF would trap in the kernel's context after sysretl (and sysexit
	 * restores flags by popfq); RF cannot be restored; NT and VM must
	 * not be loaded into the kernel's flags by that popfq. */
	if (tf->rflags & (RFLAGS_TF | RFLAGS_RF | RFLAGS_NT | (1ULL << 17) /* VM */))
		goto iret;
	return 1;

iret:
	if (tf->vector == VEC_SYSENTER)
		this_cpu()->sysexit_fallbacks++;
	else
		this_cpu()->sysretl_fallbacks++;
	return 0;
}

/*
 * The C half of the sysenter and compat-syscall stubs (entry.S; Linux's
 * do_fast_syscall_32). Make the frame what an int $0x80 at the vDSO's
 * landing pad would have saved: rip = the landing pad (so a restart,
 * rip - 2, re-enters by that int $0x80), rsp = the user esp (sysenter:
 * from ebp), ecx = arg 2 (compat syscall: from ebp), ebp = arg 6, read
 * from the user stack at esp with a checked copy (a fault: -EFAULT, and
 * the landing pad's pops then fault too: SIGSEGV, as on Linux). Then the
 * call and the way-out work. Returns whether sysexit / sysretl may return.
 */
int do_fast_syscall32(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t landing_pad = p->vdso_base + VDSO32_SYM_int80_landing_pad;
	uint32_t arg6;

	/* A 64-bit program (in 64-bit mode, or far-jumped to compat mode) has
	 * no 32-bit vDSO to come back to: it ends as if the instruction did
	 * not exist, as sysenter does on AMD CPUs. */
	if (!p->compat)
		proc_kill_fault(tf, SIGILL, tf->vector == VEC_SYSENTER ? "sysenter from a 64-bit program"
									: "compat syscall from a 64-bit program");
	if (tf->vector == VEC_SYSENTER) {
		tf->rflags |= RFLAGS_IF;           /* sysenter cleared it; user mode always has it */
		tf->rsp = (uint32_t)tf->rbp;
	} else {
		tf->rcx = (uint32_t)tf->rbp;
	}
	tf->rip = landing_pad;
	if (copy_from_user(&arg6, (const void *)(uint64_t)(uint32_t)tf->rsp, sizeof(arg6)) < 0) {
		clear_r8_r15(tf);
		tf->rax = -EFAULT;
	} else {
		tf->rbp = arg6;
		tf->rax = this_cpu()->dispatch(tf);
	}
	if (cpu_exit_work())
		exit_work(tf);
	return fast32_return_ok(tf, landing_pad);
}
