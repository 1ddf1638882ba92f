/*
 * futex_op.c - FUTEX_WAKE_OP's operation and comparison (futex_op.h has
 * the encoding; Linux's futex_atomic_op_inuser is the reference).
 */
#include "lib/futex_op.h"

enum { OP_SET, OP_ADD, OP_OR, OP_ANDN, OP_XOR };
enum { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE };

/* The 12-bit signed field of v at bit shift. */
static int32_t field12(uint32_t v, int shift) { return (int32_t)(v >> shift << 20) >> 20; }

bool futex_op_decode(uint32_t val3, struct futex_op *o)
{
	int32_t oparg = field12(val3, 12);

	o->op = val3 >> 28 & 7;
	o->cmp = val3 >> 24 & 15;
	o->cmparg = field12(val3, 0);
	if (val3 >> 31) {
		/* A shift out of 0..31 is taken modulo 32, as Linux has done
		 * since 4.19 (it used to be undefined behaviour). */
		oparg &= 31;
		o->oparg = 1u << oparg;
	} else {
		o->oparg = (uint32_t)oparg;
	}
	return o->op <= OP_XOR;
}

uint32_t futex_op_apply(const struct futex_op *o, uint32_t old)
{
	switch (o->op) {
	case OP_SET: return o->oparg;
	case OP_ADD: return old + o->oparg;
	case OP_OR: return old | o->oparg;
	case OP_ANDN: return old & ~o->oparg;
	default: return old ^ o->oparg;      /* OP_XOR: decode allowed no other */
	}
}

int futex_op_compare(const struct futex_op *o, uint32_t old)
{
	int32_t v = (int32_t)old;

	switch (o->cmp) {
	case CMP_EQ: return v == o->cmparg;
	case CMP_NE: return v != o->cmparg;
	case CMP_LT: return v < o->cmparg;
	case CMP_LE: return v <= o->cmparg;
	case CMP_GT: return v > o->cmparg;
	case CMP_GE: return v >= o->cmparg;
	default: return -1;
	}
}
