/* futex.h - futex(2)'s operations and flags (Linux's values), shared by
 * the kernel and user programs. The call: docs/abi.md, "Futexes". */
#ifndef API_FUTEX_H
#define API_FUTEX_H

#define FUTEX_WAIT            0      /* sleep while *uaddr == val; relative timeout */
#define FUTEX_WAKE            1      /* wake up to val waiters */
#define FUTEX_FD              2      /* gone from Linux since 2.6.26: -ENOSYS */
#define FUTEX_REQUEUE         3      /* wake val, move up to val2 (the timeout argument) to uaddr2 */
#define FUTEX_CMP_REQUEUE     4      /* the same, only while *uaddr == val3 */
#define FUTEX_WAKE_OP         5      /* change *uaddr2 by val3's op; wake val of uaddr, val2 of uaddr2 if its cmp held */
#define FUTEX_LOCK_PI         6      /* the priority-inheritance calls: not here, -ENOSYS */
#define FUTEX_UNLOCK_PI       7
#define FUTEX_TRYLOCK_PI      8
#define FUTEX_WAIT_BITSET     9      /* FUTEX_WAIT with a bitset (val3) and an absolute timeout */
#define FUTEX_WAKE_BITSET     10     /* wake waiters whose bitset shares a bit with val3 */
#define FUTEX_WAIT_REQUEUE_PI 11
#define FUTEX_CMP_REQUEUE_PI  12
#define FUTEX_LOCK_PI2        13

#define FUTEX_PRIVATE_FLAG    128    /* only this address space's waiters (faster, no page look-up) */
#define FUTEX_CLOCK_REALTIME  256    /* FUTEX_WAIT_BITSET's deadline is on CLOCK_REALTIME */
#define FUTEX_CMD_MASK        (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

/* The private forms programs use (Linux's <linux/futex.h> names). */
#define FUTEX_WAIT_PRIVATE        (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE        (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE     (FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_CMP_REQUEUE_PRIVATE (FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE (FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_BITSET_PRIVATE (FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_OP_PRIVATE     (FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG)

#define FUTEX_BITSET_MATCH_ANY 0xffffffffu   /* what FUTEX_WAIT and FUTEX_WAKE use */

#endif
