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

/* Each CPU's held spinlocks, in the order taken (lockdep). */
static struct {
	const struct spinlock *held[MAX_HELD];
	int n;
} held[MAX_CPUS];

static struct spinlock bkl = SPINLOCK_INIT("kernel_lock", 1);
static int bkl_depth;                     /* only its holder touches it */

static void lockdep_acquire(const struct spinlock *l)
{
#ifdef LOCKDEP
	unsigned c = cpu_id();

	for (int i = 0; i < held[c].n; i++)
		if (held[c].held[i]->rank >= l->rank)
			panic("lockdep: %s (rank %d) taken while holding %s (rank %d): against the order in lock.h",
			      l->name, l->rank, held[c].held[i]->name, held[c].held[i]->rank);
	if (held[c].n == MAX_HELD)
		panic("lockdep: more than %d locks held", MAX_HELD);
	held[c].held[held[c].n++] = l;
#else
	(void)l;
#endif
}

static void lockdep_release(const struct spinlock *l)
{
#ifdef LOCKDEP
	unsigned c = cpu_id();

	if (held[c].n == 0 || held[c].held[held[c].n - 1] != l)
		panic("lockdep: %s let go out of order, or not held", l->name);
	held[c].n--;
#else
	(void)l;
#endif
}

void lockdep_assert_may_sleep(void)
{
#ifdef LOCKDEP
	unsigned c = cpu_id();

	if (held[c].n)                            /* (the big lock is never on the stack) */
		panic("lockdep: sleeping with %s held", held[c].held[0]->name);
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

/* The big kernel lock is a ticket lock of its own, lean because every
 * system call takes it: its owner is only ever this CPU's index when this
 * CPU holds it (set after taking, cleared before letting go), so one
 * compare tells a nested take from a new one. For lockdep it is rank 1:
 * taken with no spinlock held, and never pushed on the held stack (the
 * sleep check allows it anyway). */
void kernel_lock(void)
{
	unsigned me = cpu_id();

	if (bkl.owner == (int)me) {
		bkl_depth++;
		return;
	}
#ifdef LOCKDEP
	if (held[me].n)
		panic("lockdep: kernel_lock (rank 1) taken while holding %s (rank %d): against the order in lock.h",
		      held[me].held[0]->name, held[me].held[0]->rank);
#endif
	uint32_t ticket = __atomic_fetch_add(&bkl.next, 1, __ATOMIC_RELAXED);
	while (__atomic_load_n(&bkl.serving, __ATOMIC_ACQUIRE) != ticket) {
		pause();
		tlb_poll();                       /* the holder may be waiting for us (mm/tlb.c) */
	}
	bkl.owner = (int)me;
	bkl_depth = 1;
}

void kernel_unlock(void)
{
	if (--bkl_depth)
		return;
	bkl.owner = -1;
	__atomic_store_n(&bkl.serving, bkl.serving + 1, __ATOMIC_RELEASE);
}

bool kernel_locked(void) { return bkl.owner == (int)cpu_id(); }

int kernel_lock_depth(void) { return bkl_depth; }

void kernel_lock_set_depth(int depth) { bkl_depth = depth; }

void kernel_unlock_all(void)
{
	if (!kernel_locked())
		return;
	bkl_depth = 1;
	kernel_unlock();
}
