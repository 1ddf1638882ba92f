/* poll.h - the channel poll, ppoll, select and pselect6 sleep on (fs/poll.c). */
#ifndef FS_POLL_H
#define FS_POLL_H

#include <stdint.h>

/* Whatever makes a file readier (a pipe's data or room, a tty's line, a
 * close) calls this, besides waking its own sleepers. */
void poll_wakeup(void);

/* Sleep until poll_wakeup(), the deadline (monotonic ns, 0 = none) or a
 * signal: 0 (look at the files again) or -EINTR. */
int poll_sleep(uint64_t deadline_ns);

#endif
