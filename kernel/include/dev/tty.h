/* tty.h - /dev/console's reads and writes (dev/tty.c). */
#ifndef DEV_TTY_H
#define DEV_TTY_H

#include <stddef.h>

long tty_write_user(const char *u, size_t n);   /* the count, or -EFAULT */
/* Block until input is there; at least one byte, at most n, up to a
 * newline. The count, -EFAULT or -EINTR. */
long tty_read_user(char *u, size_t n);
void tty_poll(void);                            /* from the timer: take received bytes */

#endif
