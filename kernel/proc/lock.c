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

/* kernel_lock's slow path: lockdep's check that nothing is held (the big
 * lock is rank 1, and never on the held stack: the sleep check allows it
 * anyway), then the wait for our ticket, answering TLB shootdowns. */
void kernel_lock_wait(unsigned me, uint32_t ticket)
{
#ifdef LOCKDEP
	if (lockdep_nheld[me])
		panic("lockdep: kernel_lock (rank 1) taken while holding %s (rank %d): against the order in lock.h",
		      held[me][0]->name, held[me][0]->rank);
#endif
	while (__atomic_load_n(&bkl.serving, __ATOMIC_ACQUIRE) != ticket) {
		pause();
		tlb_poll();                       /* the holder may be waiting for us (mm/tlb.c) */
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
