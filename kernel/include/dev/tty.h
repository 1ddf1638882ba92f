/* tty.h - /dev/console (dev/tty.c) and its line discipline (dev/ldisc.c). */
#ifndef DEV_TTY_H
#define DEV_TTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

long tty_write_user(const char *u, size_t n);   /* the count, or -EFAULT */
long tty_write_kernel(const char *buf, size_t n);  /* the count (sendfile) */
/* Block until a line is complete; at most n bytes of it. The count (0 at
 * end of file), -EFAULT (before waiting) or -EINTR. */
long tty_read_user(char *u, size_t n);
/* The same, but -EAGAIN instead of waiting (O_NONBLOCK). */
long tty_read_user_nonblock(char *u, size_t n);
long tty_read_kernel(char *buf, size_t n, bool nonblock);   /* readv's, to scatter */
/* The console's own ioctl requests (TCGETS, TIOCGWINSZ, ...): 0 or -errno
 * (-ENOTTY for a request a terminal does not know). */
long tty_ioctl(uint32_t cmd, uint64_t uarg);
void tty_init(void);                            /* input by interrupt if there is an IOAPIC, else polled on the tick */

/* ldisc.c */
void ldisc_input(int c);                        /* a typed byte (interrupts off) */
/* Wait for a complete line, take up to n bytes of it into dst: the count
 * (0 at end of file) or -EINTR. */
long ldisc_read(char *dst, size_t n);
bool ldisc_ready(void);                         /* would ldisc_read return without waiting? */

#endif
