/*
 * syscall.h - what system-call handlers see.
 *
 * Every handler is `long sys_x(struct trap_frame *tf)`, returns its result
 * or -errno, and reads its arguments with arg(tf, n). The prototypes and
 * the dispatch table come from kernel/syscalls.tbl (syscall_list.h is
 * generated into the build tree).
 */
#ifndef SYSCALL_H
#define SYSCALL_H

#include <stdint.h>

#include "arch/trap.h"
#include "sys/syscall.h"

typedef long (*syscall_fn)(struct trap_frame *tf);

/* A handler's thunk that runs it under the big kernel lock (lock.h), for
 * the dispatch tables (dispatch.c, dispatch32.c). */
#define SYSCALL_LOCKED(thunk, entry) \
	static long thunk(struct trap_frame *tf) { kernel_lock(); long r = entry(tf); kernel_unlock(); return r; }

/* Argument n (0..5) of the call in tf: rdi rsi rdx r10 r8 r9, or for a
 * compat (32-bit) caller ebx ecx edx esi edi ebp, zero-extended (a compat
 * handler that needs a signed value casts: (int32_t)arg(tf, n)). */
static inline uint64_t arg(const struct trap_frame *tf, int n)
{
	if (__builtin_expect(frame_is_compat(tf), 0)) {
		switch (n) {
		case 0: return (uint32_t)tf->rbx;
		case 1: return (uint32_t)tf->rcx;
		case 2: return (uint32_t)tf->rdx;
		case 3: return (uint32_t)tf->rsi;
		case 4: return (uint32_t)tf->rdi;
		default: return (uint32_t)tf->rbp;
		}
	}
	switch (n) {
	case 0: return tf->rdi;
	case 1: return tf->rsi;
	case 2: return tf->rdx;
	case 3: return tf->r10;
	case 4: return tf->r8;
	default: return tf->r9;
	}
}

#define SYSCALL(nr, name, entry, nargs) long entry(struct trap_frame *tf);
#include "syscall_list.h"
#undef SYSCALL
/* The i386 table's own entries (compat_sys_*; its sys_* ones are declared above). */
#define SYSCALL32(nr, name, entry, nargs) long entry(struct trap_frame *tf);
#include "syscall32_list.h"
#undef SYSCALL32

extern const char *const syscall_names[NR_SYSCALLS];  /* every Linux call's name; NULL for numbers Linux lacks */

void syscall_init(void);                           /* arch, once: the entries every CPU will have */
void syscall_cpu_init(void);                       /* arch, each CPU: their MSRs and dispatchers */
long syscall_dispatch(struct trap_frame *tf);      /* every stub calls it and stores the result in tf->rax */
long syscall32_dispatch(struct trap_frame *tf);    /* the i386 table (dispatch32.c), for compat frames */
const char *syscall32_name(uint64_t nr);           /* an i386 call's name, or NULL */
/* Name an unimplemented Linux call on the console, once per process (abi "" or " i386"). */
void syscall_ni_report(uint64_t nr, const char *name, const char *abi);
/* sys/ring.c: the ring of the last system calls, on unless syscall_ring=off. */
void syscall_ring_init(void);                      /* once: ring on or off (syscall_ring=) */
void syscall_ring_cpu_init(void);                  /* each CPU: percpu.dispatch to match */
void syscall_ring_dump(void);                      /* for panic() */

/* The syscall stub's slow way out (percpu.exit_work set, or the fast
 * checks failed): exit_work(), then may the frame leave by sysretq? */
int syscall_exit_slow(struct trap_frame *tf);
/* The sysenter and compat-syscall stubs' C side (arch/x86_64/fast32.c). */
struct proc;
uint64_t fast32_landing_pad(const struct proc *p);        /* their return eip in p, 0: none */
void fast32_bad_mode(struct trap_frame *tf) __attribute__((noreturn));  /* SIGILL a 64-bit caller */
int fast32_exit_slow(struct trap_frame *tf);              /* exit work; may sysexit/sysretl return? */

#endif
