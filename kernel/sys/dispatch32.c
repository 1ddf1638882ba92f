/*
 * dispatch32.c - the i386 system-call table, for 32-bit (compat-mode)
 * callers of every entry: int $0x80 from compat mode, sysenter and
 * syscall from compat mode. Number in eax, arguments in ebx ecx edx esi
 * edi ebp (arg() reads them for a compat frame), result back in eax.
 * The table comes from kernel/syscalls_32.tbl, as the 64-bit one from
 * syscalls.tbl (dispatch.c).
 */
#include "api/errno.h"
#include "arch/frame.h"
#include "kernel.h"
#include "lib/nospec.h"
#include "lock.h"
#include "syscall.h"

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

/* The i386 numbers by name. */
enum {
#define SYSCALL32(nr, name, entry, nargs) NR32_##name = nr,
#include "syscall32_list.h"
#undef SYSCALL32
};

/* Each handler under the big kernel lock, as dispatch.c's: a thunk per
 * call, but the same few as there, which run without it. */
#define SYSCALL32(nr, name, entry, nargs) SYSCALL_LOCKED(locked32_##name, entry)
#include "syscall32_list.h"
#undef SYSCALL32
SYSCALL_LOCKED(locked32_ni_syscall, sys_ni_syscall32)

/* One slot per number, plus one past the end for every out-of-range one. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winitializer-overrides"
static const syscall_fn table32[NR32 + 1] = {
	[0 ... NR32] = locked32_ni_syscall,
#define SYSCALL32(nr, name, entry, nargs) [nr] = locked32_##name,
#include "syscall32_list.h"
#undef SYSCALL32
	[NR32_getpid] = sys_getpid,
	[NR32_gettid] = sys_gettid,
	[NR32_clock_gettime] = compat_sys_clock_gettime,
	[NR32_clock_gettime64] = sys_clock_gettime,
	[NR32_clock_getres] = compat_sys_clock_getres,
	[NR32_clock_getres_time64] = sys_clock_getres,
	[NR32_gettimeofday] = compat_sys_gettimeofday,
	[NR32_time] = compat_sys_time,
	[NR32_sched_yield] = sys_sched_yield,
};
#pragma clang diagnostic pop

const char *syscall32_name(uint64_t nr)
{
	return nr < NR32 ? names32[nr] : NULL;
}

/* The number is eax, clamped with cmov (lib/nospec.h) as on the 64-bit
 * path. (r8-r15 are zero in every compat frame: the stubs push zeros.) */
long syscall32_dispatch(struct trap_frame *tf)
{
	return table32[clamp_nospec((uint32_t)tf->rax, NR32)](tf);
}
