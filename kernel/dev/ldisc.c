/*
 * ldisc.c - the console's line discipline: the state of a Linux tty's
 * n_tty, driven by a struct termios (TCSETS). ldisc_rules.c decides what
 * each byte means; this file keeps the input buffer, draws the echo and
 * lets readers wait (docs/console.md has the keys).
 *
 * The input ring holds  [r, w)  input nobody has read yet: complete lines
 *                               (ICANON), or every byte (raw);
 *                       [w, e)  the line being edited (ICANON only).
 * A Ctrl-D that ends a line is a marked slot (eof[]), never given to a
 * reader. Device interrupts (or the timer's poll) call ldisc_input;
 * readers sleep on the ring. All of it under the big kernel lock (lock.h):
 * no locks of its own.
 */
#include "api/errno.h"
#include "dev/ldisc_rules.h"
#include "dev/tty.h"
#include "kernel.h"
#include "proc.h"
#include "time/clock.h"

#define INPUT_MAX 1024                /* a power of two: the indices wrap with it */

static struct termios tio = LD_STD_TERMIOS;

static struct {
	char buf[INPUT_MAX];
	uint8_t eof[INPUT_MAX / 8];   /* slot i holds a line-ending Ctrl-D */
	unsigned r, w, e;
	unsigned col0;                /* the console column the edit line's echo began at */
	uint64_t seen;                /* console_writes after our last echo */
	bool lnext;                   /* the last byte was VLNEXT: the next is data */
} in;

static bool canon(void) { return tio.c_lflag & ICANON; }
static bool echo_on(void) { return tio.c_lflag & ECHO; }

/* The byte at ring index i (indices run freely; the ring wraps them). */
static char at(unsigned i) { return in.buf[i % INPUT_MAX]; }
static bool eof_at(unsigned i) { return in.eof[i % INPUT_MAX / 8] >> (i % 8) & 1; }

/* Put c at the end of the ring, marked as a Ctrl-D line end or not. */
static void put(char c, bool eof)
{
	unsigned i = in.e++ % INPUT_MAX;

	in.buf[i] = c;
	in.eof[i / 8] = (in.eof[i / 8] & ~(1u << i % 8)) | eof << i % 8;
}

void ldisc_output(const char *s, size_t n)
{
	char out[256];
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		if (len > sizeof(out) - 2) {
			console_write_raw(out, len);
			len = 0;
		}
		len += ld_output(&tio, s[i], out + len);
	}
	console_write_raw(out, len);
}

/* Write echo to the console, noting that the screen now ends with it. */
static void echo(const char *s, size_t n)
{
	ldisc_output(s, n);
	in.seen = console_writes;
}

/* Echo one byte as the terminal's settings say (^X for controls, with ECHOCTL). */
static void echo_char(char c)
{
	char out[2];

	echo(out, ld_echo(&tio, c, out));
}

/* The column after c is echoed at column col. */
static unsigned advance(unsigned col, char c)
{
	if (c == '\t')
		return (col + 8) & ~7u;
	return col + ((unsigned char)c < ' ' && (tio.c_lflag & ECHOCTL) ? 2 : 1);
}

/* Someone else wrote to the console since our last echo (a program, a
 * kernel message): show the edit line again on a line of its own, so
 * the edits that follow land on it. */
static void retype_if_overwritten(void)
{
	if (!echo_on() || in.seen == console_writes || in.e == in.w)
		return;
	if (console_column() != 0)
		echo("\n", 1);
	in.col0 = 0;
	for (unsigned i = in.w; i < in.e; i++)
		echo_char(at(i));
}

/* Take back the edit line's last byte; ECHOE: on the screen too, else
 * the erase character c is echoed. */
static void erase_one(char c)
{
	char gone = at(--in.e);

	if (!echo_on())
		return;
	if (!(tio.c_lflag & ECHOE)) {
		echo_char(c);
		return;
	}
	if (gone == '\t') {           /* back to where the tab began: replay the line */
		unsigned col = in.col0;
		for (unsigned i = in.w; i < in.e; i++)
			col = advance(col, at(i));
		while (console_column() > col)
			echo("\b", 1);
		return;
	}
	for (unsigned n = advance(0, gone); n > 0; n--)
		echo("\b \b", 3);
}

/* VWERASE: the blanks before the cursor, then the word before them. */
static void erase_word(char c)
{
	while (in.e != in.w && (at(in.e - 1) == ' ' || at(in.e - 1) == '\t'))
		erase_one(c);
	while (in.e != in.w && at(in.e - 1) != ' ' && at(in.e - 1) != '\t')
		erase_one(c);
}

/* VKILL: the whole edit line; erased on the screen with ECHOE, ECHOK and
 * ECHOKE, else the kill character shown, and a newline with ECHOK. */
static void kill_line(char c)
{
	const tcflag_t all = ECHOE | ECHOK | ECHOKE;

	if ((tio.c_lflag & all) == all) {
		while (in.e != in.w)
			erase_one(c);
		return;
	}
	in.e = in.w;
	if (echo_on()) {
		echo_char(c);
		if (tio.c_lflag & ECHOK)
			echo("\n", 1);
	}
}

/* A signal character (ISIG): the input goes (unless NOFLSH), as on Linux;
 * the foreground process group gets the signal. */
static void signal_char(const struct ld_in *d)
{
	if (d->flush)
		in.r = in.w = in.e;
	echo_char(d->c);
	tty_signal_fg(d->sig);
}

/* The edit line becomes readable, ended by c (or by a Ctrl-D mark). */
static void end_line(char c, bool eof)
{
	if (in.e - in.r >= INPUT_MAX)
		return;                       /* full: nothing fits, not even the end */
	put(c, eof);
	if (!eof)
		echo_char(c);
	in.w = in.e;
	wakeup(&in);
}

void ldisc_input(int byte)
{
	struct ld_in d = ld_input(&tio, byte, in.lnext);

	in.lnext = false;
	if (d.act == LD_IGNORE)
		return;
	if (d.act == LD_SIGNAL) {
		signal_char(&d);
		return;
	}
	if (canon())
		retype_if_overwritten();
	switch (d.act) {
	case LD_LNEXT:
		in.lnext = true;
		if (echo_on() && (tio.c_lflag & ECHOCTL))
			echo("^\b", 2);       /* Linux's mark for a byte to come */
		return;
	case LD_ERASE:
		if (in.e != in.w)
			erase_one(d.c);
		return;
	case LD_WERASE:
		erase_word(d.c);
		return;
	case LD_KILL:
		kill_line(d.c);
		return;
	case LD_REPRINT:
		echo_char(d.c);
		echo("\n", 1);
		in.col0 = 0;
		for (unsigned i = in.w; i < in.e; i++)
			echo_char(at(i));
		return;
	case LD_EOF:
		end_line(d.c, true);
		return;
	case LD_LINE_END:
		end_line(d.c, false);
		return;
	default:
		break;
	}
	/* Data. On an edit line one slot stays free for the line's end. */
	if (in.e - in.r >= INPUT_MAX - canon())
		return;
	if (in.e == in.w)
		in.col0 = console_column();
	put(d.c, false);
	echo_char(d.c);
	if (!canon()) {
		in.w = in.e;                  /* raw: readable at once */
		wakeup(&in);
	}
}

bool ldisc_ready(void)
{
	if (!canon() && !tio.c_cc[VMIN] && !tio.c_cc[VTIME])
		return true;                  /* a read that never waits */
	return in.r != in.w;
}

long ldisc_avail(void)
{
	long n = 0;

	for (unsigned i = in.r; i != in.w; i++)
		n += !eof_at(i);
	return n;
}

void ldisc_flush(void)
{
	in.r = in.w = in.e;
	in.lnext = false;
}

void ldisc_get_termios(struct termios *t) { *t = tio; }

void ldisc_set_termios(const struct termios *t)
{
	tio = *t;
	if (!canon()) {
		in.w = in.e;                  /* the edit line is input now */
		wakeup(&in);
	}
}

/* Raw input (no ICANON), termios(3)'s four cases of VMIN and VTIME:
 * MIN bytes (or n, fewer) with no timer; with VTIME too, the timer runs
 * between bytes once the first came; VMIN 0: whatever is there within
 * VTIME tenths of a second, or at once. */
static long raw_read(char *dst, size_t n)
{
	size_t min = tio.c_cc[VMIN], got = 0;
	uint64_t tenth = 100000000ULL, wait = tio.c_cc[VTIME] * tenth, deadline = 0;

	if (min > n)
		min = n;
	if (!tio.c_cc[VMIN]) {
		min = wait ? 1 : 0;
		if (wait)
			deadline = clock_monotonic_ns() + wait;
	}
	for (;;) {
		while (got < n && in.r != in.w)
			dst[got++] = at(in.r++);
		if (got >= min)
			return got;
		if (tio.c_cc[VMIN] && wait && got)
			deadline = clock_monotonic_ns() + wait;  /* the timer between bytes */
		int err = sleep_on(&in, deadline);
		if (err == 0 && !got)
			err = tty_check_read();   /* stopped meanwhile, maybe sent to the background */
		if (err < 0)
			return got ? (long)got : err;
		if (deadline && clock_monotonic_ns() >= deadline && in.r == in.w)
			return got;
	}
}

long ldisc_read(char *dst, size_t n)
{
	size_t got = 0;
	int err;

	if (!canon())
		return raw_read(dst, n);
	/* After each sleep the reader may be in the background (stopped,
	 * moved, continued): the job-control check again, as Linux's
	 * restarted read makes it. */
	while (in.r == in.w)
		if ((err = sleep_on(&in, 0)) < 0 || (err = tty_check_read()) < 0)
			return err;
	while (got < n && in.r != in.w) {
		if (eof_at(in.r)) {
			in.r++;
			return got;               /* the line's end; alone: end of file */
		}
		char c = at(in.r++);
		dst[got++] = c;
		if (c == '\n' || (c && (c == tio.c_cc[VEOL] || c == tio.c_cc[VEOL2])))
			return got;           /* one line per read */
	}
	/* The reader took all of a line that Ctrl-D ended: the mark goes
	 * too, or the next read would see a false end of file. */
	if (in.r != in.w && eof_at(in.r))
		in.r++;
	return got;
}
