/* poll.h - the channel poll, ppoll, select and pselect6 sleep on (fs/poll.c). */
#ifndef FS_POLL_H
#define FS_POLL_H

#include <stdint.h>

/* Wake the pollers. Every wakeup() does (proc/sleep.c), so a file whose
 * readiness changes where its own sleepers are woken needs nothing more;
 * this is for a change that wakes nobody else. */
void poll_wakeup(void);

/* Sleep until poll_wakeup(), the deadline (monotonic ns, 0 = none) or a
 * signal: 0 (look at the files again) or -EINTR. */
int poll_sleep(uint64_t deadline_ns);

#endif
