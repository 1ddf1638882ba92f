/*
 * futex_op.h - FUTEX_WAKE_OP's encoded operation (futex(2)), without the
 * kernel: what to do to the second word and when to wake its waiters
 * (host-tested; sys/sys_futex.c applies it atomically to user memory).
 *
 * val3 packs, from the top bit down (Linux's FUTEX_OP macro):
 *   bit 31       FUTEX_OP_OPARG_SHIFT: the operand is 1 << oparg
 *   bits 30..28  op:  SET 0, ADD 1, OR 2, ANDN 3 (old & ~arg), XOR 4
 *   bits 27..24  cmp: EQ 0, NE 1, LT 2, LE 3, GT 4, GE 5 (signed)
 *   bits 23..12  oparg, 12-bit signed
 *   bits 11..0   cmparg, 12-bit signed
 */
#ifndef LIB_FUTEX_OP_H
#define LIB_FUTEX_OP_H

#include <stdbool.h>
#include <stdint.h>

struct futex_op {
	int op, cmp;                     /* the fields above; op without the shift bit */
	uint32_t oparg;                  /* the operand, shifted already */
	int32_t cmparg;
};

/* Split val3. false for an op that does not exist (-ENOSYS: Linux checks
 * the op before it touches the word, and the cmp only after). */
bool futex_op_decode(uint32_t val3, struct futex_op *o);
/* The word's new value, from its old one. */
uint32_t futex_op_apply(const struct futex_op *o, uint32_t old);
/* Whether the second word's waiters wake: 1 or 0, from the old value; -1
 * for a cmp that does not exist (-ENOSYS, after the word was changed). */
int futex_op_compare(const struct futex_op *o, uint32_t old);

#endif
