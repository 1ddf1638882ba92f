/* tty.h - /dev/console (dev/tty.c) and its line discipline (dev/ldisc.c). */
#ifndef DEV_TTY_H
#define DEV_TTY_H

#include <stddef.h>

long tty_write_user(const char *u, size_t n);   /* the count, or -EFAULT */
/* Block until a line is complete; at most n bytes of it. The count (0 at
 * end of file), -EFAULT (before waiting) or -EINTR. */
long tty_read_user(char *u, size_t n);
void tty_init(void);                            /* input by interrupt if there is an IOAPIC, else polled on the tick */

/* ldisc.c */
void ldisc_input(int c);                        /* a typed byte (interrupts off) */
/* Wait for a complete line, take up to n bytes of it into dst: the count
 * (0 at end of file) or -EINTR. */
long ldisc_read(char *dst, size_t n);

#endif
