/* sys/select.h - select and pselect over descriptor sets (fd_set in api/poll.h). */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <api/poll.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>

#define FD_SET(fd, s)   ((s)->fds_bits[(fd) / 64] |= 1ULL << ((fd) % 64))
#define FD_CLR(fd, s)   ((s)->fds_bits[(fd) / 64] &= ~(1ULL << ((fd) % 64)))
#define FD_ISSET(fd, s) (((s)->fds_bits[(fd) / 64] >> ((fd) % 64)) & 1)
#define FD_ZERO(s)      __builtin_memset((s), 0, sizeof(fd_set))

int select(int n, fd_set *in, fd_set *out, fd_set *ex, struct timeval *timeout);
int pselect(int n, fd_set *in, fd_set *out, fd_set *ex, const struct timespec *timeout, const sigset_t *mask);

#endif
