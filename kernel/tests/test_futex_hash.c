/*
 * test_futex_hash.c - host tests for lib/futex_hash.c: keys of the three
 * kinds match only themselves, waiters of a key wake oldest first, up to
 * N of them with a matching bitset (at least one, as Linux), and a
 * requeue wakes some and moves the next ones, in order, counting both.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "lib/futex_hash.h"

static struct futex_table table;
static struct futex_q *woken[64];
static int nwoken;

static void record(struct futex_q *q)
{
	CHECK(q->bucket == NULL);                /* off its queue before the callback */
	woken[nwoken++] = q;
}

static void reset(void)
{
	memset(&table, 0, sizeof(table));
	nwoken = 0;
}

static struct futex_key key(uint32_t kind, uint64_t space, uint64_t addr)
{
	return (struct futex_key){ space, addr, kind };
}

static void wait_on(struct futex_q *q, struct futex_key k, uint32_t bitset)
{
	*q = (struct futex_q){ .key = k, .bitset = bitset };
	futex_enqueue(&table, q);
}

static void test_keys(void)
{
	struct futex_key a = key(FUTEX_KEY_PRIVATE, 0x1000, 0x4000);
	struct futex_key b = key(FUTEX_KEY_MM, 0x1000, 0x4000);      /* same word, shared op */
	struct futex_key c = key(FUTEX_KEY_PRIVATE, 0x2000, 0x4000); /* another space */
	struct futex_key d = key(FUTEX_KEY_FRAME, 0, 0x4000);
	struct futex_q qa, qb, qc, qd;

	reset();
	CHECK(futex_key_eq(&a, &a));
	CHECK(!futex_key_eq(&a, &b));
	CHECK(!futex_key_eq(&a, &c));
	CHECK(!futex_key_eq(&a, &d));
	wait_on(&qa, a, ~0u);
	wait_on(&qb, b, ~0u);
	wait_on(&qc, c, ~0u);
	wait_on(&qd, d, ~0u);
	CHECK_EQ(futex_waiters(&table, &a), 1);
	CHECK_EQ(futex_wake_key(&table, &a, 10, ~0u, record), 1);
	CHECK(nwoken == 1 && woken[0] == &qa);
	CHECK_EQ(futex_wake_key(&table, &a, 10, ~0u, record), 0);   /* nobody left on a */
	CHECK_EQ(futex_wake_key(&table, &d, 10, ~0u, record), 1);
	CHECK(woken[1] == &qd);
	CHECK_EQ(futex_waiters(&table, &b), 1);
	CHECK_EQ(futex_waiters(&table, &c), 1);

	/* Neighbouring words spread over the table (not all in one chain). */
	struct futex_bucket *first = futex_bucket_of(&table, &a);
	int same = 0;
	for (uint64_t i = 1; i < 64; i++) {
		struct futex_key k = key(FUTEX_KEY_PRIVATE, 0x1000, 0x4000 + 4 * i);
		same += futex_bucket_of(&table, &k) == first;
	}
	CHECK(same < 8);
}

static void test_fifo_and_count(void)
{
	struct futex_key k = key(FUTEX_KEY_PRIVATE, 0x1000, 0x5000);
	struct futex_key other = key(FUTEX_KEY_PRIVATE, 0x1000, 0x5004);
	struct futex_q q[6], o;

	reset();
	for (int i = 0; i < 3; i++)
		wait_on(&q[i], k, ~0u);
	wait_on(&o, other, ~0u);
	for (int i = 3; i < 6; i++)
		wait_on(&q[i], k, ~0u);
	CHECK_EQ(futex_waiters(&table, &k), 6);
	CHECK_EQ(futex_wake_key(&table, &k, 2, ~0u, record), 2);
	CHECK(woken[0] == &q[0] && woken[1] == &q[1]);
	/* nr 0 (and negative) still wakes one, as Linux's ++ret >= nr_wake. */
	CHECK_EQ(futex_wake_key(&table, &k, 0, ~0u, record), 1);
	CHECK(woken[2] == &q[2]);
	CHECK_EQ(futex_wake_key(&table, &k, -5, ~0u, record), 1);
	CHECK(woken[3] == &q[3]);
	/* A waiter that leaves by itself (a signal, a time-out). */
	CHECK(futex_dequeue(&q[4]));
	CHECK(!futex_dequeue(&q[4]));            /* only once */
	CHECK(!futex_dequeue(&q[0]));            /* woken: no longer queued */
	CHECK_EQ(futex_wake_key(&table, &k, 100, ~0u, record), 1);
	CHECK(woken[4] == &q[5]);
	CHECK_EQ(futex_waiters(&table, &k), 0);
	CHECK_EQ(futex_waiters(&table, &other), 1);
}

static void test_bitset(void)
{
	struct futex_key k = key(FUTEX_KEY_FRAME, 0, 0x123000);
	struct futex_q q1, q2, q3;

	reset();
	wait_on(&q1, k, 0x1);
	wait_on(&q2, k, 0x2);
	wait_on(&q3, k, 0x3);
	CHECK_EQ(futex_wake_key(&table, &k, 10, 0x2, record), 2);   /* q2 and q3, in order */
	CHECK(woken[0] == &q2 && woken[1] == &q3);
	CHECK_EQ(futex_wake_key(&table, &k, 10, 0x4, record), 0);
	CHECK_EQ(futex_wake_key(&table, &k, 10, ~0u, record), 1);
	CHECK(woken[2] == &q1);
}

static void test_requeue(void)
{
	struct futex_key a = key(FUTEX_KEY_MM, 0x1000, 0x6000), b = key(FUTEX_KEY_MM, 0x1000, 0x7000);
	struct futex_q q[6], old;

	reset();
	wait_on(&old, b, ~0u);                   /* already on b: stays first there */
	for (int i = 0; i < 6; i++)
		wait_on(&q[i], a, ~0u);
	/* Wake 1, move 3: returns 4; q4 and q5 stay on a. */
	CHECK_EQ(futex_requeue_key(&table, &a, &b, 1, 3, record), 4);
	CHECK(nwoken == 1 && woken[0] == &q[0]);
	CHECK_EQ(futex_waiters(&table, &a), 2);
	CHECK_EQ(futex_waiters(&table, &b), 4);
	CHECK(futex_key_eq(&q[1].key, &b) && futex_key_eq(&q[4].key, &a));
	/* On b, oldest first: old, then q1, q2, q3. */
	CHECK_EQ(futex_wake_key(&table, &b, 10, ~0u, record), 4);
	CHECK(woken[1] == &old && woken[2] == &q[1] && woken[3] == &q[2] && woken[4] == &q[3]);
	/* Nothing to wake, nothing to move: 0. */
	CHECK_EQ(futex_requeue_key(&table, &a, &b, 0, 0, record), 0);
	CHECK_EQ(futex_waiters(&table, &a), 2);
	/* Move all (nr_wake 0): counts the moved ones. */
	CHECK_EQ(futex_requeue_key(&table, &a, &b, 0, 0x7fffffff, record), 2);
	CHECK_EQ(futex_waiters(&table, &b), 2);
	/* Onto the same key: they stay, counted, and no loop. */
	CHECK_EQ(futex_requeue_key(&table, &b, &b, 0, 0x7fffffff, record), 2);
	CHECK_EQ(futex_wake_key(&table, &b, 10, ~0u, record), 2);
	CHECK(woken[5] == &q[4] && woken[6] == &q[5]);
	/* Wake more than there are: the count is what was there. */
	wait_on(&q[0], a, ~0u);
	CHECK_EQ(futex_requeue_key(&table, &a, &b, 5, 5, record), 1);
	CHECK(woken[7] == &q[0]);
}

/* Two keys in one chain: a requeue between them keeps places, and other
 * keys in the chain are untouched. */
static void test_requeue_same_bucket(void)
{
	struct futex_key a = key(FUTEX_KEY_PRIVATE, 0x1000, 0x8000), b;
	struct futex_q qa1, qb, qa2;
	uint64_t addr = 0x8004;

	reset();
	do {                                     /* find a second word in a's chain */
		b = key(FUTEX_KEY_PRIVATE, 0x1000, addr);
		addr += 4;
	} while (futex_bucket_of(&table, &b) != futex_bucket_of(&table, &a));
	wait_on(&qa1, a, ~0u);
	wait_on(&qb, b, ~0u);
	wait_on(&qa2, a, ~0u);
	CHECK_EQ(futex_requeue_key(&table, &a, &b, 0, 10, record), 2);
	CHECK_EQ(futex_wake_key(&table, &b, 10, ~0u, record), 3);
	CHECK(woken[0] == &qa1 && woken[1] == &qb && woken[2] == &qa2);
}

int main(void)
{
	test_keys();
	test_fifo_and_count();
	test_bitset();
	test_requeue();
	test_requeue_same_bucket();
	return check_done();
}
