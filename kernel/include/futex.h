/* futex.h - what the rest of the kernel may ask of futexes (sys/sys_futex.c). */
#ifndef FUTEX_H
#define FUTEX_H

#include <stdint.h>

struct mm;

/* A non-private FUTEX_WAKE of up to nr waiters on the word at uaddr of
 * mm, as Linux's mm_release does for clear_child_tid when a thread ends
 * (the word just written, so its page is in memory): the number woken,
 * or -EINVAL (misaligned) / -EFAULT (no page there). */
int futex_wake_addr(struct mm *mm, uint64_t uaddr, int nr);

#endif
