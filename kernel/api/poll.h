/*
 * poll.h - poll(2)'s and select(2)'s structures and bits, shared by the
 * kernel and libc (Linux's x86-64 values and layouts).
 */
#ifndef API_POLL_H
#define API_POLL_H

#include <stdint.h>

#define POLLIN     0x0001    /* data to read */
#define POLLPRI    0x0002    /* urgent data (never, here) */
#define POLLOUT    0x0004    /* room to write */
#define POLLERR    0x0008    /* an error (a pipe's write end with no reader) */
#define POLLHUP    0x0010    /* hung up (a pipe's read end with no writer) */
#define POLLNVAL   0x0020    /* fd is not open */
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200

struct pollfd {
	int fd;                   /* negative: ignored, revents 0 */
	short events;             /* asked for */
	short revents;            /* the answer: events' ready ones, and POLLERR POLLHUP POLLNVAL always */
};

/* select's descriptor sets: bit fd % 64 of word fd / 64. FD_SETSIZE
 * descriptors in the libc's type; the kernel reads (nfds + 63) / 64 words. */
#define FD_SETSIZE 1024
typedef struct {
	uint64_t fds_bits[FD_SETSIZE / 64];
} fd_set;

#endif
