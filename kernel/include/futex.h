/* futex.h - what the rest of the kernel asks of futexes (sys/sys_futex.c). */
#ifndef FUTEX_H
#define FUTEX_H

#include <stdint.h>

struct mm;

/* A FUTEX_WAKE of up to nr waiters on the word at uaddr in space mm, as
 * a non-private wake: how many woke. */
int futex_wake_addr(struct mm *mm, uint64_t uaddr, int nr);

#endif
