/*
 * ldisc.c - the console's line discipline: canonical input, as a Linux
 * tty with its default settings. Typed bytes are edited and echoed here;
 * a read sees only complete lines (docs/console.md has the keys).
 *
 * The input ring holds  [r, w)  complete lines nobody has read yet,
 *                       [w, e)  the line being edited.
 * Device interrupts (or the timer's poll) call ldisc_input; readers sleep
 * on the ring until a line is complete. One CPU and interrupts off in
 * the kernel: no locks.
 */
#include "api/signal.h"
#include "dev/tty.h"
#include "kernel.h"
#include "proc.h"

#define INPUT_MAX 1024                /* a power of two: the indices wrap with it */
#define CTRL(c) ((c) & 0x1f)
#define EOF_MARK CTRL('D')            /* ends a line in the ring; never given to a reader */

static struct {
	char buf[INPUT_MAX];
	unsigned r, w, e;
	unsigned col0;                /* the console column the edit line's echo began at */
	uint64_t seen;                /* console_writes after our last echo */
} in;

/* The byte at ring index i (indices run freely; the ring wraps them). */
static char at(unsigned i) { return in.buf[i % INPUT_MAX]; }

/* Write to the console, noting that the screen now ends with our echo. */
static void echo(const char *s, size_t n)
{
	console_write(s, n);
	in.seen = console_writes;
}

/* Echo one stored byte: control characters as ^X, so they stay visible and harmless. */
static void echo_char(char c)
{
	char caret[2] = { '^', c ^ 0x40 };

	if ((unsigned char)c < ' ' && c != '\t' && c != '\n')
		echo(caret, 2);
	else
		echo(&c, 1);
}

/* The column after c is echoed at column col. */
static unsigned advance(unsigned col, char c)
{
	if (c == '\t')
		return (col + 8) & ~7u;
	return col + ((unsigned char)c < ' ' ? 2 : 1);
}

/* Someone else wrote to the console since our last echo (a program, a
 * kernel message): show the edit line again on a line of its own, so
 * the edits that follow land on it. */
static void retype_if_overwritten(void)
{
	if (in.seen == console_writes || in.e == in.w)
		return;
	if (console_column() != 0)
		echo("\n", 1);
	in.col0 = 0;
	for (unsigned i = in.w; i < in.e; i++)
		echo_char(at(i));
}

/* Take back the edit line's last byte, on the screen too. */
static void erase_one(void)
{
	char c = at(--in.e);

	if (c == '\t') {              /* back to where the tab began: replay the line */
		unsigned col = in.col0;
		for (unsigned i = in.w; i < in.e; i++)
			col = advance(col, at(i));
		while (console_column() > col)
			echo("\b", 1);
		return;
	}
	for (unsigned n = advance(0, c); n > 0; n--)
		echo("\b \b", 3);
}

/* Ctrl-W: the blanks before the cursor, then the word before them. */
static void erase_word(void)
{
	while (in.e != in.w && (at(in.e - 1) == ' ' || at(in.e - 1) == '\t'))
		erase_one();
	while (in.e != in.w && at(in.e - 1) != ' ' && at(in.e - 1) != '\t')
		erase_one();
}

/* Ctrl-C: drop all unread input (as Linux does) and interrupt every
 * process but init; no process groups, so the shell ignores SIGINT. */
static void interrupt(void)
{
	echo("^C\n", 3);
	in.r = in.w = in.e;
	for (struct proc *p = procs; p < procs + NPROC; p++)
		if (p->state != P_FREE && p->state != P_ZOMBIE && p->pid != 1)
			signal_send_from(p, SIGINT, 0);   /* from the kernel */
}

/* Newline or Ctrl-D: the edit line becomes readable. */
static void end_line(char c)
{
	if (in.e - in.r >= INPUT_MAX)
		return;                       /* full: nothing fits, not even the end */
	in.buf[in.e++ % INPUT_MAX] = c;
	if (c == '\n')
		echo("\n", 1);
	in.w = in.e;
	wakeup(&in);
}

void ldisc_input(int c)
{
	if (c == '\r')
		c = '\n';                     /* Enter on a terminal sends CR */
	if (c == CTRL('C')) {
		interrupt();
		return;
	}
	retype_if_overwritten();
	switch (c) {
	case 0x7f: case '\b':
		if (in.e != in.w)
			erase_one();
		return;
	case CTRL('U'):
		while (in.e != in.w)
			erase_one();
		return;
	case CTRL('W'):
		erase_word();
		return;
	case CTRL('R'):                       /* type the line again */
		echo("^R\n", 3);
		in.col0 = 0;
		for (unsigned i = in.w; i < in.e; i++)
			echo_char(at(i));
		return;
	case '\n': case EOF_MARK:
		end_line(c);
		return;
	}
	/* An ordinary byte; one slot stays free for the line's end. */
	if (in.e - in.r >= INPUT_MAX - 1)
		return;
	if (in.e == in.w)
		in.col0 = console_column();
	in.buf[in.e++ % INPUT_MAX] = c;
	echo_char(c);
}

bool ldisc_ready(void) { return in.r != in.w; }

long ldisc_read(char *dst, size_t n)
{
	size_t got = 0;
	int err;

	while (in.r == in.w)
		if ((err = sleep_on(&in, 0)) < 0)
			return err;
	while (got < n && in.r != in.w) {
		char c = at(in.r++);
		if (c == EOF_MARK)
			return got;               /* the line's end; alone: end of file */
		dst[got++] = c;
		if (c == '\n')
			return got;
	}
	/* The reader took all of a line that Ctrl-D ended: the mark goes
	 * too, or the next read would see a false end of file. */
	if (in.r != in.w && at(in.r) == EOF_MARK)
		in.r++;
	return got;
}
