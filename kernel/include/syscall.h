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

/* Argument n (0..5) of the call in tf: rdi rsi rdx r10 r8 r9. */
static inline uint64_t arg(const struct trap_frame *tf, int n)
{
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

extern const char *const syscall_names[NR_SYSCALLS];  /* every Linux call's name; NULL for numbers Linux lacks */

void syscall_init(void);                           /* arch: MSRs for the syscall instruction */
long syscall_dispatch(struct trap_frame *tf);      /* both stubs call it and store the result in tf->rax */
/* sys/ring.c: the ring of the last system calls, on unless syscall_ring=off. */
void syscall_ring_init(void);                      /* choose percpu.dispatch */
void syscall_ring_dump(void);                      /* for panic() */

/* The syscall stub's slow way out (percpu.exit_work set, or the fast
 * checks failed): exit_work(), then may the frame leave by sysretq? */
int syscall_exit_slow(struct trap_frame *tf);

#endif
