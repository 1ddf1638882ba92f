/*
 * futex_hash.h - the waiting side of futex(2) without the kernel: keys,
 * the hash table of wait queues, and what FUTEX_WAKE and FUTEX_REQUEUE do
 * to them (host-tested; sys/sys_futex.c adds user memory, sleeping and
 * the system call).
 *
 * A waiter is a struct futex_q that lives on its sleeper's kernel stack:
 * queued at the tail of its key's bucket, taken off by a waker (wake: the
 * waker's callback, then the sleeper runs) or by the sleeper itself (a
 * signal, a time-out), and never left queued when that stack goes.
 * Waiters of one key wake in the order they came (FIFO), as on Linux.
 */
#ifndef LIB_FUTEX_HASH_H
#define LIB_FUTEX_HASH_H

#include <stdbool.h>
#include <stdint.h>

/* What a futex is, Linux's three kinds (kernel/futex/core.c's
 * get_futex_key). Keys of different kinds never match, even for the same
 * word: a FUTEX_PRIVATE_FLAG waiter and a shared waker on a private page
 * do not meet, on Linux neither. */
enum futex_kind {
	FUTEX_KEY_PRIVATE = 1,           /* FUTEX_PRIVATE_FLAG: (address space, user address) */
	FUTEX_KEY_MM,                    /* shared op on a private page: (address space, user address) */
	FUTEX_KEY_FRAME,                 /* shared op on a shared page: (0, physical address) */
};

struct futex_key {
	uint64_t space;                  /* the address space (struct mm *), or 0 for FUTEX_KEY_FRAME */
	uint64_t addr;                   /* the user address, or the physical one */
	uint32_t kind;                   /* enum futex_kind */
};

struct futex_bucket;

struct futex_q {
	struct futex_key key;
	uint32_t bitset;                 /* FUTEX_WAIT_BITSET's val3; never 0 */
	void *waiter;                    /* who sleeps on it (the kernel: its struct proc) */
	struct futex_q *prev, *next;     /* its bucket's list */
	struct futex_bucket *bucket;     /* where it is queued; NULL once woken or taken off */
};

/* One hash chain, oldest waiter first. One CPU with interrupts off in the
 * kernel needs no lock; with SMP a spinlock goes here, taken around every
 * look at the list (two buckets, in address order, for a requeue). */
struct futex_bucket {
	struct futex_q *head, *tail;
};

#define FUTEX_BUCKETS 256                /* a power of two; NPROC is 64 */

struct futex_table {
	struct futex_bucket bucket[FUTEX_BUCKETS];
};

/* Called for each waiter woken, after it is off its queue (q->bucket is
 * NULL): make q->waiter run. The waiter may free q once it runs. */
typedef void (*futex_wake_fn)(struct futex_q *q);

bool futex_key_eq(const struct futex_key *a, const struct futex_key *b);
/* The bucket a key hashes to. */
struct futex_bucket *futex_bucket_of(struct futex_table *t, const struct futex_key *k);
/* Queue q (its key and bitset set) at the tail of its bucket. */
void futex_enqueue(struct futex_table *t, struct futex_q *q);
/* Take q off its queue if it is still on one: true if it was (nobody
 * woke it), false if a waker took it off first. */
bool futex_dequeue(struct futex_q *q);
/* Wake the oldest waiters on k whose bitset shares a bit with bitset, up
 * to nr of them but at least one (Linux wakes one for nr <= 0 too): the
 * number woken. */
int futex_wake_key(struct futex_table *t, const struct futex_key *k, int nr, uint32_t bitset, futex_wake_fn wake);
/* Wake the oldest nr_wake waiters on from, then move up to nr_requeue more
 * to the key to (to the tail of its bucket; in place when it hashes to the
 * same one). Both counts >= 0 (the caller checks). The number woken plus
 * moved, as Linux's FUTEX_REQUEUE and FUTEX_CMP_REQUEUE return. */
int futex_requeue_key(struct futex_table *t, const struct futex_key *from, const struct futex_key *to,
		      int nr_wake, int nr_requeue, futex_wake_fn wake);
/* How many wait on k (tests, and /proc-style counts). */
int futex_waiters(struct futex_table *t, const struct futex_key *k);

#endif
