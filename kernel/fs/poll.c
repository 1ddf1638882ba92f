/*
 * poll.c - the one channel poll, ppoll, select and pselect6 sleep on
 * (sys/sys_poll.c). A file's readiness changes in many places (a pipe's
 * ring, the line discipline, a close), and each already wakes its own
 * sleepers: wakeup() (proc/sleep.c) wakes the pollers too, so they look at
 * all their files again. Spurious wakeups cost a look; a missed one cannot
 * happen (the big kernel lock, held until the switch: nothing changes
 * between the look and the sleep). poll_wakeup() is for a change that wakes nobody
 * else.
 */
#include "fs/poll.h"
#include "proc.h"

void poll_wakeup(void) { wakeup(&poll_chan); }
int poll_sleep(uint64_t deadline_ns) { return sleep_on(&poll_chan, deadline_ns); }
