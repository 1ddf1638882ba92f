/*
 * asm-offsets.c - every number the assembly stubs need, taken from the C
 * headers that define it (Linux's asm-offsets): the trap frame's and the
 * per-CPU area's field offsets, the selectors, vectors, flag bits and
 * errno values. Compiled to assembly only (-S, never linked);
 * scripts/gen-asm-offsets.sh turns its "->NAME value" lines into the
 * generated asm_offsets.h, which arch/frame.h includes for .S files. So
 * assembly and C cannot disagree, and nothing is written down twice.
 */
#include <stddef.h>

#include "api/errno.h"
#include "arch/cpu.h"
#include "arch/frame.h"
#include "arch/percpu.h"
#include "arch/sysret.h"
#include "arch/trap.h"

#define DEFINE(sym, val) __asm__ volatile("\n.ascii \"->" #sym " %c0\"" : : "i"((long)(val)))
#define OFFSET(sym, str, member) DEFINE(sym, offsetof(struct str, member))

void asm_offsets(void);

void asm_offsets(void)
{
	/* struct trap_frame (arch/trap.h) */
	OFFSET(TF_R11, trap_frame, r11);
	OFFSET(TF_RCX, trap_frame, rcx);
	OFFSET(TF_RBP, trap_frame, rbp);
	OFFSET(TF_RAX, trap_frame, rax);
	OFFSET(TF_VECTOR, trap_frame, vector);
	OFFSET(TF_RIP, trap_frame, rip);
	OFFSET(TF_CS, trap_frame, cs);
	OFFSET(TF_RFLAGS, trap_frame, rflags);
	OFFSET(TF_RSP, trap_frame, rsp);
	OFFSET(TF_SS, trap_frame, ss);

	/* struct percpu (arch/percpu.h) */
	OFFSET(PC_KSTACK, percpu, kstack_top);
	OFFSET(PC_USER_RSP, percpu, user_rsp);
	OFFSET(PC_INT80_CALLS, percpu, int80_calls);
	OFFSET(PC_SYSCALL_CALLS, percpu, syscall_calls);
	OFFSET(PC_INT80_32_CALLS, percpu, int80_32_calls);
	OFFSET(PC_SYSENTER_CALLS, percpu, sysenter_calls);
	OFFSET(PC_SYSCALL32_CALLS, percpu, syscall32_calls);
	OFFSET(PC_EXIT_WORK, percpu, exit_work);
	OFFSET(PC_DISPATCH, percpu, dispatch);
	OFFSET(PC_DISPATCH32, percpu, dispatch32);
	OFFSET(PC_FAST32_PAD, percpu, fast32_pad);

	/* selectors (arch/trap.h) and the vectors the stubs store (arch/frame.h) */
	DEFINE(USER_CS, USER_CS);
	DEFINE(USER32_CS, USER32_CS);
	DEFINE(USER_DS, USER_DS);
	DEFINE(VEC_INT80, VEC_INT80);
	DEFINE(VEC_SYSCALL_INSN, VEC_SYSCALL_INSN);
	DEFINE(VEC_SYSENTER, VEC_SYSENTER);
	DEFINE(VEC_SYSCALL32, VEC_SYSCALL32);

	/* flags (arch/cpu.h) and sysretq's limits (arch/sysret.h) */
	DEFINE(RFLAGS_TF, RFLAGS_TF);
	DEFINE(RFLAGS_NT, RFLAGS_NT);
	DEFINE(RFLAGS_AC, RFLAGS_AC);
	DEFINE(RFLAGS_DF, RFLAGS_DF);
	DEFINE(DR6_RESET, DR6_RESET);
	DEFINE(SYSRET_RIP_LIMIT, SYSRET_RIP_LIMIT);
	DEFINE(SYSRET_BAD_RFLAGS, SYSRET_BAD_RFLAGS);
	DEFINE(FAST32_BAD_RFLAGS, FAST32_BAD_RFLAGS);
	DEFINE(RFLAGS_IF, RFLAGS_IF);

	/* errno values (api/errno.h) */
	DEFINE(EFAULT, EFAULT);
}
