/*
 * test_futex_op.c - host tests for lib/futex_op.c: FUTEX_WAKE_OP's
 * decoding (signed 12-bit fields, the shift bit), each operation and each
 * comparison, and the codes that do not exist.
 */
#include "check.h"
#include "lib/futex_op.h"

/* Linux's FUTEX_OP(op, oparg, cmp, cmparg) (linux/futex.h). */
#define FUTEX_OP(op, oparg, cmp, cmparg) \
	(((uint32_t)((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))
#define SHIFT 8                           /* FUTEX_OP_OPARG_SHIFT, in op's field */

static uint32_t run(uint32_t val3, uint32_t old, int *cmp)
{
	struct futex_op o;

	CHECK(futex_op_decode(val3, &o));
	*cmp = futex_op_compare(&o, old);
	return futex_op_apply(&o, old);
}

static int cmp_of(uint32_t val3, uint32_t old)
{
	int c;

	run(val3, old, &c);
	return c;
}

int main(void)
{
	struct futex_op o;
	int c;

	/* glibc's old condvar op: FUTEX_OP_SET 0, wake if old > 1. */
	CHECK_EQ(run(FUTEX_OP(0, 0, 4, 1), 2, &c), 0u);
	CHECK_EQ(c, 1);
	CHECK_EQ(run(FUTEX_OP(0, 0, 4, 1), 1, &c), 0u);
	CHECK_EQ(c, 0);
	/* Each op. */
	CHECK_EQ(run(FUTEX_OP(1, 5, 0, 0), 10, &c), 15u);
	CHECK_EQ(run(FUTEX_OP(1, -1, 0, 0), 10, &c), 9u);            /* oparg is signed */
	CHECK_EQ(run(FUTEX_OP(2, 0x0f0, 0, 0), 0x101, &c), 0x1f1u);
	CHECK_EQ(run(FUTEX_OP(3, 0x0f0, 0, 0), 0xfff, &c), 0xf0fu);
	CHECK_EQ(run(FUTEX_OP(4, 0x0ff, 0, 0), 0x0f0, &c), 0x00fu);
	CHECK_EQ(run(FUTEX_OP(0, -2048, 0, 0), 0, &c), 0xfffff800u);   /* the most negative */
	/* The shift bit: the operand is 1 << oparg, a shift past 31 wraps. */
	CHECK_EQ(run(FUTEX_OP(SHIFT | 2, 4, 0, 0), 1, &c), 0x11u);
	CHECK_EQ(run(FUTEX_OP(SHIFT | 0, 31, 0, 0), 0, &c), 0x80000000u);
	CHECK_EQ(run(FUTEX_OP(SHIFT | 0, 33, 0, 0), 0, &c), 2u);
	/* Each comparison, signed, against a signed cmparg. */
	CHECK_EQ(cmp_of(FUTEX_OP(0, 0, 0, 7), 7), 1);
	CHECK_EQ(cmp_of(FUTEX_OP(0, 0, 1, 7), 7), 0);
	CHECK_EQ(cmp_of(FUTEX_OP(0, 0, 2, -1), 0xfffffffe), 1);  /* -2 < -1 */
	CHECK_EQ(cmp_of(FUTEX_OP(0, 0, 3, -1), 0xffffffff), 1);
	CHECK_EQ(cmp_of(FUTEX_OP(0, 0, 4, 0), 0x80000000), 0);   /* INT_MIN > 0: no */
	CHECK_EQ(cmp_of(FUTEX_OP(0, 0, 5, 3), 3), 1);
	/* An op past XOR does not exist; a cmp past GE does, only after. */
	CHECK(!futex_op_decode(FUTEX_OP(5, 0, 0, 0), &o));
	CHECK(!futex_op_decode(FUTEX_OP(7, 0, 0, 0), &o));
	CHECK(futex_op_decode(FUTEX_OP(1, 1, 6, 0), &o));
	CHECK_EQ(futex_op_compare(&o, 0), -1);
	return check_done();
}
