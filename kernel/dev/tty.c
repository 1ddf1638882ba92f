/*
 * tty.c - /dev/console: output to the serial port and the framebuffer,
 * input from the serial port. The timer moves received bytes into a ring
 * (tty_poll) and wakes readers; a read returns what is there, at least one
 * byte, up to a newline.
 */
#include "api/errno.h"
#include "dev/tty.h"
#include "kernel.h"
#include "proc.h"
#include "uaccess.h"

#define CHUNK 256
#define RING  1024

static char ring[RING];
static unsigned head, tail;              /* bytes ring[tail..head) wait to be read */

long tty_write_user(const char *u, size_t n)
{
	char buf[CHUNK];
	size_t done = 0;

	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		if (copy_from_user(buf, u + done, c) < 0)
			return done ? (long)done : -EFAULT;
		console_write(buf, c);
		done += c;
	}
	return done;
}

long tty_read_user(char *u, size_t n)
{
	char kbuf[CHUNK];
	size_t got = 0;
	int r;

	if (n > CHUNK)
		n = CHUNK;
	/* Fail before waiting: nobody should block on a read that cannot land. */
	if (!user_writable((uint64_t)u, n))
		return -EFAULT;
	while (head == tail)
		if ((r = sleep_on(ring, 0)) < 0)
			return r;
	do {
		char c = ring[tail++ % RING];
		kbuf[got++] = c == '\r' ? '\n' : c;
	} while (got < n && kbuf[got - 1] != '\n' && head != tail);
	return copy_to_user(u, kbuf, got) < 0 ? -EFAULT : (long)got;
}

void tty_poll(void)
{
	int c, any = 0;

	while (head - tail < RING && (c = serial_getc()) >= 0)
		ring[head++ % RING] = c, any = 1;
	if (any)
		wakeup(ring);
}
