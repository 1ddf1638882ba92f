/* poll.h - waiting for descriptors (struct pollfd and POLL* in api/poll.h). */
#ifndef _POLL_H
#define _POLL_H

#include <api/poll.h>
#include <signal.h>
#include <time.h>

typedef unsigned long nfds_t;

int poll(struct pollfd *fds, nfds_t n, int timeout_ms);
int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *timeout, const sigset_t *mask);

#endif
