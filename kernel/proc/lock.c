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

	for (int i = 0; i < held[c].n; i++)
		if (held[c].held[i] != &bkl)
			panic("lockdep: sleeping with %s held", held[c].held[i]->name);
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

void kernel_lock(void)
{
	if (spin_held(&bkl)) {
		bkl_depth++;
		return;
	}
	spin_lock(&bkl);
	bkl_depth = 1;
}

void kernel_unlock(void)
{
	if (--bkl_depth == 0)
		spin_unlock(&bkl);
}

bool kernel_locked(void) { return spin_held(&bkl); }

int kernel_lock_depth(void) { return bkl_depth; }

void kernel_lock_set_depth(int depth) { bkl_depth = depth; }

void kernel_unlock_all(void)
{
	if (!spin_held(&bkl))
		return;
	bkl_depth = 0;
	spin_unlock(&bkl);
}
