/*
 * lock.h - the kernel's locks, and the order they are taken in.
 *
 * Kernel code was written for one CPU with interrupts off; with several
 * CPUs it runs under one lock, the big kernel lock (Linux 2.0's model,
 * xv6's ptable lock grown to the whole kernel):
 *
 *   - every way into the kernel from user mode (system calls, exceptions,
 *     interrupts) takes it, and the way back to user mode lets it go;
 *     a few calls that only read the caller's own thread (getpid,
 *     gettid: sys/dispatch.c), the clock calls, and sched_yield while
 *     the run queue is empty run without it, so that they scale;
 *   - it is held across a context switch: a thread that sleeps (sched())
 *     hands it to its CPU's scheduler, which hands it to the next thread;
 *     each thread keeps its own nesting depth across the switch;
 *   - a CPU that waits for it spins a little with interrupts off,
 *     answering TLB shootdowns while it waits (mm/tlb.c), so the holder
 *     may wait for every CPU's answer without a deadlock; then it halts
 *     until the CPU that serves its ticket wakes it with an IPI (so a
 *     waiting vCPU gives its host core to the holder: lock.c).
 *
 * Spinlocks beside it, for what runs without the big lock (printing from
 * any CPU, a panic). The order (a lock may only be taken while holding
 * locks of lower rank; LOCKDEP builds check it on every acquire):
 *
 *   rank 1  kernel_lock   the big kernel lock (recursive on one CPU)
 *   rank 2  console_lock  kprintf's lines whole (console.c)
 *
 * A sleep (sched()) with any spinlock held but the big lock is a bug that
 * a LOCKDEP build catches too (panic "sleeping with ... held").
 */
#ifndef LOCK_H
#define LOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/percpu.h"

#ifdef LOCKDEP
#define LOCKDEP_ON 1
#else
#define LOCKDEP_ON 0
#endif

struct spinlock {
	volatile uint32_t next, serving;  /* a ticket lock: taken in order of arrival */
	const char *name;
	int rank;                         /* the order above */
	int owner;                        /* the CPU holding it, -1 none */
};

#define SPINLOCK_INIT(n, r) { 0, 0, n, r, -1 }

void spin_lock(struct spinlock *l);
void spin_unlock(struct spinlock *l);
bool spin_held(const struct spinlock *l);   /* by this CPU */

/* The big kernel lock: recursive on one CPU (a page fault inside a
 * system call takes it again). Every system call takes it, so its fast
 * paths are inline: a nested take, and a ticket served at once; waiting
 * (and lockdep's check) is kernel_lock_wait's. Its owner is only ever this
 * CPU's index while this CPU holds it (set after taking, cleared before
 * letting go), so one compare tells a nested take from a new one. */
struct big_lock {
	volatile uint32_t next, serving;
	volatile int owner;                /* the CPU holding it, -1 none */
	int depth;                         /* its nesting there */
};
extern struct big_lock bkl;
extern int lockdep_nheld[];                /* spinlocks each CPU holds (lockdep) */
extern volatile uint32_t bkl_halted;       /* how many CPUs halt for it (lock.c) */
void kernel_lock_wait(unsigned me, uint32_t ticket);
void kernel_lock_wake(uint32_t ticket);
bool kernel_locked(void);                  /* by this CPU */

static inline void kernel_lock(void)
{
	unsigned me;

	__asm__("movl %%gs:%c1, %0" : "=r"(me) : "i"(__builtin_offsetof(struct percpu, cpu)));
	if (bkl.owner == (int)me) {
		bkl.depth++;
		return;
	}
	uint32_t ticket = __atomic_fetch_add(&bkl.next, 1, __ATOMIC_ACQUIRE);
	if (__builtin_expect(bkl.serving != ticket || (LOCKDEP_ON && lockdep_nheld[me]), 0))
		kernel_lock_wait(me, ticket);      /* wait for it (or lockdep's panic) */
	bkl.owner = (int)me;
	bkl.depth = 1;
}

static inline void kernel_unlock(void)
{
	if (--bkl.depth)
		return;
	bkl.owner = -1;
	uint32_t next = bkl.serving + 1;
	/* A full barrier (xchg) between serving the next ticket and looking
	 * for halted waiters: the waiter's side is the mirror image (lock.c). */
	__atomic_store_n(&bkl.serving, next, __ATOMIC_SEQ_CST);
	if (__builtin_expect(bkl_halted != 0, 0))
		kernel_lock_wake(next);
}
/* Around a context switch: the depth the switching thread holds it at,
 * put back when it runs again (the lock itself stays with the CPU). */
int kernel_lock_depth(void);
void kernel_lock_set_depth(int depth);
/* Let go of it whatever the depth (a new thread's first way to user
 * mode, a panic). */
void kernel_unlock_all(void);

/* lockdep: sched() asks that nothing but the big lock is held. */
void lockdep_assert_may_sleep(void);

#endif
