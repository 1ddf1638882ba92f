/*
 * restart.h - restarting system calls after a signal (Linux's model,
 * proc/restart.c). A call that a signal interrupts returns one of these
 * kernel-internal codes; on the way back to user mode the signal code turns
 * it into -EINTR or into running the call again, so user mode never sees
 * them (docs/abi.md, "Restarting system calls").
 */
#ifndef RESTART_H
#define RESTART_H

#include <stdint.h>

#include "api/signal.h"
#include "arch/trap.h"

#define ERESTARTSYS           512   /* restart if the handler has SA_RESTART (or none runs) */
#define ERESTARTNOINTR        513   /* always restart */
#define ERESTARTNOHAND        514   /* restart only if no handler runs */
#define ERESTART_RESTARTBLOCK 516   /* no handler: restart_syscall, which runs restart_block.fn */

/* What restart_syscall (219) goes on with: fn and its saved arguments. */
struct restart_block {
	long (*fn)(struct restart_block *r);
	uint64_t arg[4];
};

/* Set the current process's restart block to fn(args): -ERESTART_RESTARTBLOCK. */
long restart_set(long (*fn)(struct restart_block *), uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3);
/* On the way back to user mode after a system call that returned a restart
 * code: a is the handler about to run, or NULL when none runs. */
void syscall_restart(struct trap_frame *tf, const struct k_sigaction *a);

#endif
