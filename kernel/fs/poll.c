/*
 * poll.c - the one channel poll, ppoll, select and pselect6 sleep on
 * (sys/sys_poll.c). A file's readiness changes in many places (a pipe's
 * ring, the line discipline); each calls poll_wakeup() besides waking its
 * own sleepers, and every poller looks at all its files again. Spurious
 * wakeups cost a look; a missed one cannot happen (one CPU, interrupts
 * off in the kernel: nothing changes between the look and the sleep).
 */
#include "fs/vfs.h"
#include "proc.h"

static char pollers;                      /* the channel: its address */

void poll_wakeup(void) { wakeup(&pollers); }
int poll_sleep(uint64_t deadline_ns) { return sleep_on(&pollers, deadline_ns); }
