/*
 * lock.c - ticket spinlocks, the big kernel lock, and a small lockdep
 * (lock.h has the model and the lock order).
 *
 * lockdep (built in with -DLOCKDEP, the default: CMake option
 * TRAPDOOR_LOCKDEP) keeps each CPU's stack of held spinlocks; taking a
 * lock whose rank is not above every held one, or sleeping with one held
 * (other than the big lock), panics with both names.
 */
#include "arch/cpu.h"
#include "arch/percpu.h"
#include "arch/smp.h"
#include "arch/trap.h"
#include "kernel.h"
#include "lock.h"
#include "mm/tlb.h"

#define MAX_HELD 8

/* Each CPU's held spinlocks, in the order taken (lockdep), and how many. */
static const struct spinlock *held[MAX_CPUS][MAX_HELD];
int lockdep_nheld[MAX_CPUS];


static void lockdep_acquire(const struct spinlock *l)
{
#ifdef LOCKDEP
	unsigned c = cpu_id();

	for (int i = 0; i < lockdep_nheld[c]; i++)
		if (held[c][i]->rank >= l->rank)
			panic("lockdep: %s (rank %d) taken while holding %s (rank %d): against the order in lock.h",
			      l->name, l->rank, held[c][i]->name, held[c][i]->rank);
	if (lockdep_nheld[c] == MAX_HELD)
		panic("lockdep: more than %d locks held", MAX_HELD);
	held[c][lockdep_nheld[c]++] = l;
#else
	(void)l;
#endif
}

static void lockdep_release(const struct spinlock *l)
{
#ifdef LOCKDEP
	unsigned c = cpu_id();

	if (lockdep_nheld[c] == 0 || held[c][lockdep_nheld[c] - 1] != l)
		panic("lockdep: %s let go out of order, or not held", l->name);
	lockdep_nheld[c]--;
#else
	(void)l;
#endif
}

void lockdep_assert_may_sleep(void)
{
#ifdef LOCKDEP
	unsigned c = cpu_id();

	if (lockdep_nheld[c])                     /* (the big lock is never on the stack) */
		panic("lockdep: sleeping with %s held", held[c][0]->name);
#endif
}

void spin_lock(struct spinlock *l)
{
	lockdep_acquire(l);
	uint32_t ticket = __atomic_fetch_add(&l->next, 1, __ATOMIC_RELAXED);
	while (__atomic_load_n(&l->serving, __ATOMIC_ACQUIRE) != ticket) {
		pause();
		tlb_poll();                       /* the holder may be waiting for us (mm/tlb.c) */
	}
	l->owner = (int)cpu_id();
}

void spin_unlock(struct spinlock *l)
{
	lockdep_release(l);
	l->owner = -1;
	__atomic_store_n(&l->serving, l->serving + 1, __ATOMIC_RELEASE);
}

bool spin_held(const struct spinlock *l)
{
	return l->owner == (int)cpu_id() && l->next != l->serving;
}

struct big_lock bkl = { 0, 0, -1, 0 };

/*
 * Waiting by halting. A vCPU that spins for the lock burns a host core
 * the holder may need: with more vCPUs than host cores (4 on a 2-core
 * machine) the holder's thread waits behind the spinners, and every
 * system call gets many times slower. So a waiter spins only briefly,
 * then halts until the CPU that serves its ticket sends it an IPI:
 *
 *   waiter                                 kernel_unlock
 *   bkl_halted++; halted_for[me] = ticket  serving = next       (xchg)
 *   (full barrier)                         (full barrier)
 *   serving == ticket? then do not halt    bkl_halted? then IPI each CPU
 *                                          whose halted_for is next
 *
 * Both sides store, then load what the other stored: with a full barrier
 * between, at least one sees the other's store, so a waiter never
 * sleeps through its turn. The IPI (VEC_LOCK_WAKE, whose handler only
 * acknowledges it) waits in the LAPIC until the waiter's sti; the
 * instruction after sti, hlt, still runs first, and the IPI wakes it.
 * While halted the waiter lets in only priority class 15: TPR (CR8) 14
 * holds back every vector below 0xf0: the timer and devices, whose
 * handlers would take the lock again and queue behind our own ticket,
 * and VEC_RESCHEDULE, which must find the CPU back in user mode as with
 * interrupts off. The TLB shootdown IPI (0xf1) still comes in and is
 * answered.
 */
#define SPINS_BEFORE_HALT 128
#define TPR_IPIS_ONLY 14                    /* CR8: only vectors 0xf0..0xff */

volatile uint32_t bkl_halted;
static volatile uint64_t halted_for[MAX_CPUS];  /* 1 << 32 | ticket, 0 none */

/* Halt until our ticket may be served: back with interrupts as they were. */
static void halt_for_ticket(unsigned me, uint32_t ticket)
{
	uint64_t flags = read_rflags();

	__atomic_fetch_add(&bkl_halted, 1, __ATOMIC_SEQ_CST);
	__atomic_store_n(&halted_for[me], 1ULL << 32 | ticket, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&bkl.serving, __ATOMIC_SEQ_CST) != ticket) {
		write_cr8(TPR_IPIS_ONLY);
		sti();
		hlt();                            /* (the IPI, or a shootdown) */
		cli();
		write_cr8(0);
	}
	__atomic_store_n(&halted_for[me], 0, __ATOMIC_RELAXED);
	__atomic_fetch_sub(&bkl_halted, 1, __ATOMIC_SEQ_CST);
	if (flags & RFLAGS_IF)
		sti();
}

/* kernel_unlock found halted waiters: wake the one whose ticket is next. */
void kernel_lock_wake(uint32_t ticket)
{
	for (unsigned c = 0; c < ncpus_online; c++)
		if (__atomic_load_n(&halted_for[c], __ATOMIC_SEQ_CST) == (1ULL << 32 | ticket))
			lapic_send_ipi(cpus[c].apic_id, VEC_LOCK_WAKE);
}

/* kernel_lock's slow path: lockdep's check that nothing is held (the big
 * lock is rank 1, and never on the held stack: the sleep check allows it
 * anyway), then the wait for our ticket: spinning, answering TLB
 * shootdowns, then halting (above). */
void kernel_lock_wait(unsigned me, uint32_t ticket)
{
#ifdef LOCKDEP
	if (lockdep_nheld[me])
		panic("lockdep: kernel_lock (rank 1) taken while holding %s (rank %d): against the order in lock.h",
		      held[me][0]->name, held[me][0]->rank);
#endif
	for (unsigned spins = 0; __atomic_load_n(&bkl.serving, __ATOMIC_ACQUIRE) != ticket; spins++) {
		if (spins < SPINS_BEFORE_HALT) {
			pause();
			tlb_poll();               /* the holder may be waiting for us (mm/tlb.c) */
		} else {
			halt_for_ticket(me, ticket);
		}
	}
}

bool kernel_locked(void) { return bkl.owner == (int)cpu_id(); }

int kernel_lock_depth(void) { return bkl.depth; }

void kernel_lock_set_depth(int depth) { bkl.depth = depth; }

void kernel_unlock_all(void)
{
	if (!kernel_locked())
		return;
	bkl.depth = 1;
	kernel_unlock();
}
