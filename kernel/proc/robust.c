/*
 * robust.c - the robust futex list at a thread's end (Linux's
 * exit_robust_list, futex(2) and set_robust_list(2)): glibc and musl keep
 * a list of the robust mutexes a thread holds; when the thread ends, each
 * lock word still naming it as owner gets FUTEX_OWNER_DIED (its waiters
 * bit kept) and, if someone waits, one waiter is woken, who then finds
 * the mutex EOWNERDEAD instead of waiting for ever.
 *
 * The list, in the thread's memory (pointers word bytes wide: 8, or 4 for
 * an i386 program):
 *   head:  { list, futex_offset, list_op_pending }
 *   entry: { next }, its lock word at entry + futex_offset
 * The list is circular through the head. Bit 0 of an entry pointer marks
 * a PI mutex (no PI futexes here: such entries are only walked past).
 * Bad memory, a loop, or more than ROBUST_LIST_LIMIT entries end the walk
 * quietly, as on Linux.
 */
#include "futex.h"
#include "kernel.h"
#include "proc.h"
#include "uaccess.h"

#define ROBUST_LIST_LIMIT 2048
#define FUTEX_WAITERS     0x80000000u
#define FUTEX_OWNER_DIED  0x40000000u
#define FUTEX_TID_MASK    0x3fffffffu

/* Read a word-byte pointer (or offset, sign-extended) at user address a. */
static int read_word(uint64_t a, size_t word, int64_t *v)
{
	if (word == 8)
		return copy_from_user(v, (const void *)a, 8) < 0 ? -1 : 0;
	int32_t w;
	if (copy_from_user(&w, (const void *)a, 4) < 0)
		return -1;
	*v = w;
	return 0;
}

/* Linux's handle_futex_death: the lock word at uaddr, owned by tid that
 * ended. pending: the entry was in list_op_pending (being taken or let go). */
static void owner_died(struct proc *t, uint64_t uaddr, bool pending)
{
	uint32_t v, seen;

	if ((uaddr & 3) || copy_from_user(&v, (const void *)uaddr, 4) < 0)
		return;
	if (pending && v == 0) {                  /* let go, not yet woken: wake one, as Linux */
		futex_wake_addr(t->mm, uaddr, 1);
		return;
	}
	/* Other threads may change the word meanwhile, on other CPUs: a
	 * compare-and-exchange, again until it holds still (Linux's loop). */
	for (int tries = 0; tries < 64; tries++) {
		if ((v & FUTEX_TID_MASK) != (uint32_t)t->pid)
			return;
		seen = v;
		if (cmpxchg_user32(uaddr, &seen, (v & FUTEX_WAITERS) | FUTEX_OWNER_DIED) < 0)
			return;
		if (seen == v)
			break;                    /* ours now says the owner died */
		v = seen;
	}
	if (v & FUTEX_WAITERS)
		futex_wake_addr(t->mm, uaddr, 1);
}

void robust_list_exit(struct proc *t)
{
	size_t word = t->compat ? 4 : 8;
	uint64_t head = t->robust_list;
	int64_t entry, offset, pending, next;

	t->robust_list = 0;
	if (!head || read_word(head, word, &entry) < 0 || read_word(head + word, word, &offset) < 0 ||
	    read_word(head + 2 * word, word, &pending) < 0)
		return;
	if (word == 4)
		entry = (uint32_t)entry, pending = (uint32_t)pending;
	for (int n = 0; (uint64_t)entry != head && n < ROBUST_LIST_LIMIT; n++) {
		if (read_word((uint64_t)entry & ~1ULL, word, &next) < 0)
			return;
		if (word == 4)
			next = (uint32_t)next;
		/* The pending one is looked at last, once. */
		if (entry != pending && !(entry & 1))
			owner_died(t, ((uint64_t)entry & ~1ULL) + offset, false);
		entry = next;
	}
	if (pending && !(pending & 1))
		owner_died(t, ((uint64_t)pending & ~1ULL) + offset, true);
}
