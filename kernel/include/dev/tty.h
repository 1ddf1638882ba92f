/* tty.h - /dev/console (dev/tty.c), its line discipline (dev/ldisc.c)
 * and its job control (dev/tty_job.c). */
#ifndef DEV_TTY_H
#define DEV_TTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct proc;
struct termios;

long tty_write_user(const char *u, size_t n);   /* the count, -EFAULT, -EIO or -EINTR (TOSTOP) */
long tty_write_kernel(const char *buf, size_t n);  /* the count (sendfile) */
/* Block until input is there (a line, with ICANON; VMIN/VTIME's rule
 * without); at most n bytes. The count (0 at end of file), -EFAULT
 * (before waiting), -EINTR, or -EIO for a background reader that cannot
 * be stopped (SIGTTIN ignored or blocked, orphaned group). */
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
/* Wait for input (as tty_read_user says), take up to n bytes into dst:
 * the count (0 at end of file) or -EINTR. */
long ldisc_read(char *dst, size_t n);
bool ldisc_ready(void);                         /* would ldisc_read return without waiting? */
long ldisc_avail(void);                         /* bytes a reader may take now (FIONREAD) */
void ldisc_flush(void);                         /* drop the unread input and the edit line */
void ldisc_get_termios(struct termios *t);
void ldisc_set_termios(const struct termios *t);
/* Write s to the console with the output processing (OPOST, ONLCR). */
void ldisc_output(const char *s, size_t n);

/* tty_job.c: the console as a controlling terminal (credentials(7)). */
void tty_session_start(struct proc *p);         /* p (init) leads the session the console belongs to */
/* Session sid's leader ends: the terminal is nobody's; its foreground
 * group gets SIGHUP and SIGCONT. */
void tty_session_end(int sid);
/* Has the caller a controlling terminal (the console)? 0, else -ENXIO
 * (dev/console.c's tty_open_ctty, /dev/tty's open, asks). */
long tty_has_ctty(void);
/* For /proc: the foreground group of p's controlling terminal (-1 when
 * it has none), or 0 when p has no controlling terminal. */
int tty_fg_of(const struct proc *p);
void tty_signal_fg(int sig);                    /* to the foreground process group (ISIG) */
/* A background process of the terminal's session reads (SIGTTIN), writes
 * with TOSTOP (SIGTTOU), or changes settings (SIGTTOU): stop its group
 * and wait, or say what it gets instead. 0 (go on), -EIO or -EINTR. */
long tty_check_read(void);
long tty_check_write(void);
long tty_check_change(void);
/* TIOCGPGRP, TIOCSPGRP, TIOCGSID, TIOCSCTTY, TIOCNOTTY; -ENOTTY for others. */
long tty_job_ioctl(uint32_t cmd, uint64_t uarg);

#endif
