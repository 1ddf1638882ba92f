/* percpu.c - the (one) per-CPU area and the GS set-up (see arch/percpu.h). */
#include <stddef.h>

#include "arch/cpu.h"
#include "arch/percpu.h"

_Static_assert(offsetof(struct percpu, self) == PC_SELF, "PC_SELF");
_Static_assert(offsetof(struct percpu, kstack_top) == PC_KSTACK, "PC_KSTACK");
_Static_assert(offsetof(struct percpu, user_rsp) == PC_USER_RSP, "PC_USER_RSP");
_Static_assert(offsetof(struct percpu, current) == PC_CURRENT, "PC_CURRENT");
_Static_assert(offsetof(struct percpu, int80_calls) == PC_INT80_CALLS, "PC_INT80_CALLS");
_Static_assert(offsetof(struct percpu, syscall_calls) == PC_SYSCALL_CALLS, "PC_SYSCALL_CALLS");
_Static_assert(offsetof(struct percpu, sysret_fallbacks) == PC_SYSRET_FALLBACKS, "PC_SYSRET_FALLBACKS");
_Static_assert(offsetof(struct percpu, exit_work) == PC_EXIT_WORK, "PC_EXIT_WORK");
_Static_assert(offsetof(struct percpu, dispatch) == PC_DISPATCH, "PC_DISPATCH");
_Static_assert(offsetof(struct percpu, int80_32_calls) == PC_INT80_32_CALLS, "PC_INT80_32_CALLS");
_Static_assert(offsetof(struct percpu, sysenter_calls) == PC_SYSENTER_CALLS, "PC_SYSENTER_CALLS");
_Static_assert(offsetof(struct percpu, syscall32_calls) == PC_SYSCALL32_CALLS, "PC_SYSCALL32_CALLS");

static struct percpu cpu0;

void percpu_init(void)
{
	cpu0.self = &cpu0;
	wrmsr(MSR_GS_BASE, (uint64_t)&cpu0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);      /* the first user process starts with GS.base 0 */
}
