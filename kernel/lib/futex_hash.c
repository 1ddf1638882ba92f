/*
 * futex_hash.c - futex wait queues: a fixed table of buckets, each a
 * doubly linked FIFO of the waiters whose keys hash there (see
 * lib/futex_hash.h). Pure list work, so it is tested on the host
 * (kernel/tests/test_futex_hash.c).
 */
#include <stddef.h>

#include "lib/futex_hash.h"

bool futex_key_eq(const struct futex_key *a, const struct futex_key *b)
{
	return a->kind == b->kind && a->space == b->space && a->addr == b->addr;
}

struct futex_bucket *futex_bucket_of(struct futex_table *t, const struct futex_key *k)
{
	/* Mix every bit of the key into the top bits (a multiply spreads the
	 * low ones upward; the shifts bring the high ones down first):
	 * neighbouring words and equal addresses of different spaces land
	 * in different buckets. */
	uint64_t x = k->addr ^ (k->space * 0x9e3779b97f4a7c15ULL) ^ k->kind;

	x ^= x >> 31;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 29;
	return &t->bucket[x & (FUTEX_BUCKETS - 1)];
}

static void append(struct futex_bucket *b, struct futex_q *q)
{
	q->bucket = b;
	q->next = NULL;
	q->prev = b->tail;
	if (b->tail)
		b->tail->next = q;
	else
		b->head = q;
	b->tail = q;
}

static void unlink_q(struct futex_q *q)
{
	struct futex_bucket *b = q->bucket;

	if (q->prev)
		q->prev->next = q->next;
	else
		b->head = q->next;
	if (q->next)
		q->next->prev = q->prev;
	else
		b->tail = q->prev;
	q->prev = q->next = NULL;
	q->bucket = NULL;
}

void futex_enqueue(struct futex_table *t, struct futex_q *q)
{
	append(futex_bucket_of(t, &q->key), q);
}

bool futex_dequeue(struct futex_q *q)
{
	if (!q->bucket)
		return false;
	unlink_q(q);
	return true;
}

int futex_wake_key(struct futex_table *t, const struct futex_key *k, int nr, uint32_t bitset, futex_wake_fn wake)
{
	struct futex_bucket *b = futex_bucket_of(t, k);
	int n = 0;

	for (struct futex_q *q = b->head, *next; q; q = next) {
		next = q->next;                  /* q may be gone once woken */
		if (!futex_key_eq(&q->key, k) || !(q->bitset & bitset))
			continue;
		unlink_q(q);
		wake(q);
		if (++n >= nr)
			break;
	}
	return n;
}

int futex_requeue_key(struct futex_table *t, const struct futex_key *from, const struct futex_key *to,
		      int nr_wake, int nr_requeue, futex_wake_fn wake)
{
	struct futex_bucket *b1 = futex_bucket_of(t, from), *b2 = futex_bucket_of(t, to);
	int n = 0;

	for (struct futex_q *q = b1->head, *next; q && n - nr_wake < nr_requeue; q = next) {
		next = q->next;
		if (!futex_key_eq(&q->key, from))
			continue;
		if (++n <= nr_wake) {
			unlink_q(q);
			wake(q);
		} else if (b1 == b2) {
			q->key = *to;                /* same chain: it keeps its place (Linux's requeue_futex) */
		} else {
			unlink_q(q);
			q->key = *to;
			append(b2, q);
		}
	}
	return n;
}

int futex_waiters(struct futex_table *t, const struct futex_key *k)
{
	int n = 0;

	for (struct futex_q *q = futex_bucket_of(t, k)->head; q; q = q->next)
		n += futex_key_eq(&q->key, k);
	return n;
}
