/*
 * sysret.h - may the syscall stub leave through sysretq? (included by the
 * dispatcher, so the syscall entry makes one C call, not two)
 */
#ifndef ARCH_SYSRET_H
#define ARCH_SYSRET_H

#include "api/boot_info.h"
#include "arch/cpu.h"
#include "arch/frame.h"
#include "arch/percpu.h"
#include "arch/trap.h"

/* sysretq's limits, for the stub's fast checks too (asm-offsets.c): a
 * return rip below the last page of the user half, where a return is not
 * sysret-safe on every CPU; no TF or RF. */
#define SYSRET_RIP_LIMIT  (USER_TOP - 4096)
#define SYSRET_BAD_RFLAGS (RFLAGS_RF | RFLAGS_TF)
/* The flags sysexit / sysretl (the compat fast entries) cannot return
 * with: TF, RF, and NT and VM, which the sysexit path's popfq would load
 * into the kernel's flags (arch/x86_64/fast32.c). */
#define FAST32_BAD_RFLAGS (RFLAGS_TF | RFLAGS_RF | RFLAGS_NT | (1ULL << 17) /* VM */)

/*
 * May the syscall stub leave through sysretq? sysretq restores only rip
 * (from rcx), rflags (from r11) and fixed selectors, so the frame must be
 * exactly what it can express. Otherwise the stub leaves by iretq, which
 * restores the whole frame; this counts those fallbacks.
 */
static inline int syscall_sysret_ok(struct trap_frame *tf)
{
	/* sysretq jumps to rcx and loads rflags from r11: they must agree. */
	if (tf->rcx != tf->rip || tf->r11 != tf->rflags)
		goto iret;
	/* A non-canonical rcx makes Intel CPUs #GP in ring 0 with the user's
	 * rsp and GS already loaded; stay clear of the last user page too. */
	if (tf->rip >= SYSRET_RIP_LIMIT)
		goto iret;
	/* sysretq cannot load other selectors. */
	if (tf->cs != USER_CS || tf->ss != USER_DS)
		goto iret;
	/* RF cannot be restored by sysretq; TF would trap on the very first
	 * user instruction as if in the kernel's context. */
	if (tf->rflags & SYSRET_BAD_RFLAGS)
		goto iret;
	return 1;

iret:
	/* (trap_return in isr.S ends the process when even iretq cannot
	 * return, as with a non-canonical rip.) */
	this_cpu()->sysret_fallbacks++;
	return 0;
}

#endif
